"""Positions in a file, and the builder that turns pieces of a file into a Segment with its origin.

The readers of structured formats (XLIFF, PO, TMX, Markdown, HTML) do not hand the rules the
file's characters: they drop markup, decode entities and escapes, and fold line breaks into
spaces. ``Builder`` collects a segment's text from those pieces and records, in compact runs
(``model.Origin``), where each character of the text came from, so that a rule's span maps
back to the line and columns of the file on disk. Whitespace is normalised as the formats
read it: a run of white space holding a line break is one space, and the text is stripped.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Mark, Origin, Segment

#: The character that stands in the text for a placeholder whose content is not text
#: (an XLIFF ``<x/>`` or ``<ph>``, Markdown inline code, an HTML ``<code>``): OBJECT REPLACEMENT CHARACTER.
OBJECT = "\ufffc"
_BREAK = re.compile(r"[ \t\r]*\n\s*")


class Positions:
    """Line and column (1-based, in code points) of any 0-based character offset of a file's text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def offset(self, line: int, column: int) -> int:
        """The character offset of 1-based ``line`` and 0-based ``column`` (as html.parser's getpos)."""
        return self.starts[line - 1] + column


class Builder:
    """The text of one segment, built piece by piece, with its origin and marks."""

    def __init__(self, positions: Positions) -> None:
        self.positions = positions
        self.parts: list[str] = []
        self.runs: list[tuple[int, int, int, int]] = []
        self.marks: list[Mark] = []
        self.length = 0
        self._next = -1  # the file offset just after the last literal character added
        self._space = True  # the text is empty or ends with a space: a folded break adds nothing
        self._folded = True  # the text is empty or ends with a folded break: leading white space goes

    def literal(self, text: str, offset: int) -> None:
        """Add ``text``, copied from the file at character ``offset`` (line breaks fold into a space)."""
        pos = 0
        for m in _BREAK.finditer(text):
            self._copy(text[pos:m.start()], offset + pos)
            if not self._space:
                self.atomic(" ", offset + m.start(), 1)
            self._folded = True
            pos = m.end()
        self._copy(text[pos:], offset + pos)

    def _copy(self, text: str, offset: int) -> None:
        if not text:
            return
        if self._folded:  # strip the segment's leading space, and the indentation after a folded break
            stripped = text.lstrip()
            offset += len(text) - len(stripped)
            text = stripped
            if not text:
                return
        if offset != self._next or not self.runs or self.runs[-1][3]:
            line, column = self.positions.at(offset)
            self.runs.append((self.length, line, column, 0))
        self.parts.append(text)
        self.length += len(text)
        self._next = offset + len(text)
        self._space = text[-1].isspace()
        self._folded = False

    def atomic(self, char: str, offset: int, width: int) -> None:
        """Add one character written as ``width`` characters of the file at ``offset`` (an entity, an escape)."""
        if char.isspace() and (self._space or self.length == 0):
            return
        line, column = self.positions.at(offset)
        self.runs.append((self.length, line, column, max(width, 1)))
        self.parts.append(char)
        self.length += 1
        self._next = -1
        self._space = char.isspace()
        self._folded = False

    def mark(self, kind: str, name: str, width: int = 0, ordered: bool = False) -> None:
        """A mark at the current end of the text, covering the last ``width`` characters."""
        self.marks.append(Mark(kind, name, self.length - width, self.length, ordered))

    def placeholder(self, name: str, offset: int, width: int) -> None:
        """A placeholder whose content is not text: OBJECT in the text, ``width`` characters in the file."""
        self.atomic(OBJECT, offset, width)
        self.mark("placeholder", name, 1)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def segment(self, index: int, context: str = "", extra_marks=()) -> Segment | None:
        """The Segment built (None when it holds no text), trailing white space stripped."""
        text = self.text.rstrip()
        if not text.strip():
            return None
        runs = tuple(r for r in self.runs if r[0] < len(text))
        marks = tuple(sorted((m if m.end <= len(text) else Mark(m.kind, m.name, min(m.start, len(text)), len(text),
                                                                    m.ordered)
                              for m in (*self.marks, *extra_marks)), key=lambda m: (m.start, m.end)))
        return Segment(index=index, line=runs[0][1], text=text, markup=marks, origin=Origin(runs), context=context)
