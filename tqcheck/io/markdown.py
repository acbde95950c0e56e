"""Markdown reader (CommonMark and tables, with YAML front matter): one segment per text block.

markdown-it-py parses the file; its token source maps give each block's lines, and each
character of a block's text is found again in those lines, so findings land on the file's
line and column. Text blocks are paragraphs, headings, list items, block quotes, table
cells, image ``alt`` and title text, and the front matter's title, subtitle, description and
summary (plain or quoted one-line values). Code blocks, HTML blocks and the rest of the front
matter (its keys, other values) are not text; inline code and autolinks stand in the text as one object character (U+FFFC); links,
emphasis and inline HTML tags are markup (tags the text does not show). HTML comments
carry suppressions (tqcheck.io.comments). Each segment's context is the heading it is under.
"""
from __future__ import annotations

import html
import re

from ..model import Document
from .comments import Directives
from .positions import Builder, Positions
from .text import BOM, decode_utf8

_FRONT = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
#: Front-matter values that are text (their keys, and every other value, are not).
FRONT_TEXT = ("title", "subtitle", "description", "summary")
_FRONT_LINE = re.compile(r"^(%s)[ \t]*:[ \t]*(?:\"([^\"\\]*)\"|'([^']*)'|([^\s\"'|>\[{&*!%%@`#][^\n]*?))[ \t]*$"
                         % "|".join(FRONT_TEXT), re.MULTILINE)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
BLOCKS = {"paragraph_open": "p", "th_open": "th", "td_open": "td"}


class _Block:
    """The raw inline text of a block and where each of its characters is in the file."""

    def __init__(self, content: str, first: int, positions: Positions, cursors: dict) -> None:
        self.raw = content
        self.starts, self.offsets = [], []
        lines = positions.text.split("\n") if not hasattr(positions, "lines") else positions.lines
        pos = 0
        for k, part in enumerate(content.split("\n")):
            number = first + k
            file_line = lines[number - 1] if number - 1 < len(lines) else ""
            col = file_line.find(part.strip(), cursors.get(number, 0)) if part.strip() else 0
            col = max(col, 0) - (len(part) - len(part.lstrip()))
            cursors[number] = col + len(part)
            self.starts.append(pos)
            self.offsets.append(positions.offset(number, max(col, 0)))
            pos += len(part) + 1

    def file(self, i: int) -> int:
        k = max(j for j, s in enumerate(self.starts) if s <= i) if i >= 0 else 0
        return self.offsets[k] + i - self.starts[k]


class _Reader:
    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.positions = Positions(text)
        self.positions.lines = text.split("\n")
        self.directives = Directives(self.positions.lines)
        self.segments, self.kinds = [], []
        self.heading = ""
        self.cursors: dict[int, int] = {}
        self.pending: list[tuple[Builder, str]] = []  # alt and title text, added after their block

    def add(self, builder: Builder, kind: str) -> None:
        seg = builder.segment(len(self.segments) + 1, self.heading)
        if seg is not None:
            self.segments.append(seg)
            self.kinds.append(kind)

    def _chars(self, builder: Builder, block: _Block, content: str, c: int) -> int:
        """Find ``content`` (decoded text) in the block's raw text from ``c``; add it; return the new cursor."""
        raw = block.raw
        if raw.startswith(content, c):
            builder.literal(content, block.file(c))
            return c + len(content)
        for ch in content:
            while c < len(raw):
                if raw[c] == ch:
                    builder.literal(ch, block.file(c))
                    c += 1
                    break
                if raw[c] == "\\" and raw[c + 1:c + 2] == ch:
                    builder.atomic(ch, block.file(c), 2)
                    c += 2
                    break
                m = _ENTITY.match(raw, c) if raw[c] == "&" else None
                if m and html.unescape(m.group()) .startswith(ch):
                    builder.atomic(ch, block.file(c), len(m.group()))
                    c = m.end()
                    break
                c += 1
        return c

    def inline(self, token, kind: str) -> None:
        first = token.map[0] + 1 if token.map else 1
        block = _Block(token.content, first, self.positions, self.cursors)
        raw, c = block.raw, 0
        builder = Builder(self.positions)
        children = token.children or []
        i = 0
        while i < len(children):
            t = children[i]
            if t.type == "text" and t.content:
                c = self._chars(builder, block, t.content, c)
            elif t.type in ("softbreak", "hardbreak"):
                nl = raw.find("\n", c)
                if nl >= 0:
                    builder.atomic(" ", block.file(nl), 1)
                    c = nl + 1
            elif t.type == "code_inline":
                s = raw.find(t.markup, c)
                e = raw.find(t.markup, s + len(t.markup) + len(t.content.strip()) - 1) + len(t.markup)
                builder.placeholder("code", block.file(s), e - s)
                c = e
            elif t.type == "link_open" and t.markup == "autolink":
                s = raw.find("<", c)
                e = raw.find(">", s) + 1
                builder.placeholder("url", block.file(s), e - s)
                c = e
                while i < len(children) and children[i].type != "link_close":
                    i += 1
            elif t.type in ("link_open", "link_close"):
                builder.mark("tag", "link" if t.type == "link_open" else "/link")
                if t.type == "link_close":
                    c = _after_link(raw, c)
            elif t.type == "image":
                c = self.image(block, t, c)
                builder.mark("tag", "img")
            elif t.type.endswith("_open") or t.type.endswith("_close"):
                name = t.type.rsplit("_", 1)[0]
                builder.mark("tag", name if t.type.endswith("_open") else "/" + name)
            elif t.type == "html_inline":
                s = raw.find(t.content, c)
                s = c if s < 0 else s
                comment = _COMMENT.match(t.content)
                if comment:
                    line, column = self.positions.at(block.file(s))
                    self.directives.comment(comment.group(1), line, column, self.positions.at(block.file(s + len(t.content) - 1))[0])
                else:
                    tag = _TAG.match(t.content)
                    if tag:
                        builder.mark("tag", tag.group(1) + tag.group(2).lower())
                c = s + len(t.content)
            i += 1
        self.add(builder, kind)
        for pending, what in self.pending:
            self.add(pending, what)
        self.pending = []

    def image(self, block: _Block, token, c: int) -> int:
        """The image's alt text (and title) as segments of their own; the cursor after the image."""
        raw = block.raw
        s = raw.find("![", c)
        if s < 0:
            return c
        alt = Builder(self.positions)
        c = self._chars(alt, block, token.content, s + 2) if token.content else s + 2
        self.pending.append((alt, "alt"))
        end = _after_link(raw, c)
        title = token.attrs.get("title")
        if title:
            q = raw.find(title, c, end) if raw.find(title, c, end) >= 0 else c
            tb = Builder(self.positions)
            self._chars(tb, block, title, q)
            self.pending.append((tb, "title"))
        return end

    def html_block(self, token) -> None:
        first = token.map[0] if token.map else 0
        block_offset = self.positions.offset(first + 1, 0)
        for m in _COMMENT.finditer(token.content):
            offset = self.positions.text.find(m.group(), block_offset)
            offset = block_offset + m.start() if offset < 0 else offset
            line, column = self.positions.at(offset)
            self.directives.comment(m.group(1), line, column, self.positions.at(offset + len(m.group()) - 1)[0])


def _after_link(raw: str, c: int) -> int:
    """The cursor past a link's ``](destination "title")`` or ``][ref]`` (``c`` at its ``]``)."""
    j = raw.find("]", c)
    if j < 0:
        return c
    if raw.startswith("](", j):
        depth, k = 0, j + 1
        while k < len(raw):
            if raw[k] == "(":
                depth += 1
            elif raw[k] == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        return len(raw)
    if raw.startswith("][", j):
        return raw.find("]", j + 2) + 1 or len(raw)
    return j + 1


def read(path: str, data: bytes) -> Document:
    """The Document of a Markdown file: its text blocks, with their kinds in ``meta["blocks"]``."""
    from markdown_it import MarkdownIt

    text = decode_utf8(path, data, "Markdown file")
    text = text[1:] if text.startswith(BOM) else text
    text = text.replace("\r\n", "\n")
    front = _FRONT.match(text)
    body = "\n" * front.group().count("\n") + text[front.end():] if front else text
    reader = _Reader(path, text)
    if front:
        for m in _FRONT_LINE.finditer(front.group()):
            group = next(i for i in (2, 3, 4) if m.group(i) is not None)
            builder = Builder(reader.positions)
            builder.literal(m.group(group), m.start(group))
            reader.add(builder, f"front matter {m.group(1)}")
    parser = MarkdownIt("commonmark").enable("table")
    kind_stack: list[str] = []
    heading_builder = None
    for token in parser.parse(body):
        if token.type == "heading_open":
            kind_stack.append(token.tag)
            heading_builder = True
        elif token.type in BLOCKS:
            kind_stack.append(BLOCKS[token.type])
        elif token.type in ("list_item_open", "blockquote_open"):
            kind_stack.append("li" if token.type == "list_item_open" else "blockquote")
        elif token.type.endswith("_close") and (token.type == "heading_close" or token.type[:-6] + "_open" in BLOCKS
                                                 or token.type in ("list_item_close", "blockquote_close")):
            kind_stack.pop() if kind_stack else None
        elif token.type == "inline":
            kind = next((k for k in reversed(kind_stack) if k != "p"), "p")
            reader.inline(token, kind)
            if heading_builder:
                reader.heading = reader.segments[-1].text if reader.kinds and reader.kinds[-1] == kind else reader.heading
                heading_builder = None
        elif token.type == "html_block":
            reader.html_block(token)
    return Document(path, reader.segments, suppressions=reader.directives.suppressions(),
                    meta={"format": "markdown", "blocks": reader.kinds})
