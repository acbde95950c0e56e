"""CLI conventions: -q, --statistics, --show-source, --color, and the format from --output's extension."""
import os

import pytest
from click.testing import CliRunner

from conftest import ROOT
from tqcheck.cli import cli

SEED = os.path.join("samples", "afp-baghdad-drones")


def run(*args, env=None):
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_quiet_prints_the_verdict_only():
    code, out, _ = run("check", SEED, "-q")
    assert code == 1 and out == "samples/afp-baghdad-drones/mt.en.txt: FAIL (quality 90.15, threshold 95)\n"


def test_statistics_counts_per_rule_and_marks_safe_fixes():
    code, out, _ = run("check", SEED, "--statistics")
    lines = out.splitlines()
    assert lines[0] == "5\tTQ502\tglossary-term"  # the glossary's choice: an unsafe fix, no mark
    # TQ203's fixes are safe where the curly marks say which way they face, as on the seed
    assert "1\tTQ101\tfrench-ordinal [*]" in lines and "3\tTQ203\tspace-inside-quotes [*]" in lines
    assert lines[-1].endswith("FAIL (quality 90.15, threshold 95)")


def test_show_source_puts_a_caret_line_under_the_span():
    code, out, _ = run("check", SEED, "--format", "text", "--show-source", "--select", "TQ101,TQ301")
    lines = out.splitlines()
    i = next(i for i, line in enumerate(lines) if ": TQ101 " in line)
    source, carets = lines[i + 1], lines[i + 2]
    assert source.startswith("    (Baghdad)")
    start = carets.index("^")
    assert carets.strip() == "^^" and source[start:start + 2] == "2e"


@pytest.mark.parametrize("color, colored", [("always", True), ("never", False)])
def test_color(color, colored):
    code, out, _ = run("check", SEED, "--select", "TQ101", "--color", color)
    assert ("\x1b[" in out) is colored


@pytest.mark.parametrize("name, start", [("r.json", "{"), ("r.sarif", "{"), ("r.xml", "<?xml"), ("r.md", "## tqcheck"),
                                         ("r.txt", "samples/"), ("r.html", "<!DOCTYPE html>")])
def test_output_extension_picks_the_format(tmp_path, name, start):
    out = tmp_path / name
    code, _, err = run("check", SEED, "--output", str(out))
    assert code == 1 and "from its extension" in err
    assert out.read_text(encoding="utf-8").startswith(start)


def test_piped_rich_report_has_no_trailing_spaces():
    code, out, _ = run("check", SEED, env={"COLUMNS": "80"})
    assert out and not [line for line in out.splitlines() if line.endswith(" ")]
    assert "FAIL" in out and "90.15" in out


def test_the_rich_report_at_80_columns_keeps_scores_and_verdict_whole(monkeypatch):
    import re

    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, ["check", "samples/afp-baghdad-drones"])
    out = result.stdout
    assert re.search(r"^BLEU +47\.85 ", out, re.M) and re.search(r"^chrF2 +70\.89 ", out, re.M)
    assert re.search(r"^TER +44\.16 ", out, re.M) and "…" not in out.split("Findings")[0]
    assert out.rstrip().endswith("FAIL") and "90.15" in out
    assert all(len(line) <= 80 for line in out.splitlines())
    # a wrapped message stays indented under its finding
    lines = out.splitlines()
    i = next(k for k, l in enumerate(lines) if "TQ101 major" in l)
    assert lines[i + 1].startswith(" " * 10)


@pytest.mark.parametrize("columns", ["80", "60", "40"])
def test_signatures_fold_between_fields_never_inside_one(monkeypatch, columns):
    """A narrow terminal folds a sacrebleu signature after a '|', so 'version:2.6.0' stays whole."""
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    out = CliRunner(env={"COLUMNS": columns}).invoke(cli, ["check", "samples/afp-baghdad-drones"]).stdout
    metrics = out.split("Metrics")[1].split("Findings")[0]
    assert all(len(line) <= int(columns) for line in metrics.splitlines())
    import re

    assert len(re.findall(r"version:\d+\.\d+\.\d+", metrics)) == 3
    for field in ("tok:tercom", "punct:yes", "smooth:exp", "case:mixed"):
        assert field in metrics, field



def test_word_diffs_wrap_indented_and_the_piped_diff_view_has_no_trailing_spaces():
    """A word diff wraps under its segment at 80 columns (the worst segments of check print it the
    same way), and piped output carries none of the spaces rich pads lines with."""
    code, out, _ = run("diff", SEED, env={"COLUMNS": "80"})
    lines = out.splitlines()
    assert code == 0 and lines and not [line for line in lines if line.endswith(" ")]
    start = next(k for k, line in enumerate(lines) if line.startswith("segment 1 · line 1 · chrF"))
    first, second = lines[start + 1:start + 3]
    assert first.startswith("    [-Iraq |-]") and second.startswith("    ") and second.strip()
