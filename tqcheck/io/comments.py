"""Suppression directives written in Markdown and HTML comments, turned into line ranges.

``<!-- tqcheck: disable TQ201 -->`` starts a range (every rule when none is named) that
``<!-- tqcheck: enable -->`` ends (the end of the file otherwise);
``<!-- tqcheck: disable-next-line TQ201 -->`` covers the next line that is not blank.
"""
from __future__ import annotations

from ..model import Suppression
from ..text.markup import directive


class Directives:
    """The directives of one file, collected in file order."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.open: list[tuple[tuple[str, ...], int, int, str]] = []
        self.done: list[Suppression] = []

    def comment(self, text: str, line: int, column: int, end_line: int) -> None:
        """A comment whose content is ``text``, written from ``line``:``column`` to ``end_line``."""
        found = directive(text)
        if found is None:
            return
        verb, rules = found
        words = " ".join(text.split())
        if verb == "disable":
            self.open.append((rules, line, column, words))
        elif verb == "enable":
            for rules_, first, col, what in self.open:
                self.done.append(Suppression(rules_, first, line, first, col, what))
            self.open = []
        else:  # disable-next-line, ignore
            target = end_line + 1
            while target <= len(self.lines) and not self.lines[target - 1].strip():
                target += 1
            self.done.append(Suppression(rules, target, target, line, column, words))

    def suppressions(self) -> list[Suppression]:
        out = self.done + [Suppression(rules, first, len(self.lines), first, col, what)
                           for rules, first, col, what in self.open]
        return sorted(out, key=lambda s: (s.line, s.column))
