"""SARIF 2.1.0 (``--format sarif``), for GitHub code scanning and other SARIF viewers.

- ``tool.driver.rules``: every registered rule (id, name, short and full description,
  helpUri to its section of docs/rules.md, default level, category), sorted by code,
  so ``ruleIndex`` is stable.
- One result per finding: ``ruleId``, ``level`` (critical and major -> ``error``,
  minor -> ``warning``), the message (with the suggestion), the region (startLine,
  startColumn, endColumn, snippet), a fix when the suggestion is mechanical, and
  ``partialFingerprints`` from the baseline fingerprint (stable when lines move).
- Paths relative to the source root (the repository holding the working directory, else the
  working directory) with forward slashes, under ``uriBaseId`` ``%SRCROOT%``; a file outside it
  keeps an absolute ``file://`` URI. Columns in Unicode code points (``columnKind``).
- ``run.properties.tqcheck``: each file's score and verdict, and metric scores with
  their sacrebleu signatures.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from ..model import Finding, Report, Severity
from ..paths import relative
from ..rules import all_rules
from ..ruledocs import full_description, help_uri
from . import clip, jsonstream, message_with_fix

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/tqcheck/tqcheck"
SRCROOT = "%SRCROOT%"
LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning"}
FINGERPRINT_KEY = "tqcheck/v1"


def _rule(cls) -> dict:
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": cls.description()},
        "fullDescription": {"text": full_description(cls)},
        "helpUri": help_uri(cls.code),
        "help": {"text": f"{cls.description()} See {help_uri(cls.code)}"},
        "defaultConfiguration": {"level": LEVELS[cls.severity]},
        "properties": {"category": cls.category, "severity": cls.severity.value,
                       "tags": ["translation", cls.category]},
    }


def source_root(start: str | None = None) -> str:
    """The directory %SRCROOT% stands for: the repository holding the working directory (the nearest
    directory upward with a .git), else the working directory."""
    here = os.path.abspath(start or os.getcwd())
    directory = here
    while True:
        if os.path.exists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return here
        directory = parent


def _location(path: str, root: str) -> dict:
    """A file under the source root is a URI relative to %SRCROOT% (what code scanning places on the
    pull request); a file outside it keeps an absolute file:// URI."""
    full = os.path.abspath(path)
    rel = os.path.relpath(full, root)
    if rel == os.pardir or rel.startswith(os.pardir + os.sep) or os.path.isabs(rel):
        return {"uri": Path(full).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/")), "uriBaseId": SRCROOT}


def _region(f: Finding) -> dict:
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line or f.line, "endColumn": f.end_column}


def _result(f: Finding, index: dict[str, int], fingerprint: str, root: str) -> dict:
    location = _location(f.path, root)
    result = {
        "ruleId": f.rule,
        "level": LEVELS[f.severity],
        "message": {"text": message_with_fix(f)},
        "locations": [{"physicalLocation": {
            "artifactLocation": location,
            "region": {**_region(f), "snippet": {"text": clip(f.text)}},
        }}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"category": f.category, "severity": f.severity.value, "segment": f.segment},
    }
    if f.rule in index:
        result["ruleIndex"] = index[f.rule]
    if f.suggestion is not None:
        result["fixes"] = [{
            "description": {"text": "delete the span" if f.suggestion == "" else f"replace with {f.suggestion!r}"},
            "artifactChanges": [{"artifactLocation": location, "replacements": [
                {"deletedRegion": _region(f), "insertedContent": {"text": f.suggestion}}]}],
        }]
    return result


def _file_properties(report: Report) -> list[dict]:
    out = []
    for fr in report.files:
        s = fr.score
        entry = {"path": relative(fr.path), "findings": len(fr.findings), "words": s.words, "penalty": s.penalty,
                 "quality": s.quality, "threshold": s.threshold, "passed": s.passed}
        if fr.metrics:
            entry["metrics"] = {k: {"score": m.score, "signature": m.signature} for k, m in fr.metrics.items()}
        out.append(entry)
    return out


def _results(report: Report, index: dict[str, int], root: str):
    for fr in report.files:
        for f, fp in zip(fr.findings, fr.occurrence_fingerprints()):
            yield _result(f, index, fp, root)


def sarif_dict(report: Report) -> dict:
    """The SARIF log; its results are a generator, made as ``jsonstream.dump`` writes them."""
    classes = all_rules()
    index = {cls.code: i for i, cls in enumerate(classes)}
    root = source_root()
    results = _results(report, index, root)
    properties = {"files": _file_properties(report), "passed": report.passed}
    if report.baseline is not None:
        properties["baseline"] = report.baseline
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "tqcheck",
                "version": report.version,
                "semanticVersion": report.version,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(cls) for cls in classes],
            }},
            "originalUriBaseIds": {SRCROOT: {"uri": Path(root).as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": {"tqcheck": properties},
        }],
    }


def render(report: Report, stream: TextIO) -> None:
    jsonstream.dump(sarif_dict(report), stream)
