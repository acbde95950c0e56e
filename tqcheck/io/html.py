"""HTML reader (the standard library's html.parser, which keeps positions): one segment per text block.

Block elements (``p``, ``h1``-``h6``, ``li``, ``td``, ``th``, ``dt``, ``dd``, ``caption``,
``figcaption``, ``blockquote``, ``title``, ``div`` and the like) start and end segments; inline
elements (``a``, ``b``, ``em``, ``span``, ...) are markup the text does not show; ``alt`` and
``title`` attributes are segments of their own. ``script``, ``style``, ``pre``, ``template``,
``svg`` and ``math`` are not text; ``code``, ``kbd`` and ``samp`` stand in the text as one object
character (U+FFFC). Character references are decoded with their width in the file kept.
Comments carry suppressions (tqcheck.io.comments).
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from ..model import Document
from .comments import Directives
from .positions import Builder, Positions
from .text import BOM, decode_utf8

SKIP = {"script", "style", "pre", "template", "svg", "math", "textarea", "noscript"}
CODE = {"code", "kbd", "samp", "var"}
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "font", "i", "ins", "del", "label", "mark",
          "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "img", "wbr", "input", "button", "select",
          "option"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_ATTR = re.compile(r"""\b(alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")


def add_escaped(builder: Builder, raw: str, offset: int) -> None:
    """Add ``raw`` (text with character references) from file ``offset``, references decoded."""
    pos = 0
    for m in _ENTITY.finditer(raw):
        builder.literal(raw[pos:m.start()], offset + pos)
        for ch in html.unescape(m.group()):
            builder.atomic(ch, offset + m.start(), len(m.group()))
        pos = m.end()
    builder.literal(raw[pos:], offset + pos)


class _Parser(HTMLParser):
    def __init__(self, positions: Positions, directives: Directives) -> None:
        super().__init__(convert_charrefs=False)
        self.positions, self.directives = positions, directives
        self.builder = Builder(positions)
        self.kinds: list[str] = ["body"]
        self.segments, self.blocks = [], []
        self.skip = 0
        self.code: list[int] = []  # offsets where open code elements start
        self.heading = ""

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.positions.offset(line, column)

    def flush(self) -> None:
        kind = self.kinds[-1]
        seg = self.builder.segment(len(self.segments) + 1, "" if kind[0] == "h" and kind[1:].isdigit() else self.heading)
        if seg is not None:
            self.segments.append(seg)
            self.blocks.append(kind)
            if kind[0] == "h" and kind[1:].isdigit():
                self.heading = seg.text
        self.builder = Builder(self.positions)

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += tag not in VOID
            return
        if self.skip:
            return
        offset = self._offset()
        raw = self.get_starttag_text() or ""
        if tag in CODE:
            self.code.append(offset)
        elif tag == "br":
            self.builder.atomic(" ", offset, len(raw))
        elif tag in INLINE:
            self.builder.mark("tag", tag)
        else:
            self.flush()
            if tag not in VOID:
                self.kinds.append(tag)
        for m in _ATTR.finditer(raw):
            value = next(g for g in m.groups()[1:] if g is not None)
            if value.strip():
                attr = Builder(self.positions)
                add_escaped(attr, value, offset + m.start(m.lastindex))
                seg = attr.segment(len(self.segments) + 1, self.heading)
                if seg is not None:
                    self.segments.append(seg)
                    self.blocks.append(m.group(1).lower())

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(self.skip - 1, 0)
            return
        if self.skip:
            return
        if tag in CODE:
            if self.code:
                start = self.code.pop()
                end = self.positions.text.find(">", self._offset()) + 1
                if not self.code:
                    self.builder.placeholder("code", start, end - start)
        elif tag in INLINE:
            self.builder.mark("tag", "/" + tag)
        elif tag not in VOID:
            self.flush()
            if tag in self.kinds[1:]:
                while self.kinds.pop() != tag:
                    pass

    def handle_data(self, data):
        if not self.skip and not self.code:
            self.builder.literal(data, self._offset())

    def _reference(self, text: str) -> None:
        if not self.skip and not self.code:
            offset = self._offset()
            raw = self.positions.text[offset:offset + len(text) + 1]
            raw = raw if raw.endswith(";") else raw[:-1]
            for ch in html.unescape(raw):
                self.builder.atomic(ch, offset, len(raw))

    def handle_entityref(self, name):
        self._reference(f"&{name}")

    def handle_charref(self, name):
        self._reference(f"&#{name}")

    def handle_comment(self, data):
        offset = self._offset()
        line, column = self.positions.at(offset)
        self.directives.comment(data, line, column, self.positions.at(offset + len(data) + 6)[0])


def read(path: str, data: bytes) -> Document:
    """The Document of an HTML file: its text blocks, with their kinds in ``meta["blocks"]``."""
    text = decode_utf8(path, data, "HTML file")
    text = text[1:] if text.startswith(BOM) else text
    text = text.replace("\r\n", "\n")
    positions = Positions(text)
    directives = Directives(text.split("\n"))
    parser = _Parser(positions, directives)
    parser.feed(text)
    parser.close()
    parser.flush()
    return Document(path, parser.segments, suppressions=directives.suppressions(),
                    meta={"format": "html", "blocks": parser.blocks})
