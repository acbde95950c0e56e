"""A self-contained HTML review page (``--format html``): one file, no network, opens from disk.

Per file: the verdict and score, the metrics with their sacrebleu signatures, a per-category chart,
the worst segments' word diffs, and a table of segments with the source, the translation (findings
highlighted in place) and the reference side by side. Filters by category, severity and rule are a
small inline script (``?rule=TQ101&severity=major`` applies them on load); without the script the
whole page is still there.

The report keeps the translation's segments but only the paths of the references and source; this
formatter alone re-reads them (``tqcheck.io.text.iter_segments``), aligned by segment index.
The template (``templates/report.html.j2``) is rendered by jinja2 with autoescaping on.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TextIO

from ..errors import InputError
from ..io.text import iter_segments
from ..model import FileReport, Finding, Report, weights_legend
from ..paths import relative
from .diffmarks import diff_pieces


@dataclass
class Mark:
    """A highlighted piece of a finding's span (a span crossing another is cut into pieces)."""

    finding: dict
    children: list = field(default_factory=list)
    first: bool = True


def _tip(f: Finding) -> str:
    fix = "" if f.suggestion is None else (f" Fix: delete {f.text!r}." if f.suggestion == "" else f" Fix: {f.suggestion!r}.")
    return f"{f.rule} {f.name} ({f.severity.value}, {f.category}): {f.message}.{fix}".replace("..", ".")


def _pieces(text: str, start: int, end: int, spans: list[tuple[int, int, dict]], first: set) -> list:
    """``text[start:end]`` as strings and Marks; spans are (start, end, finding) inside [start, end)."""
    out: list = []
    pos = start
    spans = sorted(spans, key=lambda s: (s[0], -s[1], s[2]["id"]))
    while spans:
        s0, s1, info = spans.pop(0)
        if s0 > pos:
            out.append(text[pos:s0])
        inner, rest = [], []
        for t0, t1, other in spans:
            if t0 >= s1:
                rest.append((t0, t1, other))
            elif t1 <= s1:
                inner.append((t0, t1, other))
            else:  # crosses the end of this span: cut it in two
                inner.append((t0, s1, other))
                rest.append((s1, t1, other))
        is_first = info["id"] not in first
        first.add(info["id"])
        out.append(Mark(info, _pieces(text, s0, s1, inner, first), is_first))
        pos = s1
        spans = sorted(rest, key=lambda s: (s[0], -s[1], s[2]["id"]))
    if end > pos:
        out.append(text[pos:end])
    return out


def _partner_texts(path: str | None) -> dict[int, str] | None:
    """Segment index -> text of a reference or source file, re-read by path (None when unreadable)."""
    if path is None:
        return None
    try:
        return {seg.index: seg.text for seg in iter_segments(path)}
    except InputError:
        return None


def _file(fr: FileReport, n: int) -> dict:
    doc = fr.document
    by_segment: dict[int, list[tuple[Finding, dict]]] = defaultdict(list)
    findings = []
    for i, f in enumerate(fr.findings):
        info = {"id": f"f{n}-{i + 1}", "rule": f.rule, "name": f.name, "category": f.category,
                "severity": f.severity.value, "line": f.line, "column": f.column, "end_column": f.end_column,
                "text": f.text, "message": f.message, "suggestion": f.suggestion, "tip": _tip(f),
                "family": f.category.split("/")[0]}
        findings.append(info)
        by_segment[f.segment].append((f, info))
    refs = [(relative(r.path), _partner_texts(r.path)) for r in doc.references]
    src = (relative(doc.source.path), _partner_texts(doc.source.path)) if doc.source else None
    rows = []
    for seg in doc.segments:
        here = by_segment.get(seg.index, [])
        spans = [(f.column - 1, f.end_column - 1, info) for f, info in here if f.line == seg.line]
        rows.append({
            "index": seg.index, "line": seg.line,
            "pieces": _pieces(seg.text, 0, len(seg.text), spans, set()),
            "source": None if src is None else (src[1] or {}).get(seg.index),
            "references": [(texts or {}).get(seg.index) for _, texts in refs],
            "findings": [info for _, info in here],
            "rules": sorted({info["rule"] for _, info in here}),
            "categories": sorted({info["category"] for _, info in here}),
            "severities": sorted({info["severity"] for _, info in here}),
        })
    cats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in fr.findings:
        cats[f.category][0] += 1
        cats[f.category][1] += f.severity.weight
    top = max((p for _, p in cats.values()), default=1) or 1
    chart = [{"category": c, "count": k, "penalty": p, "percent": round(100 * p / top)} for c, (k, p) in sorted(cats.items())]
    worst = [{"segment": d.segment, "line": d.line, "chrf": d.chrf, "pieces": diff_pieces(d.ops)} for d in fr.worst]
    return {
        "n": n, "path": relative(fr.path), "score": fr.score, "findings": findings, "rows": rows,
        "metrics": list((fr.metrics or {}).values()), "chart": chart, "worst": worst,
        "references": [p for p, _ in refs], "references_missing": [p for p, t in refs if t is None],
        "source": src[0] if src else None, "source_missing": bool(src and src[1] is None),
        "segments": len(doc.segments), "words": doc.words,
        "severity_counts": Counter(f.severity.value for f in fr.findings),
    }


def context(report: Report) -> dict:
    """What the template shows: per file its rows, findings, metrics, chart and worst diffs; and the
    filter choices (every category, severity and rule found in the run)."""
    files = [_file(fr, n) for n, fr in enumerate(report.files, start=1)]
    every = [f for fl in files for f in fl["findings"]]
    return {
        "version": report.version, "passed": report.passed, "files": files, "weights": weights_legend(),
        "rules": sorted({(f["rule"], f["name"]) for f in every}),
        "categories": sorted({f["category"] for f in every}),
        "severities": [s for s in ("critical", "major", "minor") if any(f["severity"] == s for f in every)],
        "total": len(every), "baseline": report.baseline,
    }


def render(report: Report, stream: TextIO) -> None:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("tqcheck.report", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.tests["mark"] = lambda piece: isinstance(piece, Mark)
    stream.write(env.get_template("report.html.j2").render(**context(report)))
