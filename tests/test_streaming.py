"""Streaming: files are read line by line and checked window by window, with the same results
as a check of the whole file at once."""
import json
import os
import threading

import pytest
from click.testing import CliRunner

import tqcheck.engine as engine
import tqcheck.io.inputs as inputs
from tqcheck.cli import cli
from tqcheck.errors import InputError
from tqcheck.io.inputs import InputFile
from tqcheck.io.text import iter_segments, parse_text, read_text
from tqcheck.registry import DocumentRule
from tqcheck.rules import all_rules as rule_classes

from conftest import ROOT
from helpers import run_rules

SAMPLES = sorted(os.path.join(ROOT, "samples", d) for d in os.listdir(os.path.join(ROOT, "samples")))
FIXTURES = os.path.join(ROOT, "tests", "fixtures")
BAGHDAD = os.path.join(ROOT, "samples", "afp-baghdad-drones")
EU = os.path.join(ROOT, "samples", "clean-eu-summit")
PARIS = os.path.join(ROOT, "samples", "afp-paris-pensions")

#: Every way the suite checks inputs: with references and source, with a source only (TQ912
#: then reads the translation itself), translation only, and a corpus (cross-file rules).
RUNS = {
    "samples": SAMPLES,
    "source only": [os.path.join(PARIS, "mt.en.txt"), "--src", os.path.join(PARIS, "src.fr.txt")],
    "post-edit": [os.path.join(FIXTURES, "fidelity", "afp-baghdad-drones-postedit.en.txt"),
                  "--ref", os.path.join(BAGHDAD, "ref.en.txt"), "--src", os.path.join(BAGHDAD, "src.fr.txt")],
    "omission": [os.path.join(FIXTURES, "fidelity", "clean-eu-summit-omission.en.txt"),
                 "--ref", os.path.join(EU, "ref.en.txt"), "--src", os.path.join(EU, "src.fr.txt")],
    # two paragraphs exchanged: TQ918 names the line each renders, whichever window holds it
    "swapped": [os.path.join(FIXTURES, "fidelity", "clean-eu-summit-swapped.en.txt"), "--src", os.path.join(EU, "src.fr.txt")],
    "correct english": [os.path.join(FIXTURES, "correct_english.txt")],
    "corpus drift": [os.path.join(FIXTURES, "corpus", "drift")],
}


#: The opt-in rules are checked in windows too.
OPT_IN = ",".join(cls.code for cls in rule_classes() if cls.opt_in)


def report(args, window, monkeypatch):
    monkeypatch.setattr(engine, "WINDOW_SEGMENTS", window)
    monkeypatch.setattr(engine, "PARALLEL_MIN_SEGMENTS", 1)  # workers too, whatever the window
    result = CliRunner().invoke(cli, ["check", *args, "--format", "json", "--worst", "5", "--jobs", "2",
                                      "--extend-select", OPT_IN])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", RUNS)
@pytest.mark.parametrize("window", [1, 2, 3, 7])
def test_windowed_check_equals_whole_check(name, window, monkeypatch):
    whole = report(RUNS[name], 10**9, monkeypatch)
    assert report(RUNS[name], window, monkeypatch) == whole
    assert any(f["findings"] for f in whole["files"]) or name == "correct english"
    if name == "source only":  # TQ912 judged on the translation's own words, across windows: "Conseil"
        # (des ministres, d'orientation des retraites) is an ordinary word translated "Council", no name lost
        assert [f["line"] for f in whole["files"][0]["findings"] if f["rule"] == "TQ912"] == []


def test_the_runs_exercise_the_document_rules(monkeypatch):
    """The equality above means something only if the document-level rules do find things."""
    found = set()
    for args in RUNS.values():
        found |= {f["rule"] for fr in report(args, 1, monkeypatch)["files"] for f in fr["findings"]}
    document_rules = {cls.code for cls in rule_classes() if issubclass(cls, DocumentRule)}
    assert {"TQ201", "TQ202", "TQ203", "TQ501", "TQ504", "TQ901", "TQ912", "TQ914"} <= found
    assert document_rules - found <= {"TQ604"}  # TQ604 is proven on its examples below


EXAMPLES = [(cls.code, kind, text) for cls in rule_classes() if issubclass(cls, DocumentRule)
            for kind, text in cls.examples() if "\\n" in text or cls.code == "TQ604"]


@pytest.mark.parametrize("code, kind, text", EXAMPLES)
@pytest.mark.parametrize("window", [1, 2])
def test_document_rule_examples_in_windows(code, kind, text, window, monkeypatch):
    whole = run_rules(text, [code])
    assert bool(whole) == (kind == "Flag")
    monkeypatch.setattr(engine, "WINDOW_SEGMENTS", window)
    assert run_rules(text, [code]) == whole


def test_an_acronym_spelled_out_later_in_the_file_is_not_reported(monkeypatch):
    text = "The PIB said nothing.\\nLater on.\\nThe Press Information Bureau (PIB) said so."
    monkeypatch.setattr(engine, "WINDOW_SEGMENTS", 1)
    assert run_rules(text, ["TQ604"]) == []
    assert [f.text for f in run_rules("The PIB said nothing.\\nLater on.", ["TQ604"])] == ["PIB"]


# --------------------------------------------------------------------------- the reader

TRICKY = [
    b"a\r\r\nb",
    b"\xef\xbb\xbfx\n\ny\r\nz\rw\r",
    b"one\n  \ntwo\n",
    b"",
    b"\n\n \n",
    b"last line without end",
    "caf\u00e9 \u201cquoted\u201d\u2028same line\n\u00a0\nnext".encode(),
]


@pytest.mark.parametrize("data", TRICKY)
def test_streamed_reading_equals_whole_reading(tmp_path, data):
    path = tmp_path / "f.en.txt"
    path.write_bytes(data)
    whole = parse_text(read_text(str(path)), str(path)).segments
    assert list(iter_segments(str(path))) == whole


@pytest.mark.parametrize("data, line, offset", [(b"ok\nbad \xff here\n", 2, 7), (b"\xe9t\xe9", 1, 0),
                                                 (b"a\r\nb\r\n\xc3", 3, 6)])
def test_an_undecodable_line_names_the_file_line_and_offset(tmp_path, data, line, offset):
    path = tmp_path / "f.en.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as streamed:
        list(iter_segments(str(path)))
    with pytest.raises(InputError) as whole:
        read_text(str(path))
    assert str(streamed.value) == str(whole.value) == (
        f"{path}:{line}: not valid UTF-8 at byte offset {offset}; re-save the file as UTF-8")


def test_segments_are_yielded_before_the_file_ends(tmp_path):
    """The reader does not wait for the whole file: a pipe gives its first line while still open."""
    fifo = tmp_path / "pipe.en.txt"
    os.mkfifo(fifo)
    first_read = threading.Event()

    def writer():
        with open(fifo, "wb") as fh:
            fh.write(b"First line.\n")
            fh.flush()
            assert first_read.wait(10), "the reader waited for the end of the file"
            fh.write(b"Second line.\n")

    thread = threading.Thread(target=writer)
    thread.start()
    segments = iter_segments(str(fifo))
    assert next(segments).text == "First line."
    first_read.set()
    assert [s.text for s in segments] == ["Second line."]
    thread.join()


def test_windows_hold_one_window_of_each_file(tmp_path, monkeypatch):
    for name in ("mt.en.txt", "ref.en.txt", "src.fr.txt"):
        (tmp_path / name).write_text("".join(f"{name} {i}\n\n" for i in range(1, 11)), encoding="utf-8")
    pulled = {}

    def counting(path):
        for seg in iter_segments(path):
            pulled[os.path.basename(path)] = seg.index
            yield seg

    monkeypatch.setattr(inputs, "iter_segments", counting)
    item = InputFile(str(tmp_path / "mt.en.txt"), [str(tmp_path / "ref.en.txt")], str(tmp_path / "src.fr.txt"))
    windows = item.windows(3)
    first = next(windows)
    assert pulled == {"mt.en.txt": 3, "ref.en.txt": 3, "src.fr.txt": 3}
    rest = list(windows)
    assert [len(w.segments) for w in [first, *rest]] == [3, 3, 3, 1]
    assert [s.line for s in rest[-1].segments] == [19] and rest[-1].source.segments[0].text == "src.fr.txt 10"
    assert [s.index for w in [first, *rest] for s in w.references[0].segments] == list(range(1, 11))


@pytest.mark.parametrize("mt, ref, message", [
    (5, 3, "ref.en.txt: reference has 3 segments but {mt} has 5;"),
    (3, 5, "ref.en.txt: reference has 5 segments but {mt} has 3;"),
    (0, 2, "ref.en.txt: reference has 2 segments but {mt} has 0;"),
])
def test_misaligned_files_are_found_while_streaming(tmp_path, mt, ref, message):
    (tmp_path / "mt.en.txt").write_text("".join(f"line {i}\n" for i in range(mt)), encoding="utf-8")
    (tmp_path / "ref.en.txt").write_text("".join(f"line {i}\n" for i in range(ref)), encoding="utf-8")
    item = InputFile(str(tmp_path / "mt.en.txt"), [str(tmp_path / "ref.en.txt")])
    with pytest.raises(InputError) as error:
        list(item.windows(2))
    assert str(error.value).startswith(str(tmp_path / message.format(mt=tmp_path / "mt.en.txt")))
    result = CliRunner().invoke(cli, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "aligned one non-empty line per segment" in result.stderr


def test_an_empty_translation_with_an_empty_reference_has_no_scores(tmp_path):
    (tmp_path / "mt.en.txt").write_text("", encoding="utf-8")
    (tmp_path / "ref.en.txt").write_text("\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    [fr] = json.loads(result.stdout)["files"]
    assert fr["metrics"] is None and fr["segments"] == 0 and fr["findings"] == []
