"""The CLI in-process (CliRunner) and once as a real subprocess."""
import json
import os
import subprocess
import sys

from click.testing import CliRunner

from tqcheck import __version__
from tqcheck.cli import cli, main
from tqcheck.rules import all_rules as rule_classes

from conftest import ROOT

MT = "The army shot down two drones on the 2e day.\n\nThe ministry confirmed the figures on Tuesday.\n"
REF = "The army shot down two drones on the second day.\n\nThe ministry confirmed the figures on Tuesday.\n"


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0
    import platform
    from importlib.metadata import version

    assert result.stdout.strip() == (f"tqcheck {__version__} (Python {platform.python_version()}; "
                                     f"sacrebleu {version('sacrebleu')}; langdetect {version('langdetect')})")


def test_rules_lists_every_rule_with_its_metadata():
    result = invoke("rules")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(rule_classes())
    for cls, line in zip(rule_classes(), lines):
        assert line.split("\t")[:5] == [cls.code, cls.name, cls.category, cls.severity.value, cls.description()]
        path, lineno = line.split("\t")[5].rsplit(":", 1)  # where the rule lives: file:line
        assert path.startswith("tqcheck/rules/tq") and f"class {cls.__name__}(" in \
            open(os.path.join(ROOT, path), encoding="utf-8").read().splitlines()[int(lineno) - 1]


def test_main_returns_exit_codes(tmp_path):
    bad = tmp_path / "mt.en.txt"
    bad.write_text(MT)
    good = tmp_path / "good.en.txt"
    good.write_text(REF)
    assert main(["check", str(good), "--format", "text"]) == 0
    assert main(["check", str(bad), "--format", "text", "--fail-under", "0"]) == 0
    assert main(["check", str(bad), "--format", "text"]) == 1
    assert main(["check", str(tmp_path / "missing.txt")]) == 2


def test_json_report_schema(tmp_path):
    (tmp_path / "mt.en.txt").write_text(MT)
    (tmp_path / "ref.en.txt").write_text(REF)
    result = invoke("check", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["tool"] == {"name": "tqcheck", "version": __version__}
    [entry] = data["files"]
    assert entry["path"] == str(tmp_path / "mt.en.txt")
    assert (entry["segments"], entry["words"]) == (2, 17)
    assert set(entry["metrics"]) == {"bleu", "chrf", "ter"}
    assert entry["metrics"]["bleu"]["signature"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")
    finding = entry["findings"][0]
    assert finding == {
        "rule": "TQ101", "name": "french-ordinal", "category": "accuracy/untranslated",
        "severity": "major", "line": 1, "column": 38, "end_column": 40, "segment": 1, "text": "2e",
        "message": finding["message"], "suggestion": "2nd"}
    assert entry["score"] == {"penalty": 5.0, "words": 17, "quality": 70.59, "threshold": 95.0, "passed": False}
    assert data["summary"] == {"files": 1, "findings": len(entry["findings"]), "passed": False}


def test_metrics_are_null_without_references(tmp_path):
    (tmp_path / "mt.en.txt").write_text(REF)
    data = json.loads(invoke("check", str(tmp_path / "mt.en.txt"), "--format", "json").stdout)
    assert data["files"][0]["metrics"] is None


def test_rich_report_is_plain_when_not_a_terminal(tmp_path):
    (tmp_path / "mt.en.txt").write_text(MT)
    (tmp_path / "ref.en.txt").write_text(REF)
    result = invoke("check", str(tmp_path))
    assert "\x1b[" not in result.stdout
    for needle in ("2 segments, 17 words", "BLEU", "chrF2", "TER", "nrefs:1|", "1:38", "TQ101",
                   "⟦2e⟧", "FAIL", "threshold 95"):
        assert needle in result.stdout


def test_select_and_ignore(tmp_path):
    path = tmp_path / "mt.en.txt"
    path.write_text(MT)
    assert invoke("check", str(path), "--ignore", "TQ101", "--format", "text").exit_code == 0
    assert invoke("check", str(path), "--select", "fluency,TQ9", "--format", "text").exit_code == 0
    assert invoke("check", str(path), "--select", "french-ordinal", "--format", "text").exit_code == 1


def test_subprocess_smoke(tmp_path):
    path = tmp_path / "mt.en.txt"
    path.write_text(MT)
    env = dict(os.environ, PYTHONPATH=ROOT)
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", str(path), "--format", "text"],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{path}:1:38: TQ101 [major]" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", str(tmp_path / "nope")],
                          capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_rule_explains_one_rule_like_ruff_rule():
    result = invoke("rule", "TQ204")
    assert result.exit_code == 0
    out = result.stdout
    for expected in ("TQ204 quote-punctuation-debris", "Category: fluency/punctuation", "Severity: major",
                     "Defined:  tqcheck/rules/tq2xx_quotes.py:", "Punctuation debris around a quote mark",
                     "English closes the quotation once", "Flagged:", "Not flagged:",
                     "personnel. “, Specified the person in charge", "docs/rules.md#tq204"):
        assert expected in out, expected
    assert invoke("rule", "french-ordinal").stdout.startswith("TQ101 french-ordinal")
    assert "Data files" in invoke("rule", "TQ403").stdout and "numbers_time_words.txt" in invoke("rule", "TQ403").stdout
    bad = invoke("rule", "TQ999")
    assert bad.exit_code == 2 and "TQ999: no such rule" in bad.stderr
