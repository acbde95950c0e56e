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
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from ..model import weights_legend, FileReport, Finding, Report, SegmentDiff
from . import MAX_MESSAGE, capped_note, clip, fix_text, visible
from .diffmarks import diff_pieces

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
    spans = sorted({f.text_span for f in findings if f.text_span[1] > f.text_span[0]})
    out, pos = Text(), 0
    for start, end in spans:
        if start < pos:  # overlapping spans: extend the current highlight
            if end > pos:
                out.append(visible(text[pos:end]), style=None if plain else SPAN_STYLE)
                pos = end
            continue
        out.append(visible(text[pos:start]))
        span = visible(text[start:end])
        out.append(f"⟦{span}⟧" if plain else span, style=None if plain else SPAN_STYLE)
        pos = end
    out.append(visible(text[pos:]))
    return out


DIFF_STYLE = {"del": "red strike", "ins": "green"}


def _diff_text(diff: SegmentDiff, plain: bool) -> Text:
    out = Text()
    for text, kind in diff_pieces(diff.ops):
        out.append(visible(text), style=None if plain or kind is None else DIFF_STYLE[kind])
    return out


def _header(console: Console, fr: FileReport) -> None:
    doc = fr.document
    console.rule(Text(visible(f"tqcheck · {fr.path}"), style="bold"))
    extra = []
    if doc.references:
        extra.append("references: " + ", ".join(r.path for r in doc.references))
    if doc.source:
        extra.append(f"source: {doc.source.path}")
    console.print(Text(visible(f"{len(doc.segments)} segments, {doc.words} words"
                               + ("; " + "; ".join(extra) if extra else ""))))


def _metrics(console: Console, fr: FileReport) -> None:
    if not fr.metrics:
        console.print("Metrics: no reference given (use --ref)")
        return
    table = Table(title="Metrics (corpus level, sacrebleu)", title_justify="left", box=None, pad_edge=False)
    table.add_column("metric", no_wrap=True, min_width=6)
    table.add_column("score", justify="right", no_wrap=True, min_width=6)
    table.add_column("signature", overflow="fold")  # at 80 columns the signature folds, never the score
    rows = [(m.name, f"{m.score:.2f}", m.signature) for m in fr.metrics.values()]
    room = console.width - max(max(len(r[0]), 6) for r in rows) - max(max(len(r[1]), 6) for r in rows) - 4
    for name, score, signature in rows:
        table.add_row(name, score, _fold_signature(signature, room))
    console.print(table)


def _fold_signature(signature: str, width: int) -> str:
    """``signature`` in lines of at most ``width`` cells, broken after a ``|`` (never inside a field
    such as ``version:2.6.0``); a field longer than the line is left to the table to fold."""
    if len(signature) <= width:
        return signature
    lines, line = [], ""
    for field in signature.split("|"):
        piece = field if not line else "|" + field
        if line and len(line) + len(piece) + 1 > width:
            lines.append(line + "|")
            line = field
        else:
            line += piece
    return "\n".join([*lines, line])


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
        console.print(Text(f"segment {index} · line {seg.line}" + (f" · {seg.context}" if seg.context else ""),
                           style="bold cyan"))
        grid = Table.grid(padding=(0, 2))  # wrapped messages stay indented under their finding
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        for f in group:
            head = Text("  ")
            head.append(f"{f.line}:{f.column}", style="bold")
            head.append(f"  {f.rule} ")
            head.append(f.severity.value, style=None if plain else SEVERITY_STYLE[f.severity.value])
            body = Text(f"{f.category}  ", style=None if plain else "dim")
            body.append(visible(clip(f.message, MAX_MESSAGE)), style="default" if not plain else None)
            fix = fix_text(f)
            if fix is not None:
                body.append(visible(f"  [fix: {fix}]"), style=None if plain else "green")
            grid.add_row(head, body)
        console.print(grid)
        console.print(Padding(_highlighted(seg.text, group, plain), (0, 0, 0, 4)))
    for rule, count in fr.capped.items():
        console.print(Text(f"  {capped_note(rule, count)}", style=None if plain else "yellow"))


def _worst(console: Console, fr: FileReport, plain: bool) -> None:
    if not fr.worst:
        return
    console.print()
    console.print(Text("Worst segments against the reference (sentence chrF, word diff: [-translation-]{+reference+})", style="bold"))
    for w in fr.worst:
        console.print(Text(f"segment {w.segment} · line {w.line} · chrF {w.chrf:.1f}", style="bold cyan"))
        console.print(Padding(_diff_text(w, plain), (0, 0, 0, 4)))  # wrapped lines stay indented


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


def _blocking(s) -> str:
    """What fails a file besides its quality: critical findings unless --fail-on says otherwise."""
    if s.fail_on == "critical":
        return f"critical findings: {s.critical}"
    if s.fail_on is None:
        return "no severity fails on its own (fail-on none)"
    return f"findings at or above {s.fail_on} (fail-on): {s.blocking}"


def _verdict(console: Console, fr: FileReport, plain: bool) -> None:
    s = fr.score
    verdict = "PASS" if s.passed else "FAIL"
    console.print()
    console.print(
        f"Score: penalty {s.penalty:g} ({weights_legend()}) over {s.words} words → "
        f"quality = 100 × (1 − {s.penalty:g}/{s.words}) = {s.quality:.2f}; "
        f"threshold {s.threshold:g}; " + _blocking(s)
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
    """The table of rules for ``tqcheck rules``, with where each lives (``file:line``)."""
    console = _console(stream)
    rows = [(cls.code, cls.name, cls.category, cls.severity.value, cls.description(), "%s:%d" % cls.location(),
             "opt-in" if cls.opt_in else "default") for cls in rules]
    if not console.is_terminal:  # piped: one tab-separated line per rule, no wrapping
        for row in rows:
            stream.write("\t".join(row) + "\n")
        return
    table = Table(box=None, pad_edge=False)
    for col in ("code", "name", "category", "severity", "description", "location", "in force"):
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    console.print(table)


def render_glossary(terms, stream: TextIO) -> None:
    """The terms in force for ``tqcheck glossary show``: source, required, forbidden, origin, note."""
    console = _console(stream)
    rows = [(t.source, "|".join(t.english), "|".join(t.variants), t.origin, t.note) for t in terms]
    if not rows:
        stream.write("no glossary terms in force (--glossary FILE adds a desk's terms; the default glossary "
                     "is off)\n")
        return
    if not console.is_terminal:  # piped: one tab-separated line per term, no wrapping
        for row in rows:
            stream.write("\t".join(row) + "\n")
        return
    table = Table(box=None, pad_edge=False)
    for col in ("source term", "required", "forbidden", "origin", "note"):
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(Text(c) for c in row))
    console.print(table)
    console.print(f"{len(rows)} terms")


def render_settings(settings, stream: TextIO) -> None:
    """``tqcheck config show``: each setting, its value and where it came from.

    Piped: ``key = value  # origin`` lines (valid TOML); on a terminal, a table.
    """
    from ..config import toml_value

    from ..paths import relative

    console = _console(stream)
    where = relative(settings.file) if settings.file else "none found (defaults and flags only)"
    items = [(key, toml_value(value), origin) for key, value, origin in settings.items()]
    if not console.is_terminal:
        stream.write(f"# configuration file: {where}\n")
        for key, value, origin in items:
            stream.write(f"{key} = {value}  # {origin}\n")
        return
    table = Table(title=f"configuration file: {where}", title_justify="left", box=None, pad_edge=False)
    for col in ("key", "value", "origin"):
        table.add_column(col, overflow="fold")
    for key, value, origin in items:
        table.add_row(key, value, Text(origin, style="dim" if origin == "default" else "bold"))
    console.print(table)


def render_diff(view, stream: TextIO) -> None:
    """``tqcheck diff``: each segment's chrF and word diff against the closest reference."""
    console = _console(stream)
    plain = _plain(console)
    console.rule(Text(visible(f"tqcheck diff · {view.path}"), style="bold"))
    order = (f"the {len(view.segments)} lowest-chrF segments of {view.total}, worst first"
             if view.worst is not None else f"{view.total} segments in order")
    console.print(Text(visible(f"against {', '.join(view.references)}; {order}")))
    console.print(Text(f"sentence chrF2 (sacrebleu): {view.chrf_signature}"))
    console.print(Text("word diff against the closest reference: [-translation-]{+reference+}"))
    for d in view.segments:
        console.print()
        console.print(Text(f"segment {d.segment} · line {d.line} · chrF {d.chrf:.1f}", style="bold cyan"))
        console.print(Padding(_diff_text(d, plain), (0, 0, 0, 4)))  # wrapped lines stay indented


def _paired_cell(result, baseline: bool, plain: bool) -> Text:
    from ..compare import SIGNIFICANCE_LEVEL

    out = Text(f"{result.score:.1f}")
    if result.mean is not None:
        out.append(f" ({result.mean:.1f} ± {result.ci:.1f})")
    if not baseline and result.p_value is not None:
        significant = result.p_value < SIGNIFICANCE_LEVEL
        out.append("\n")
        out.append(f"(p = {result.p_value:.4f})" + ("*" if significant else ""),
                   style=None if plain or significant else "red")
    return out


def render_comparison(comparison, stream: TextIO) -> None:
    """``tqcheck compare``: metrics with significance, then artifacts by category, side by side."""
    from ..compare import SIGNIFICANCE_LEVEL, TEST_NAMES

    console = _console(stream)
    plain = _plain(console)
    unit = "resamples" if comparison.test == "bs" else "trials"
    console.rule(Text(f"tqcheck compare · {TEST_NAMES[comparison.test]} "
                      f"({comparison.n_samples} {unit}, seed {comparison.seed})", style="bold"))
    where = f"references: {', '.join(comparison.references)}"
    if comparison.source:
        where += f"; source: {comparison.source}"
    console.print(Text(visible(where)))

    labels = [f"#{i + 1}" for i in range(len(comparison.systems))]
    console.print(Text("Metrics (sacrebleu): score (bootstrap mean ± 95% CI), p-value against the baseline",
                       style="bold"))
    table = Table(box=None, pad_edge=False)
    table.add_column("system")
    for key in comparison.metric_names:
        table.add_column(comparison.metric_names[key], justify="center")
    for i, s in enumerate(comparison.systems):
        name = Text(visible(f"{labels[i]} {s.path}" + (" (baseline)" if i == 0 else "")), overflow="fold")
        table.add_row(name, *(_paired_cell(s.metrics[k], i == 0, plain) for k in comparison.metric_names))
    console.print(table)
    console.print(f"* p < {SIGNIFICANCE_LEVEL}: the difference is unlikely to be chance (not which system is better). "
                  "TER: lower is better.")
    for key, sig in comparison.signatures.items():
        console.print(f"  {comparison.metric_names[key]:<6} {sig}")

    console.print()
    console.print(Text("Artifacts (tqcheck check): findings by MQM category", style="bold"))
    table = Table(box=None, pad_edge=False)
    table.add_column("category")
    for label in labels:
        table.add_column(label, justify="right")
    for cat in comparison.categories:
        table.add_row(cat, *(str(s.by_category.get(cat, 0)) for s in comparison.systems))
    table.add_row(Text("total findings", style="bold"), *(str(s.total) for s in comparison.systems))
    table.add_row(Text("MQM quality", style="bold"), *(f"{s.quality:.2f}" for s in comparison.systems))
    console.print(table)
    fewest = comparison.fewest_artifacts
    if len(fewest) == len(comparison.systems):
        console.print(f"Fewest artifacts: a tie ({comparison.systems[0].total} findings each)")
    else:
        low = min(s.total for s in comparison.systems)
        which = ", ".join(f"{labels[i]} {s.path}" for i, s in enumerate(comparison.systems) if s.path in fewest)
        console.print(Text(visible(f"Fewest artifacts: {which} ({low} findings)"), style=None if plain else "bold green"))


class ProgressBar:
    """A progress bar on stderr for long runs: silent for the first ``delay`` seconds, so quick
    runs print nothing, and removed when done. Use only when stderr is a terminal."""

    def __init__(self, stream: TextIO, delay: float = 2.0) -> None:
        import time

        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._clock = time.monotonic
        self._start = self._clock() + delay
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), console=Console(file=stream), transient=True)
        self._tasks: dict[str, int] = {}
        self._shown = False

    def __call__(self, what: str, done: int, total: int | None) -> None:
        if not self._shown:
            if self._clock() < self._start:
                return
            self._progress.start()
            self._shown = True
        if what not in self._tasks:
            self._tasks[what] = self._progress.add_task(what, total=total)
        self._progress.update(self._tasks[what], completed=done, total=total)

    def close(self) -> None:
        if self._shown:
            self._progress.stop()
