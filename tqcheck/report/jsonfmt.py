"""JSON report (``--format json``). The schema is documented in docs/json-report.md.

Field order and names are stable; new fields may be added, none removed or renamed
within a major version.
"""
from __future__ import annotations

import json
from typing import TextIO

from ..model import FileReport, Report


def _metrics(fr: FileReport):
    if fr.metrics is None:
        return None
    return {key: {"score": m.score, "signature": m.signature} for key, m in fr.metrics.items()}


def _worst(fr: FileReport):
    return [
        {
            "segment": w.segment,
            "line": w.line,
            "chrf": w.chrf,
            "diff": [{"op": op.op, "mt": " ".join(op.mt), "ref": " ".join(op.ref)} for op in w.ops],
        }
        for w in fr.worst
    ]


def file_dict(fr: FileReport) -> dict:
    doc = fr.document
    return {
        "path": fr.path,
        "segments": len(doc.segments),
        "words": doc.words,
        "references": [r.path for r in doc.references],
        "source": doc.source.path if doc.source else None,
        "metrics": _metrics(fr),
        "findings": [f.as_dict() for f in fr.findings],
        "worst_segments": _worst(fr),
        "langid": {"examined": fr.langid_examined},
        "score": fr.score.as_dict(),
    }


def report_dict(report: Report) -> dict:
    return {
        "tool": {"name": "tqcheck", "version": report.version},
        "files": [file_dict(fr) for fr in report.files],
        "summary": {"files": len(report.files), "findings": report.findings, "passed": report.passed},
    }


def render(report: Report, stream: TextIO) -> None:
    json.dump(report_dict(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
