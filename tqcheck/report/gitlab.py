"""GitLab code quality (``--format gitlab``), for ``artifacts: reports: codequality``.

A JSON array with one issue per finding, in GitLab's documented fields (a subset of the
Code Climate format):

- ``description``: the message, with the fix when the suggestion is mechanical;
- ``check_name``: the rule code (``TQ101``);
- ``fingerprint``: the finding's occurrence fingerprint (``FileReport.occurrence_fingerprints``), stable when
  lines move and unique within the report, which GitLab needs to compare branches;
- ``severity``: tqcheck's own minor, major or critical (GitLab's scale also has info
  and blocker, unused here);
- ``location.path``: relative to the working directory with forward slashes (run tqcheck
  from the repository root); ``location.lines.begin`` / ``end``: the 1-based line.
"""
from __future__ import annotations

import json
from typing import TextIO

from ..model import Report, Severity
from ..paths import relative
from . import message_with_fix

SEVERITIES = {Severity.MINOR: "minor", Severity.MAJOR: "major", Severity.CRITICAL: "critical"}


def issues(report: Report) -> list[dict]:
    out = []
    for fr in report.files:
        for f, fp in zip(fr.findings, fr.occurrence_fingerprints()):
            out.append({
                "description": message_with_fix(f),
                "check_name": f.rule,
                "fingerprint": fp,
                "severity": SEVERITIES[f.severity],
                "location": {"path": relative(f.path), "lines": {"begin": f.line, "end": f.line}},
            })
    return out


def render(report: Report, stream: TextIO) -> None:
    json.dump(issues(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
