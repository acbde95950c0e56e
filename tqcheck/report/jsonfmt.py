"""JSON report (``--format json``). The schema is documented in docs/json-report.md.

Field order and names are stable; new fields may be added, none removed or renamed
within a major version.
"""
from __future__ import annotations

import json
from typing import TextIO

from ..model import FileReport, Report
from . import MAX_MESSAGE, clip, clipped, jsonstream


def _metrics(fr: FileReport):
    if fr.metrics is None:
        return None
    return {key: {"score": m.score, "signature": m.signature} for key, m in fr.metrics.items()}


def diff_ops(ops) -> list[dict]:
    """difflib opcodes (model.DiffOp) as JSON: op, translation words, reference words."""
    return [{"op": op.op, "mt": " ".join(op.mt), "ref": " ".join(op.ref)} for op in ops]


def _worst(fr: FileReport):
    return [
        {
            "segment": w.segment,
            "line": w.line,
            "chrf": w.chrf,
            "diff": diff_ops(w.ops),
        }
        for w in fr.worst
    ]


def _segments_metrics(fr: FileReport):
    if fr.segments_metrics is None:
        return None
    return ({"segment": m.segment, "line": m.line, "chrf": m.chrf, "bleu": m.bleu} for m in fr.segments_metrics)


def file_dict(fr: FileReport) -> dict:
    """A file's report as JSON, its findings and per-segment scores as generators (see ``jsonstream``)."""
    doc = fr.document
    return {
        "path": fr.path,
        "segments": len(doc.segments),
        "words": doc.words,
        "layout": dict(fr.layout) if fr.layout else None,
        "references": [r.path for r in doc.references],
        "source": doc.source.path if doc.source else None,
        "metrics": _metrics(fr),
        "findings": (finding_dict(f) for f in fr.findings),
        "suppressed": fr.suppressed,
        "input": ({"format": doc.meta["format"], "skipped": dict(doc.meta.get("skipped", {}))}
                  if doc.meta.get("format") else None),
        "worst_segments": _worst(fr),
        "segments_metrics": _segments_metrics(fr),
        "segments_metrics_signatures": dict(fr.segments_signatures) if fr.segments_signatures else None,
        "langid": {"examined": fr.langid_examined},
        "score": fr.score.as_dict(),
        "capped": dict(fr.capped),
    }


def finding_dict(f) -> dict:
    """A finding as JSON: text, suggestion and message shortened past MAX_QUOTED / MAX_MESSAGE
    characters (with ``"truncated": true``); line and columns always exact."""
    out = f.as_dict()
    if clipped(f):
        out.update(text=clip(f.text), suggestion=clip(f.suggestion), message=clip(f.message, MAX_MESSAGE),
                   truncated=True)
    return out


def report_dict(report: Report) -> dict:
    """The report as JSON, built as it is written: every file, finding and segment score is made
    from a generator while ``jsonstream.dump`` writes it, never held all at once."""
    out = {
        "tool": {"name": "tqcheck", "version": report.version},
        "files": (file_dict(fr) for fr in report.files),
        "summary": {"files": len(report.files), "findings": report.findings, "passed": report.passed},
    }
    if report.baseline is not None:
        out["baseline"] = dict(report.baseline)
    return out


def render(report: Report, stream: TextIO) -> None:
    jsonstream.dump(report_dict(report), stream)


def diff_dict(view) -> dict:
    """``tqcheck diff --format json`` (a diffview.DiffView)."""
    return {
        "tool": {"name": "tqcheck", "command": "diff"},
        "path": view.path,
        "references": list(view.references),
        "chrf_signature": view.chrf_signature,
        "segments_total": view.total,
        "worst": view.worst,
        "segments": [
            {"segment": d.segment, "line": d.line, "chrf": d.chrf, "diff": diff_ops(d.ops)} for d in view.segments
        ],
    }


def render_diff(view, stream: TextIO) -> None:
    json.dump(diff_dict(view), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _paired(result) -> dict:
    ci = None if result.mean is None else [result.mean - result.ci, result.mean + result.ci]
    return {"score": result.score, "mean": result.mean, "ci": ci, "p_value": result.p_value}


def comparison_dict(comparison) -> dict:
    """``tqcheck compare --format json`` (a compare.Comparison)."""
    return {
        "tool": {"name": "tqcheck", "command": "compare"},
        "baseline": comparison.baseline.path,
        "test": comparison.test,
        "n_samples": comparison.n_samples,
        "seed": comparison.seed,
        "references": list(comparison.references),
        "source": comparison.source,
        "signatures": dict(comparison.signatures),
        "systems": [
            {
                "path": s.path,
                "metrics": {key: _paired(r) for key, r in s.metrics.items()},
                "findings": {"total": s.total, "by_category": s.by_category},
                "quality": s.quality,
            }
            for s in comparison.systems
        ],
        "fewest_artifacts": comparison.fewest_artifacts,
    }


def render_comparison(comparison, stream: TextIO) -> None:
    json.dump(comparison_dict(comparison), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
