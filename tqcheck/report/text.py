"""Plain lines (``--format text``): ``path:line:col: CODE [severity] message``.

One line per finding, then one summary line per file; grep- and editor-friendly.
"""
from __future__ import annotations

from typing import TextIO

from ..model import Report
from . import MAX_MESSAGE, capped_note, clip, plural, verdict_text, visible


def _line(stream: TextIO, text: str) -> None:
    """One line, control characters shown (``\\x1b``, ``\\x0a``): a finding never spans two lines."""
    stream.write(visible(text) + "\n")


def render(report: Report, stream: TextIO) -> None:
    for fr in report.files:
        for f in fr.findings:
            fix = f" (suggestion: {clip(f.suggestion)!r})" if f.suggestion is not None else ""
            _line(stream, f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {clip(f.message, MAX_MESSAGE)}{fix}")
        for rule, count in fr.capped.items():
            _line(stream, f"{fr.path}: {capped_note(rule, count)}")
        if fr.metrics:
            for m in fr.metrics.values():
                _line(stream, f"{fr.path}: {m.name} {m.score:.2f} {m.signature}")
        s = fr.score
        _line(stream, f"{fr.path}: {plural(len(fr.findings), 'finding')}, penalty {s.penalty:g} over {s.words} words, "
                      f"quality {s.quality:.2f} (threshold {s.threshold:g}): {verdict_text(s)}")


def render_diff(view, stream: TextIO) -> None:
    """``path:line: segment N chrF X: diff`` per segment, after a line with the chrF signature."""
    from .diffmarks import plain_diff

    _line(stream, f"{view.path}: chrF2 {view.chrf_signature} against {', '.join(view.references)}")
    for d in view.segments:
        _line(stream, f"{view.path}:{d.line}: segment {d.segment} chrF {d.chrf:.1f}: {plain_diff(d.ops)}")


def _paired(result, baseline: bool) -> str:
    from ..compare import SIGNIFICANCE_LEVEL

    out = f"{result.score:.1f}"
    if result.mean is not None:
        out += f" ({result.mean:.1f} ± {result.ci:.1f})"
    if not baseline and result.p_value is not None:
        out += f" p={result.p_value:.4f}" + ("*" if result.p_value < SIGNIFICANCE_LEVEL else "")
    return out


def render_comparison(comparison, stream: TextIO) -> None:
    """One line per system (metrics, findings by category, quality), then the signatures."""
    unit = "resamples" if comparison.test == "bs" else "trials"
    _line(stream, f"compare: {comparison.test} ({comparison.n_samples} {unit}, seed {comparison.seed}), "
                  f"baseline {comparison.baseline.path}")
    for i, s in enumerate(comparison.systems):
        scores = " ".join(
            f"{comparison.metric_names[k]} {_paired(r, i == 0)}" for k, r in s.metrics.items()
        )
        cats = ", ".join(f"{c} {n}" for c, n in s.by_category.items()) or "none"
        _line(stream, f"{s.path}: {scores}; findings {s.total} ({cats}); quality {s.quality:.2f}")
    for key, sig in comparison.signatures.items():
        stream.write(f"signature {comparison.metric_names[key]}: {sig}\n")
    _line(stream, f"fewest artifacts: {', '.join(comparison.fewest_artifacts)}")
