"""Plain lines (``--format text``): ``path:line:col: CODE [severity] message``.

One line per finding, then one summary line per file; grep- and editor-friendly.
"""
from __future__ import annotations

from typing import TextIO

from ..model import Report


def render(report: Report, stream: TextIO) -> None:
    for fr in report.files:
        for f in fr.findings:
            fix = f" (suggestion: {f.suggestion!r})" if f.suggestion is not None else ""
            stream.write(f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity.value}] {f.message}{fix}\n")
        if fr.metrics:
            for m in fr.metrics.values():
                stream.write(f"{fr.path}: {m.name} {m.score:.2f} {m.signature}\n")
        s = fr.score
        verdict = "PASS" if s.passed else "FAIL"
        stream.write(
            f"{fr.path}: {len(fr.findings)} findings, penalty {s.penalty:g} over {s.words} words, "
            f"quality {s.quality:.2f} (threshold {s.threshold:g}): {verdict}\n"
        )
