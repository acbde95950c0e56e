"""Edits to a file's text as ``tqcheck fix`` makes them (pure: no reading, no writing).

A file is held as lines, each with its own line end, so that an edit changes the characters of
its span and nothing else: encoding UTF-8, byte-order mark and LF/CRLF/CR line ends are kept.
An edit replaces the text at a finding's span on disk; in a structured file (XLIFF, TMX, HTML,
PO, Markdown) the replacement is written as the format writes text (``escape``), and an edit
whose span on disk is not the finding's text (an entity, an escape or a line break inside it)
is skipped, as a stale one is. Removing a segment's line (a debris line, in every aligned file)
takes the blank lines that separated it along with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .model import Finding

_LINE_END = re.compile(r"\r\n|\r|\n")
BOM = "\ufeff"


def escape(replacement: str, fmt: str | None) -> str:
    """``replacement`` as the file format ``fmt`` writes text ("xliff 1.2", "po", None for plain text)."""
    kind = (fmt or "text").split()[0]
    if kind in ("xliff", "tmx", "html"):
        from xml.sax.saxutils import escape as xml_escape

        return xml_escape(replacement)
    if kind == "po":
        from .io.po import escape as po_escape

        return po_escape(replacement)
    return replacement


@dataclass(frozen=True)
class Edit:
    """Replace ``text`` at ``line`` (1-based), code points ``start:end`` (0-based, end exclusive)."""

    line: int
    start: int
    end: int
    text: str
    replacement: str
    rule: str

    @classmethod
    def of(cls, f: Finding, fmt: str | None = None) -> "Edit":
        return cls(f.line, f.column - 1, f.end_column - 1, f.text, escape(f.suggestion or "", fmt), f.rule)


@dataclass
class FileText:
    """A text file as lines, each with its own line end, and whether it starts with a BOM."""

    lines: list[str]
    ends: list[str]
    bom: bool = False

    @classmethod
    def parse(cls, data: bytes, path: str) -> "FileText":
        from .io.text import decode_utf8

        text = decode_utf8(path, data)
        bom = text.startswith(BOM)
        text = text[1:] if bom else text
        lines, ends, pos = [], [], 0
        for m in _LINE_END.finditer(text):
            lines.append(text[pos:m.start()])
            ends.append(m.group())
            pos = m.end()
        lines.append(text[pos:])
        ends.append("")
        return cls(lines, ends, bom)

    def text(self) -> str:
        return (BOM if self.bom else "") + "".join(a + b for a, b in zip(self.lines, self.ends))

    def data(self) -> bytes:
        return self.text().encode("utf-8")

    def body(self) -> str:
        """The text as the readers see it (BOM dropped; line ends kept)."""
        return "".join(a + b for a, b in zip(self.lines, self.ends))


def apply(text: FileText, edits: Sequence[Edit]) -> tuple[FileText, list[Edit]]:
    """``text`` with ``edits`` applied (right to left in each line), and the edits applied: an edit
    whose span no longer holds its text (a stale finding) is skipped."""
    lines = list(text.lines)
    done = []
    for e in sorted(edits, key=lambda e: (e.line, e.start), reverse=True):
        i = e.line - 1
        if not 0 <= i < len(lines) or lines[i][e.start:e.end] != e.text:
            continue
        lines[i] = lines[i][:e.start] + e.replacement + lines[i][e.end:]
        done.append(e)
    return FileText(lines, list(text.ends), text.bom), done[::-1]


def empties_segment(text: FileText, e: Edit) -> bool:
    """Whether applying ``e`` leaves its line blank (the segment would disappear)."""
    line = text.lines[e.line - 1] if 0 < e.line <= len(text.lines) else ""
    return line[e.start:e.end] == e.text and not (line[:e.start] + e.replacement + line[e.end:]).strip()


def remove_lines(text: FileText, numbers: Sequence[int]) -> FileText:
    """``text`` without the lines ``numbers`` (1-based), each with the blank lines after it (or, for
    the last text of the file, the blank lines before it), so paragraphs stay one blank line apart."""
    drop: set[int] = set()
    n = len(text.lines)
    for number in numbers:
        i = number - 1
        drop.add(i)
        j = i + 1
        while j < n and not text.lines[j].strip() and text.ends[j]:
            drop.add(j)
            j += 1
        if j >= n or (j == n - 1 and not text.lines[j].strip()):
            k = i - 1
            while k >= 0 and not text.lines[k].strip():
                drop.add(k)
                k -= 1
    keep = [i for i in range(n) if i not in drop]
    lines = [text.lines[i] for i in keep]
    ends = [text.ends[i] for i in keep]
    return FileText(lines or [""], ends or [""], text.bom)
