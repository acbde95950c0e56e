"""``tqcheck diff``: word diffs against the reference, in order or worst first, in each format."""
import json
import os

import sacrebleu
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.diffview import diff_view
from tqcheck.io.inputs import load_inputs
from tqcheck.report.diffmarks import plain_diff

from conftest import ROOT

BAGHDAD = os.path.join(ROOT, "samples", "afp-baghdad-drones")
MT, REF = os.path.join(BAGHDAD, "mt.en.txt"), os.path.join(BAGHDAD, "ref.en.txt")


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_view_in_order_with_sacrebleu_chrf():
    [doc] = load_inputs([BAGHDAD])
    view = diff_view(doc)
    assert [d.segment for d in view.segments] == list(range(1, 24)) and view.total == 23
    chrf = sacrebleu.sentence_chrf(doc.segments[2].text, [doc.references[0].segments[2].text]).score
    assert view.segments[2].chrf == chrf
    assert view.chrf_signature.startswith("nrefs:1|case:mixed|eff:yes|nc:6|nw:0")


def test_worst_first():
    [doc] = load_inputs([BAGHDAD])
    view = diff_view(doc, worst=3)
    assert [d.line for d in view.segments] == [45, 31, 5]  # source site-59, ” All over ”, France Media Agency
    scores = [d.chrf for d in view.segments]
    assert scores == sorted(scores)
    assert plain_diff(view.segments[2].ops) == "[-France Media Agency-] {+Agence France-Presse+}"


def test_closest_of_several_references():
    [doc] = load_inputs([BAGHDAD])
    alone = diff_view(doc)
    [again] = load_inputs([BAGHDAD])
    unrelated = load_inputs([os.path.join(ROOT, "samples", "clean-eu-summit")])[0]
    unrelated.segments = (unrelated.segments * 2)[:23]  # another article: never the closest
    again.references.insert(0, unrelated)
    both = diff_view(again)
    assert both.references == (unrelated.path, REF)
    # each against the closest (lines 5, 31, 45 share no word with their reference: a tie, the first wins)
    assert [d.ops for d in both.segments if d.line not in (5, 31, 45)] == [
        d.ops for d in alone.segments if d.line not in (5, 31, 45)]


def test_rich_format_piped_uses_plain_markers():
    result = invoke("diff", MT, "--ref", REF, "--worst", "2")
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    out = result.stdout
    assert "the 2 lowest-chrF segments of 23, worst first" in " ".join(out.split())   # wraps after a long path
    assert "segment 23 · line 45 · chrF 0.0" in out and "[-source site-59-] {+AFP+}" in out
    assert "nrefs:1|case:mixed|eff:yes" in out
    assert out.index("line 45") < out.index("line 31")


def test_text_format_one_line_per_segment():
    result = invoke("diff", BAGHDAD, "--format", "text")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0 and len(lines) == 24
    assert lines[0].startswith(f"{MT}: chrF2 nrefs:1|")
    assert lines[3] == f"{MT}:5: segment 3 chrF 36.3: [-France Media Agency-] {{+Agence France-Presse+}}"


def test_json_format_gives_the_opcodes():
    data = json.loads(invoke("diff", MT, "--ref", REF, "--worst", "1", "--format", "json").stdout)
    assert data["path"] == MT and data["references"] == [REF] and data["segments_total"] == 23
    assert data["worst"] == 1
    [seg] = data["segments"]
    assert (seg["segment"], seg["line"], seg["chrf"]) == (23, 45, 0.0)
    assert seg["diff"] == [{"op": "replace", "mt": "source site-59", "ref": "AFP"}]
    full = json.loads(invoke("diff", MT, "--ref", REF, "--format", "json").stdout)
    assert [s["segment"] for s in full["segments"]] == list(range(1, 24)) and full["worst"] is None
    assert {op["op"] for s in full["segments"] for op in s["diff"]} <= {"equal", "replace", "delete", "insert"}


def test_output_file(tmp_path):
    out = tmp_path / "diff.json"
    assert invoke("diff", BAGHDAD, "--format", "json", "--output", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["segments_total"] == 23


def test_input_errors_exit_2(tmp_path):
    short = tmp_path / "short.en.txt"
    short.write_text("One line.\n", encoding="utf-8")
    result = invoke("diff", str(short), "--ref", REF)
    assert result.exit_code == 2 and "ref.en.txt" in result.stderr and "segments" in result.stderr
    result = invoke("diff", MT)
    assert result.exit_code == 2 and "--ref" in result.stderr
    result = invoke("diff", str(tmp_path / "missing.en.txt"), "--ref", REF)
    assert result.exit_code == 2 and "missing.en.txt" in result.stderr
    assert "Traceback" not in result.stderr
