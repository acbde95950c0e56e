"""Baselines: written then used reports nothing; a new artifact added at the top of a file is
exactly one finding; entries that no longer match are counted; bad baseline files exit 2."""
import json
import shutil

import pytest
import os

from click.testing import CliRunner

from tqcheck.baseline import normalise
from tqcheck.cli import cli

from conftest import ROOT


@pytest.fixture
def story(tmp_path, monkeypatch):
    """A copy of a flawed sample translation (30 findings, no references: the line numbers may move)."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(f"{ROOT}/samples/afp-mali-junta/mt.en.txt", tmp_path / "story.en.txt")
    return tmp_path / "story.en.txt"


def run(*args):
    return CliRunner().invoke(cli, ["check", *args])


def report(*args) -> dict:
    return json.loads(run(*args, "--format", "json").stdout)


def test_written_then_used_reports_nothing(story):
    before = report("story.en.txt")["files"][0]["findings"]
    assert len(before) > 20
    result = run("story.en.txt", "--write-baseline", ".tqcheck-baseline.json", "--format", "text")
    assert result.exit_code == 0
    assert f"tqcheck: baseline: wrote {len(before)} findings to .tqcheck-baseline.json" in result.stderr
    data = json.loads((story.parent / ".tqcheck-baseline.json").read_text())
    assert data["version"] == 1 and data["tool"] == "tqcheck"
    assert len(data["findings"]) == len(before)
    assert set(data["findings"][0]) == {"fingerprint", "rule", "path", "text"}
    assert data["findings"] == sorted(data["findings"], key=lambda e: (e["path"], e["rule"], e["text"], e["fingerprint"]))

    result = run("story.en.txt", "--baseline", ".tqcheck-baseline.json", "--format", "text")
    assert result.exit_code == 0
    assert result.stdout == "story.en.txt: 0 findings, penalty 0 over 614 words, quality 100.00 (threshold 95): PASS\n"
    assert f"tqcheck: baseline: {len(before)} findings suppressed, 0 baseline entries no longer match" in result.stderr
    data = report("story.en.txt", "--baseline", ".tqcheck-baseline.json")
    assert data["baseline"] == {"suppressed": len(before), "unmatched": 0}
    assert data["summary"]["findings"] == 0 and data["summary"]["passed"]


def test_a_new_artifact_at_the_top_is_exactly_one_finding(story):
    before = report("story.en.txt")["files"][0]["findings"]
    run("story.en.txt", "--write-baseline", "base.json")
    story.write_text("The junta met for the 3e time on Friday.\n\n" + story.read_text())
    data = report("story.en.txt", "--baseline", "base.json")
    [finding] = data["files"][0]["findings"]
    assert (finding["rule"], finding["line"], finding["text"]) == ("TQ101", 1, "3e")
    assert data["baseline"] == {"suppressed": len(before), "unmatched": 0}
    # the new finding alone is scored, and it fails the text format's exit code only through the score
    result = run("story.en.txt", "--baseline", "base.json", "--format", "text")
    assert result.stdout.startswith("story.en.txt:1:23: TQ101 [major]")
    assert result.stdout.count("\n") == 2


def test_fixed_findings_are_counted_as_unmatched(story):
    before = report("story.en.txt")["files"][0]["findings"]
    run("story.en.txt", "--write-baseline", "base.json")
    text = story.read_text()
    assert text.count("&#39;") == 1
    story.write_text(text.replace("&#39;", "'"))                 # fix the HTML entity
    data = report("story.en.txt", "--baseline", "base.json")
    assert data["files"][0]["findings"] == []
    assert data["baseline"] == {"suppressed": len(before) - 1, "unmatched": 1}


def test_identical_findings_need_one_entry_each(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    line = "On the 2e day the army said so."
    (tmp_path / "a.en.txt").write_text(f"{line}\n")
    run("a.en.txt", "--write-baseline", "base.json")
    (tmp_path / "a.en.txt").write_text(f"{line}\n\n{line}\n")
    [finding] = report("a.en.txt", "--baseline", "base.json")["files"][0]["findings"]
    assert finding["line"] == 3


def test_entries_of_files_not_checked_are_not_unmatched(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.en.txt").write_text("On the 2e day.\n")
    (tmp_path / "b.en.txt").write_text("On the 3e day.\n")
    run("a.en.txt", "b.en.txt", "--write-baseline", "base.json")
    assert report("a.en.txt", "--baseline", "base.json")["baseline"] == {"suppressed": 1, "unmatched": 0}


def test_fingerprint_ignores_case_and_spacing_of_the_context(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.en.txt").write_text("On the 2e day.\n")
    run("a.en.txt", "--write-baseline", "base.json")
    (tmp_path / "a.en.txt").write_text("ON   THE 2e DAY.\n")
    assert report("a.en.txt", "--baseline", "base.json")["files"][0]["findings"] == []
    (tmp_path / "a.en.txt").write_text("In the 2e week.\n")       # other words around it: a new finding
    assert len(report("a.en.txt", "--baseline", "base.json")["files"][0]["findings"]) == 1


def test_normalise():
    assert normalise("Cafe\u0301  Du\tMonde") == normalise("café du monde") == "café du monde"


@pytest.mark.parametrize("content,needle", [
    ("{not json", "invalid JSON"),
    ('{"version": 1, "findings": []}', "not a tqcheck baseline"),
    ('{"version": 9, "tool": "tqcheck", "findings": []}', "version 9"),
    ('{"version": 1, "tool": "tqcheck", "findings": [{"rule": "TQ101"}]}', "entry 1"),
])
def test_bad_baseline_files_exit_2(story, content, needle):
    (story.parent / "base.json").write_text(content)
    result = run("story.en.txt", "--baseline", "base.json")
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("tqcheck: error: base.json") and needle in line


def test_missing_baseline_file_exits_2(story):
    result = run("story.en.txt", "--baseline", "nope.json")
    assert result.exit_code == 2 and "nope.json" in result.stderr


def test_write_baseline_refuses_to_overwrite_an_input(story):
    before = story.read_text()
    result = run("story.en.txt", "--write-baseline", "story.en.txt")
    assert result.exit_code == 2 and "overwrite an input" in result.stderr
    assert story.read_text() == before


def test_written_files_get_the_usual_mode_not_a_private_one(story):
    import os
    import stat

    run("story.en.txt", "--write-baseline", "base.json", "--output", "report.txt")
    umask = os.umask(0)
    os.umask(umask)
    for name in ("base.json", "report.txt"):
        assert stat.S_IMODE(os.stat(story.parent / name).st_mode) == 0o666 & ~umask


def test_the_readme_walkthrough_reproduces_as_written(tmp_path, monkeypatch):
    """README, Baselines: the three samples as a content tree, a baseline, one new line's findings."""
    import shutil

    from conftest import ROOT

    samples = os.path.join(ROOT, "samples")
    for en, sample in (("eu/summit", "clean-eu-summit"), ("mali/junta", "afp-mali-junta"),
                       ("paris/pensions", "afp-paris-pensions")):
        for lang, name in (("en", "mt.en.txt"), ("fr", "src.fr.txt")):
            target = tmp_path / "content" / lang / f"{en}.{lang}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(os.path.join(samples, sample, name), target)
    monkeypatch.chdir(tmp_path)
    first = run("content/en/", "--src-dir", "content/fr/", "--write-baseline", ".tqcheck-baseline.json", "--format", "text")
    assert "tqcheck: baseline: wrote 58 findings to .tqcheck-baseline.json" in first.stderr
    story = tmp_path / "content" / "en" / "paris" / "pensions.en.txt"
    lines = story.read_text(encoding="utf-8").split("\n")
    lines[0] += " The unions marched for the 2e time this month ."
    story.write_text("\n".join(lines), encoding="utf-8")
    second = run("content/en/", "--src-dir", "content/fr/", "--baseline", ".tqcheck-baseline.json", "--format", "text")
    assert "tqcheck: baseline: 58 findings suppressed, 0 baseline entries no longer match" in second.stderr
    assert "content/en/paris/pensions.en.txt:1:84: TQ101 [major]" in second.stdout
    assert "content/en/paris/pensions.en.txt: 2 findings, penalty 6 over 532 words, quality 98.87 (threshold 95): PASS" in second.stdout
