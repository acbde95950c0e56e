"""Markdown summary (``--format markdown``): for a pull-request comment, and the same text
the github format appends to ``$GITHUB_STEP_SUMMARY``.

A table (file, quality, threshold, verdict, findings, findings by category), the run's
verdict, the baseline counts when a baseline was used, the metrics with their sacrebleu
signatures, and each file's findings in a collapsed ``<details>`` block.
"""
from __future__ import annotations

from collections import Counter
from typing import TextIO

from ..model import FileReport, Report, weights_legend
from ..paths import relative
from . import MAX_MESSAGE, clip, plural

#: Findings listed per file in the details block (a PR comment holds at most 65,536 characters).
MAX_LISTED = 50
_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"} | {"&": "&amp;", "\n": " ", "\r": " "})


def escape(text: str) -> str:
    """``text`` safe inside a Markdown table cell (no markup, no HTML, no line break)."""
    return text.translate(_ESCAPE)


def _verdict(passed: bool) -> str:
    return "**PASS**" if passed else "**FAIL**"


def _categories(fr: FileReport) -> str:
    counts = Counter(f.category for f in fr.findings)
    return ", ".join(f"{cat} {n}" for cat, n in sorted(counts.items())) or "–"


def _details(fr: FileReport) -> list[str]:
    if not fr.findings:
        return []
    out = ["", f"<details><summary>{escape(relative(fr.path))}: {plural(len(fr.findings), 'finding')}</summary>", "",
           "| line:col | rule | severity | text | message |", "|---|---|---|---|---|"]
    for f in fr.findings[:MAX_LISTED]:
        out.append(f"| {f.line}:{f.column} | {f.rule} {f.name} | {f.severity.value} | {escape(repr(clip(f.text)))} | "
                   f"{escape(clip(f.message, MAX_MESSAGE))} |")
    if len(fr.findings) > MAX_LISTED:
        out.append(f"\n… and {len(fr.findings) - MAX_LISTED} more (see the full report).")
    out += ["", "</details>"]
    return out


#: GitHub refuses a pull-request comment over 65,536 characters; the report stays under it.
MAX_CHARACTERS = 65_000
_CUT_NOTE = ("… this comment stops here to fit GitHub's 65,536-character limit: the findings of {files} more "
             "file(s) ({findings} findings) are not listed; see the full report (--format json or sarif).")


def summary(report: Report) -> str:
    """The Markdown summary of ``report`` (ends with a newline)."""
    passed = sum(fr.score.passed for fr in report.files)
    out = [f"## tqcheck: {'PASS' if report.passed else 'FAIL'}", "",
           f"{plural(len(report.files), 'file')}, {plural(report.findings, 'finding')}, {passed} passed.", ""]
    if report.baseline is not None:
        out += [f"Baseline: {plural(report.baseline['suppressed'], 'finding')} suppressed, "
                f"{plural(report.baseline['unmatched'], 'baseline entry', 'baseline entries')} no longer match.", ""]
    if report.files:
        out += ["| file | quality | threshold | verdict | findings | by category |", "|---|---:|---:|---|---:|---|"]
        for fr in report.files:
            s = fr.score
            out.append(f"| {escape(relative(fr.path))} | {s.quality:.2f} | {s.threshold:g} | {_verdict(s.passed)} | "
                       f"{len(fr.findings)} | {escape(_categories(fr))} |")
        out += ["", f"quality = 100 × (1 − penalty / words), penalty = Σ {weights_legend()}."]
    with_metrics = [fr for fr in report.files if fr.metrics]
    if with_metrics:
        out += ["", "<details><summary>Metrics against the references (sacrebleu)</summary>", "",
                "| file | metric | score | signature |", "|---|---|---:|---|"]
        for fr in with_metrics:
            for m in fr.metrics.values():
                out.append(f"| {escape(relative(fr.path))} | {m.name} | {m.score:.2f} | {escape(m.signature)} |")
        out += ["", "</details>"]
    for k, fr in enumerate(report.files):
        details = _details(fr)
        if sum(len(line) + 1 for line in out + details) + len(_CUT_NOTE) + 200 > MAX_CHARACTERS:
            left = report.files[k:]
            out += ["", _CUT_NOTE.format(files=len(left), findings=sum(len(f.findings) for f in left))]
            break
        out += details
    return "\n".join(out) + "\n"


def render(report: Report, stream: TextIO) -> None:
    stream.write(summary(report))
