"""GitLab code quality (``--format gitlab``), for ``artifacts: reports: codequality``.

A JSON array with one issue per finding, in GitLab's documented fields (a subset of the
Code Climate format):

- ``description``: the message, with the fix when the suggestion is mechanical;
- ``check_name``: the rule code (``TQ101``);
- ``fingerprint``: the finding's occurrence fingerprint (see ``baseline``), stable when
  lines move and unique within the report, which GitLab needs to compare branches;
- ``severity``: tqcheck's own minor, major or critical (GitLab's scale also has info
  and blocker, unused here);
- ``location.path``: relative to the working directory with forward slashes (run tqcheck
  from the repository root); ``location.lines.begin`` / ``end``: the 1-based line.
"""
from __future__ import annotations

import json
from typing import TextIO

from .. import baseline
from ..model import Finding, Report, Severity
from ..paths import relative

SEVERITIES = {Severity.MINOR: "minor", Severity.MAJOR: "major", Severity.CRITICAL: "critical"}


def _description(f: Finding) -> str:
    if f.suggestion is None:
        return f.message
    fix = f"delete {f.text!r}" if f.suggestion == "" else f"{f.text!r} → {f.suggestion!r}"
    return f"{f.message} (fix: {fix})"


def issues(report: Report) -> list[dict]:
    out = []
    for fr in report.files:
        for f, fp in zip(fr.findings, baseline.occurrence_fingerprints(fr)):
            out.append({
                "description": _description(f),
                "check_name": f.rule,
                "fingerprint": fp,
                "severity": SEVERITIES[f.severity],
                "location": {"path": relative(f.path), "lines": {"begin": f.line, "end": f.line}},
            })
    return out


def render(report: Report, stream: TextIO) -> None:
    json.dump(issues(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
