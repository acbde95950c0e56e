"""The plain-text reader and every bad-input case: one line on stderr, exit 2, inputs unchanged."""
import hashlib
import os

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.errors import InputError
from tqcheck.io.text import parse_text, read_document


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


def assert_one_line_error(result, *needles):
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tqcheck: error: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_segments_are_non_empty_lines_with_physical_line_numbers():
    doc = parse_text("Title\n\nFirst paragraph.\n   \n\nSecond.", "x")
    assert [(s.index, s.line, s.text) for s in doc.segments] == [
        (1, 1, "Title"), (2, 3, "First paragraph."), (3, 6, "Second.")]


def test_bom_and_crlf_are_accepted(tmp_path):
    path = write(tmp_path / "a.en.txt", "\ufeffTitle\r\n\r\nThe 2e time.\r\n".encode("utf-8"))
    doc = read_document(path)
    assert [s.text for s in doc.segments] == ["Title", "The 2e time."]
    result = invoke("check", path, "--format", "text")
    assert f"{path}:3:5: TQ101" in result.stdout


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    path = write(tmp_path / "bad.en.txt", b"Fine line\n\nCaf\xe9 au lait\n")
    assert_one_line_error(invoke("check", path), f"{path}:3: not valid UTF-8 at byte offset 14")


def test_missing_file():
    assert_one_line_error(invoke("check", "no/such/file.en.txt"), "no/such/file.en.txt", "no such file")


def test_missing_reference(tmp_path):
    mt = write(tmp_path / "mt.en.txt", b"One.\n")
    assert_one_line_error(invoke("check", mt, "--ref", str(tmp_path / "nope.txt")), "nope.txt", "no such file")


def test_directory_given_as_reference(tmp_path):
    mt = write(tmp_path / "mt.en.txt", b"One.\n")
    assert_one_line_error(invoke("check", mt, "--ref", str(tmp_path)), "is a directory")


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.en.txt", b"One.\n")
    real_open = open

    def deny(file, *a, **k):
        if str(file) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(file, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(InputError, match="permission denied"):
        read_document(path)
    assert_one_line_error(invoke("check", path), path, "permission denied")


@pytest.mark.parametrize("role,flag", [("reference", "--ref"), ("source", "--src")])
def test_misaligned_files_name_both_files_and_counts(tmp_path, role, flag):
    mt = write(tmp_path / "mt.en.txt", b"One.\n\nTwo.\n\nThree.\n")
    other = write(tmp_path / "other.txt", b"Un.\n\nDeux.\n")
    assert_one_line_error(invoke("check", mt, flag, other), mt, other, "has 2 segments", "has 3", role)


def test_directory_without_mt_file(tmp_path):
    (tmp_path / "ref.en.txt").write_text("One.\n")
    assert_one_line_error(invoke("check", str(tmp_path)), str(tmp_path), "mt.en.txt")


def test_unknown_format(tmp_path):
    mt = write(tmp_path / "mt.en.txt", b"One.\n")
    assert_one_line_error(invoke("check", mt, "--format", "yaml"), "--format", "yaml")


def test_unknown_rule_selection(tmp_path):
    mt = write(tmp_path / "mt.en.txt", b"One.\n")
    assert_one_line_error(invoke("check", mt, "--select", "TQ0"), "TQ0")


def test_ref_with_several_translations_is_a_usage_error(tmp_path):
    a = write(tmp_path / "a.en.txt", b"One.\n")
    b = write(tmp_path / "b.en.txt", b"One.\n")
    assert_one_line_error(invoke("check", a, b, "--ref", a), "single file")


def test_sample_directory_finds_files_by_name(tmp_path):
    (tmp_path / "mt.en.txt").write_text("The 2e day.\n\nDone.\n")
    (tmp_path / "ref.en.txt").write_text("The second day.\n\nDone.\n")
    (tmp_path / "ref.b.en.txt").write_text("The 2nd day.\n\nFinished.\n")
    (tmp_path / "src.fr.txt").write_text("Le 2e jour.\n\nFini.\n")
    from tqcheck.io import load_inputs

    [doc] = load_inputs([str(tmp_path)])
    assert [os.path.basename(r.path) for r in doc.references] == ["ref.en.txt", "ref.b.en.txt"]
    assert os.path.basename(doc.source.path) == "src.fr.txt"


def digest(paths):
    return {p: hashlib.sha256(open(p, "rb").read()).hexdigest() for p in paths}


def test_inputs_are_never_modified_and_output_is_written_atomically(tmp_path):
    mt = write(tmp_path / "mt.en.txt", "The 2e anniversary .\r\n\r\nDone.".encode())
    ref = write(tmp_path / "ref.en.txt", b"The second anniversary.\n\nDone.\n")
    before = digest([mt, ref])
    out = tmp_path / "report.json"
    result = invoke("check", mt, "--ref", ref, "--format", "json", "--output", str(out))
    assert result.exit_code in (0, 1)
    assert digest([mt, ref]) == before
    assert out.read_text().startswith("{")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".tqcheck-")] == []


def test_output_refuses_to_overwrite_an_input(tmp_path):
    mt = write(tmp_path / "mt.en.txt", b"The 2e time.\n")
    before = digest([mt])
    assert_one_line_error(invoke("check", mt, "--output", mt), "overwrite an input")
    assert digest([mt]) == before


def test_corpus_directory_finds_sample_dirs_and_translations_recursively(tmp_path):
    from tqcheck.io import load_inputs

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "mt.en.txt").write_text("One.\n")
    (tmp_path / "a" / "ref.en.txt").write_text("One.\n")
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "b" / "c" / "story.en.txt").write_text("Two.\n")
    (tmp_path / "b" / "c" / "story.fr.txt").write_text("Deux.\n")
    (tmp_path / "b" / "ref.x.en.txt").write_text("Ignored: a reference.\n")
    docs = load_inputs([str(tmp_path)])
    assert [os.path.relpath(d.path, tmp_path) for d in docs] == ["a/mt.en.txt", "b/c/story.en.txt"]
    assert len(docs[0].references) == 1 and docs[1].references == []


def test_glob_patterns(tmp_path):
    from tqcheck.io import load_inputs

    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "one.en.txt").write_text("One.\n")
    (tmp_path / "two.en.txt").write_text("Two.\n")
    docs = load_inputs([str(tmp_path / "**" / "*.en.txt")])
    assert sorted(os.path.basename(d.path) for d in docs) == ["one.en.txt", "two.en.txt"]
    assert_one_line_error(invoke("check", str(tmp_path / "*.de.txt")), "matches no file")


def test_empty_directory(tmp_path):
    assert_one_line_error(invoke("check", str(tmp_path)), "no translation found")
