"""The public Python API, called in-process: the same Report, the same verdict as the CLI."""
import io
import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

import tqcheck
from tqcheck import Baseline, Config, FileReport, Finding, InputError, Report, Severity
from tqcheck.cli import cli

from conftest import ROOT

SEED_DIR = os.path.join(ROOT, "samples", "afp-baghdad-drones")
SAMPLES = sorted(os.path.join(ROOT, "samples", d) for d in os.listdir(os.path.join(ROOT, "samples")))


def test_check_a_string():
    report = tqcheck.check("The attack came on the 2e anniversary .")
    assert isinstance(report, Report) and isinstance(report.files[0], FileReport)
    findings = report.files[0].findings
    assert all(isinstance(f, Finding) for f in findings)
    assert [(f.rule, f.column, f.end_column, f.text, f.suggestion) for f in findings] == [
        ("TQ101", 24, 26, "2e", "2nd"), ("TQ301", 38, 39, " ", "")]
    assert findings[0].severity is Severity.MAJOR
    assert report.passed is False and report.files[0].score.quality == 25.0


def test_check_a_string_with_references_and_source():
    report = tqcheck.check("Some 2,000 soldiers were deployed.\n\nThe army left.",
                           references=["Some 2,500 soldiers were deployed.\n\nThe army left."],
                           source="Quelque 2 500 soldats ont été déployés.\n\nL'armée est partie.",
                           config=Config(extend_select=("TQ911",)))  # an opt-in rule
    fr = report.files[0]
    assert fr.metrics and set(fr.metrics) == {"bleu", "chrf", "ter"}
    assert all("nrefs:1|" in m.signature for m in fr.metrics.values())
    assert [(f.rule, f.text) for f in fr.findings if f.rule == "TQ911"] == [("TQ911", "2,000")]
    single = tqcheck.check("The army left.", references="The army left.")  # one reference as a string
    assert single.files[0].metrics["bleu"].score == pytest.approx(100.0)


def test_misaligned_texts_are_an_input_error():
    with pytest.raises(InputError, match="reference has 1 segments but <text> has 2"):
        tqcheck.check("One.\nTwo.", references=["One."])


def test_check_files_and_render_every_format():
    report = tqcheck.check_files([SEED_DIR])
    assert not report.passed and report.files[0].path.endswith("mt.en.txt")
    for fmt in tqcheck.FORMATS:
        text = tqcheck.render(report, fmt)
        assert text, fmt
        stream = io.StringIO()
        assert tqcheck.render(report, fmt, stream) is None and stream.getvalue() == text
    data = json.loads(tqcheck.render(report, "json"))
    assert data["summary"]["findings"] == len(report.files[0].findings)
    with pytest.raises(InputError, match="unknown format"):
        tqcheck.render(report, "yaml")


def test_load_config_reads_settings_like_the_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".tqcheck.toml").write_text('fail-under = 80\nignore = ["TQ9"]\n')
    config = tqcheck.load_config(select=["TQ1", "TQ3"])
    assert isinstance(config, Config)
    assert config.fail_under == 80 and config.ignore == ("TQ9",) and config.select == ("TQ1", "TQ3")


def _cli_json(*args) -> dict:
    result = CliRunner().invoke(cli, ["check", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("sample", SAMPLES, ids=os.path.basename)
def test_api_and_cli_agree(sample, monkeypatch):
    monkeypatch.chdir(ROOT)
    rel = os.path.relpath(sample, ROOT)
    report = tqcheck.check_files([rel], config=tqcheck.load_config())
    assert json.loads(tqcheck.render(report, "json")) == _cli_json(rel)


def test_api_and_cli_agree_with_a_baseline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.en.txt"
    story.write_text("The 2e day .\n\nThe minister said : no.\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["check", "story.en.txt", "--write-baseline", "base.json"]).exit_code == 0
    story.write_text("The 2e day .\n\nThe minister said : no.\n\nThe 3e day.\n", encoding="utf-8")
    cli_data = _cli_json("story.en.txt", "--baseline", "base.json")
    for baseline in ("base.json", Baseline.from_file("base.json")):
        report = tqcheck.check_files(["story.en.txt"], baseline=baseline)
        assert json.loads(tqcheck.render(report, "json")) == cli_data
    assert cli_data["baseline"] == {"suppressed": 3, "unmatched": 0}
    assert [f["text"] for f in cli_data["files"][0]["findings"]] == ["3e"]
    recording = Baseline.recording()
    report = tqcheck.check_files(["story.en.txt"], baseline=recording)
    assert report.passed and len(recording.entries) == 4 and report.baseline["suppressed"] == 4


def test_the_readme_example_runs_as_written(tmp_path):
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    section = readme[readme.index("## Python API"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    (tmp_path / "example.py").write_text(code, encoding="utf-8")
    result = subprocess.run([sys.executable, str(tmp_path / "example.py")], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(tmp_path)}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "TQ101" in result.stdout and "FAIL" in result.stdout


def test_the_public_surface_is_typed():
    assert os.path.isfile(os.path.join(os.path.dirname(tqcheck.__file__), "py.typed"))
    for name in ("check", "check_files", "render", "load_config", "document"):
        hints = getattr(tqcheck, name).__annotations__
        assert "return" in hints, name
    assert set(tqcheck.__all__) >= {"check", "check_files", "render", "Report", "FileReport", "Finding", "Severity"}
