"""MQM-style scoring.

Each finding weighs by severity: minor 1, major 5, critical 25. The absolute
penalty is the sum of the weights; quality = 100 * (1 - penalty / words), floored
at 0, where words is the translation's whitespace-separated word count. A file
passes when quality >= threshold and it has no finding at or above ``fail_on``
(default critical: any critical finding fails; None: only the threshold decides).
"""
from __future__ import annotations

from typing import Iterable

from .model import Finding, Score, Severity


def score(findings: Iterable[Finding], words: int, threshold: float,
          fail_on: Severity | None = Severity.CRITICAL) -> Score:
    findings = list(findings)
    penalty = float(sum(f.severity.weight for f in findings))
    if words > 0:
        quality = max(0.0, 100.0 * (1.0 - penalty / words))
    else:
        quality = 100.0 if penalty == 0 else 0.0
    critical = sum(1 for f in findings if f.severity is Severity.CRITICAL)
    blocking = 0 if fail_on is None else sum(1 for f in findings if f.severity.rank >= fail_on.rank)
    return Score(
        penalty=penalty,
        words=words,
        quality=round(quality, 2),
        threshold=threshold,
        critical=critical,
        passed=quality >= threshold and blocking == 0,
        fail_on=fail_on.value if fail_on is not None else None,
        blocking=blocking,
    )
