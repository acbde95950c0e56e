"""The terminal report (rich). The only module that imports rich.

Colours only on a terminal (rich decides; NO_COLOR is honoured). Without colour,
offending spans are marked ⟦like this⟧ and diffs use [-deleted-]{+inserted+}.
"""
from __future__ import annotations

import os
from collections import defaultdict
from itertools import groupby
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import FileReport, Finding, Report, SegmentDiff

SEVERITY_STYLE = {"minor": "yellow", "major": "bold red", "critical": "bold white on red"}
SPAN_STYLE = "bold red underline"


#: Width when the output is not a terminal (a file, a pipe, a CI log) and COLUMNS is unset:
#: wide enough that sacrebleu signatures are never folded.
PIPE_WIDTH = 120


def _console(stream: TextIO) -> Console:
    console = Console(file=stream, highlight=False, soft_wrap=False, emoji=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console.width = PIPE_WIDTH
    return console


def _plain(console: Console) -> bool:
    return console.no_color or not console.is_terminal or console.color_system is None


def _highlighted(text: str, findings: list[Finding], plain: bool) -> Text:
    spans = sorted({(f.column - 1, f.end_column - 1) for f in findings})
    out, pos = Text(), 0
    for start, end in spans:
        if start < pos:  # overlapping spans: extend the current highlight
            if end > pos:
                out.append(text[pos:end], style=None if plain else SPAN_STYLE)
                pos = end
            continue
        out.append(text[pos:start])
        out.append(f"⟦{text[start:end]}⟧" if plain else text[start:end], style=None if plain else SPAN_STYLE)
        pos = end
    out.append(text[pos:])
    return out


def _diff_text(diff: SegmentDiff, plain: bool) -> Text:
    out = Text()
    for op in diff.ops:
        if out:
            out.append(" ")
        if op.op == "equal":
            out.append(" ".join(op.mt))
            continue
        parts = []
        if op.mt:
            parts.append(("[-" + " ".join(op.mt) + "-]", "red strike"))
        if op.ref:
            parts.append(("{+" + " ".join(op.ref) + "+}", "green"))
        for i, (t, style) in enumerate(parts):
            if i:
                out.append(" ")
            out.append(t, style=None if plain else style)
    return out


def _header(console: Console, fr: FileReport) -> None:
    doc = fr.document
    console.rule(Text(f"tqcheck · {fr.path}", style="bold"))
    extra = []
    if doc.references:
        extra.append("references: " + ", ".join(r.path for r in doc.references))
    if doc.source:
        extra.append(f"source: {doc.source.path}")
    console.print(f"{len(doc.segments)} segments, {doc.words} words" + ("; " + "; ".join(extra) if extra else ""))


def _metrics(console: Console, fr: FileReport) -> None:
    if not fr.metrics:
        console.print("Metrics: no reference given (use --ref)")
        return
    table = Table(title="Metrics (corpus level, sacrebleu)", title_justify="left", box=None, pad_edge=False)
    table.add_column("metric")
    table.add_column("score", justify="right")
    table.add_column("signature", no_wrap=True)
    for m in fr.metrics.values():
        table.add_row(m.name, f"{m.score:.2f}", m.signature)
    console.print(table)


def _findings(console: Console, fr: FileReport, plain: bool) -> None:
    console.print()
    console.print(Text(f"Findings ({len(fr.findings)})", style="bold"))
    if not fr.findings:
        console.print("  none")
        return
    by_segment = groupby(sorted(fr.findings, key=lambda f: (f.segment, f.column, f.rule)), key=lambda f: f.segment)
    for index, group in by_segment:
        group = list(group)
        seg = fr.document.segments[index - 1]
        console.print()
        console.print(Text(f"segment {index} · line {seg.line}", style="bold cyan"))
        for f in group:
            line = Text("  ")
            line.append(f"{f.line}:{f.column}", style="bold")
            line.append(f"  {f.rule} ")
            line.append(f.severity.value, style=None if plain else SEVERITY_STYLE[f.severity.value])
            line.append(f"  {f.category}  ", style=None if plain else "dim")
            line.append(f.message)
            if f.suggestion is not None:
                fix = f"delete {f.text!r}" if f.suggestion == "" else f"{f.text!r} → {f.suggestion!r}"
                line.append(f"  [fix: {fix}]", style=None if plain else "green")
            console.print(line)
        console.print(Text("    ") + _highlighted(seg.text, group, plain))


def _worst(console: Console, fr: FileReport, plain: bool) -> None:
    if not fr.worst:
        return
    console.print()
    console.print(Text("Worst segments against the reference (sentence chrF, word diff: [-translation-]{+reference+})", style="bold"))
    for w in fr.worst:
        console.print(Text(f"segment {w.segment} · line {w.line} · chrF {w.chrf:.1f}", style="bold cyan"))
        console.print(Text("    ") + _diff_text(w, plain))


def _summary(console: Console, fr: FileReport) -> None:
    console.print()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for f in fr.findings:
        counts[f.category][0] += 1
        counts[f.category][1] += f.severity.weight
    table = Table(title="By category", title_justify="left", box=None, pad_edge=False)
    table.add_column("category")
    table.add_column("findings", justify="right")
    table.add_column("penalty", justify="right")
    for cat in sorted(counts):
        table.add_row(cat, str(counts[cat][0]), str(counts[cat][1]))
    if counts:
        console.print(table)


def _verdict(console: Console, fr: FileReport, plain: bool) -> None:
    s = fr.score
    verdict = "PASS" if s.passed else "FAIL"
    console.print()
    console.print(
        f"Score: penalty {s.penalty:g} (minor 1, major 5, critical 25) over {s.words} words → "
        f"quality = 100 × (1 − {s.penalty:g}/{s.words}) = {s.quality:.2f}; "
        f"threshold {s.threshold:g}; critical findings: {s.critical}"
    )
    style = None if plain else ("bold green" if s.passed else "bold white on red")
    console.print(Text(verdict, style=style))


def render(report: Report, stream: TextIO) -> None:
    console = _console(stream)
    plain = _plain(console)
    for fr in report.files:
        _header(console, fr)
        _metrics(console, fr)
        _findings(console, fr, plain)
        _worst(console, fr, plain)
        _summary(console, fr)
        _verdict(console, fr, plain)
    if len(report.files) > 1:
        passed = sum(f.score.passed for f in report.files)
        console.rule()
        console.print(f"{len(report.files)} files, {report.findings} findings, {passed} passed: "
                      + ("PASS" if report.passed else "FAIL"))


def render_rules(rules, stream: TextIO) -> None:
    """The table of rules for ``tqcheck rules``."""
    console = _console(stream)
    if not console.is_terminal:  # piped: one tab-separated line per rule, no wrapping
        for cls in rules:
            stream.write("\t".join((cls.code, cls.name, cls.category, cls.severity.value, cls.description())) + "\n")
        return
    table = Table(box=None, pad_edge=False)
    for col in ("code", "name", "category", "severity", "description"):
        table.add_column(col, overflow="fold")
    for cls in rules:
        table.add_row(cls.code, cls.name, cls.category, cls.severity.value, cls.description())
    console.print(table)
