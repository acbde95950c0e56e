"""Inline suppressions: the findings a file's own ``tqcheck: disable`` / ``ignore`` directives switch off.

The readers of structured formats put the directives on the Document (``Document.suppressions``,
each with the lines it covers and the rule patterns it names, as ``--ignore`` names rules); the
engine applies them once, when it finalises a run (``engine.finalise``). A directive that
suppresses nothing is itself reported, by the ``unused-suppression`` rule when it is in force.
Pure: no I/O.
"""
from __future__ import annotations

from typing import Sequence

from .model import Document, Finding, Suppression
from .perfile import finding_matches
from .registry import Rule

UNUSED = "unused-suppression"


def _covers(s: Suppression, f: Finding) -> bool:
    return s.first <= f.line <= s.last and (not s.rules or any(finding_matches(f, p) for p in s.rules))


def _unused(rule: Rule, doc: Document, s: Suppression) -> Finding:
    """The finding for a directive that matched nothing, at the directive; its segment is the first one
    the directive covers (or the last of the file), for the formatters that quote segments."""
    segment = next((seg.index for seg in doc.segments if seg.line >= s.first), len(doc.segments))
    names = ", ".join(s.rules) if s.rules else "every rule"
    return Finding(rule.code, rule.name, rule.category, rule.severity, doc.path, s.line, s.column,
                   s.column + max(len(s.text), 1), segment, s.text,
                   f"this suppression ({names}, lines {s.first}-{s.last}) matches no finding; delete it, "
                   "or name the rule it is meant for", None, None, (0, 0))


def apply(doc: Document, findings: list[Finding], rules: Sequence[Rule] = ()) -> tuple[list[Finding], int]:
    """``findings`` without those the document's suppressions cover, plus a finding for each unused
    suppression (when the unused-suppression rule is among ``rules``); and how many were suppressed."""
    if not doc.suppressions:
        return findings, 0
    used = [False] * len(doc.suppressions)
    kept, suppressed = [], 0
    for f in findings:
        hits = [i for i, s in enumerate(doc.suppressions) if _covers(s, f)]
        if hits and f.name != UNUSED:
            suppressed += 1
            for i in hits:
                used[i] = True
        else:
            kept.append(f)
    rule = next((r for r in rules if r.name == UNUSED), None)
    if rule is not None:
        kept += [_unused(rule, doc, s) for s, u in zip(doc.suppressions, used) if not u]
    return sorted(kept, key=lambda f: f.sort_key), suppressed
