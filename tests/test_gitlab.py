"""--format gitlab: GitLab code quality issues, checked against a schema written from GitLab's
documented fields (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format)."""
import json
import os

import jsonschema
import pytest

from conftest import ROOT
from tqcheck.cli import main

#: GitLab's required fields: description, check_name, fingerprint, severity, location.path, and
#: location.lines.begin or location.positions.begin.line (tqcheck writes lines).
SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "pattern": r"^TQ[0-9]{3}$"},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "minLength": 1},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1},
                                       "end": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


@pytest.fixture
def seed_issues(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "gl-code-quality-report.json"
    assert main(["check", "samples/afp-baghdad-drones", "--format", "gitlab", "-o", str(out)]) == 1
    return json.loads(out.read_text(encoding="utf-8"))


def test_seed_report_is_valid_gitlab_code_quality(seed_issues, tmp_path):
    jsonschema.validate(seed_issues, SCHEMA)
    main(["check", "samples/afp-baghdad-drones", "--format", "json", "-o", str(tmp_path / "r.json")])
    findings = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["files"][0]["findings"]
    assert seed_issues and len(seed_issues) == len(findings)          # one issue per finding
    assert [i["check_name"] for i in seed_issues] == [f["rule"] for f in findings]


def test_issue_fields(seed_issues):
    fingerprints = [issue["fingerprint"] for issue in seed_issues]
    assert len(set(fingerprints)) == len(fingerprints)
    for issue in seed_issues:
        assert issue["severity"] in {"minor", "major", "critical"}
        path = issue["location"]["path"]
        assert path == "samples/afp-baghdad-drones/mt.en.txt"
        assert not os.path.isabs(path) and "\\" not in path
        assert issue["location"]["lines"]["end"] == issue["location"]["lines"]["begin"]
    ordinal = next(i for i in seed_issues if i["check_name"] == "TQ101")
    assert ordinal["severity"] == "major" and "(fix: " in ordinal["description"]


def test_fingerprints_match_sarif_and_survive_lines_moving(tmp_path, monkeypatch):
    """The same occurrence fingerprints as SARIF's partialFingerprints; a line added on top
    moves every issue down one line and changes no fingerprint."""
    monkeypatch.chdir(tmp_path)
    mt = os.path.join(ROOT, "samples", "afp-baghdad-drones", "mt.en.txt")
    with open(mt, encoding="utf-8") as fh:
        text = fh.read()
    (tmp_path / "a.en.txt").write_text(text, encoding="utf-8")
    main(["check", "a.en.txt", "--format", "gitlab", "-o", "before.json"])
    main(["check", "a.en.txt", "--format", "sarif", "-o", "before.sarif"])
    (tmp_path / "a.en.txt").write_text("A new first paragraph.\n\n" + text, encoding="utf-8")
    main(["check", "a.en.txt", "--format", "gitlab", "-o", "after.json"])
    before = json.loads((tmp_path / "before.json").read_text(encoding="utf-8"))
    after = json.loads((tmp_path / "after.json").read_text(encoding="utf-8"))
    sarif = json.loads((tmp_path / "before.sarif").read_text(encoding="utf-8"))
    assert [i["fingerprint"] for i in before] == [r["partialFingerprints"]["tqcheck/v1"]
                                                 for r in sarif["runs"][0]["results"]]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert [i["location"]["lines"]["begin"] for i in after] == [i["location"]["lines"]["begin"] + 2 for i in before]


def test_clean_sample_is_an_empty_array(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "report.json"
    assert main(["check", "samples/clean-eu-summit", "--format", "gitlab", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == []
