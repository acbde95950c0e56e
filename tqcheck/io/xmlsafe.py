"""A hardened XML reader that keeps positions: the element tree of an XLIFF or TMX file, each element
and each piece of text with its character offset in the file.

defusedxml's parser (expat underneath) refuses entity declarations (billion laughs, quadratic
blow-up) and external entities; expat never loads an external DTD, so nothing is ever fetched.
Text is delivered unbuffered, so a character reference (``&amp;``, ``&#233;``) arrives as its own
piece and keeps its place in the file. Files must be UTF-8 (the XLIFF and TMX default); every
error is an InputError naming the file, the line and what to do.
"""
from __future__ import annotations

import re

from ..errors import InputError
from .positions import Positions
from .text import BOM, decode_utf8

_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class Node:
    """An element: ``tag`` (``{namespace}name``), ``attrib``, ``offset`` of its start tag, and
    ``children``: Nodes and text pieces ``(text, offset, width)`` (width 0: copied from the file;
    else one character written as ``width`` characters, a character reference)."""

    __slots__ = ("tag", "attrib", "offset", "children", "end")

    def __init__(self, tag: str, attrib: dict, offset: int) -> None:
        self.tag, self.attrib, self.offset, self.children, self.end = tag, attrib, offset, [], offset

    @property
    def name(self) -> str:
        """The tag without its namespace."""
        return self.tag.rsplit("}", 1)[-1]

    def elements(self, name: str | None = None):
        return [c for c in self.children if isinstance(c, Node) and (name is None or c.name == name)]

    def first(self, name: str) -> "Node | None":
        return next((c for c in self.children if isinstance(c, Node) and c.name == name), None)

    def iter(self, name: str):
        """Descendants named ``name``, in document order (not inside a match)."""
        for c in self.children:
            if isinstance(c, Node):
                if c.name == name:
                    yield c
                else:
                    yield from c.iter(name)

    def text(self) -> str:
        """All the text inside, markup dropped."""
        return "".join(c[0] if isinstance(c, tuple) else c.text() for c in self.children)


class _Target:
    def __init__(self, data: bytes, src: str) -> None:
        self.raw, self.src = data, src
        self.parser = None
        self.stack: list[Node] = []
        self.root: Node | None = None
        self._byte = self._char = 0

    def _offset(self) -> int:
        """The character offset of the parser's current byte index (callbacks come in file order)."""
        b = self.parser.CurrentByteIndex
        if b < self._byte:
            self._byte = self._char = 0
        self._char += len(self.raw[self._byte:b].decode("utf-8", "replace"))
        self._byte = b
        return self._char

    def start(self, tag, attrib):
        node = Node(tag, dict(attrib), self._offset())
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, tag):
        node = self.stack.pop()
        node.end = self._offset()

    def data(self, text):
        if not self.stack:
            return
        offset = self._offset()
        src = self.src
        if src.startswith("&", offset):  # a bare & is not XML text: this is a reference
            width = src.find(";", offset) + 1 - offset
        elif src.startswith(text, offset):
            width = 0
        elif text == "\n" and src.startswith("\r\n", offset):
            width = 2
        else:  # CDATA and the like: find the text just ahead, else point at where the parser is
            found = src.find(text, offset, offset + len(text) + 16)
            offset, width = (found, 0) if found >= 0 else (offset, 1)
        children = self.stack[-1].children
        children.append((text, offset, width))

    def comment(self, text):
        pass


def parse(path: str, data: bytes, what: str) -> tuple[Node, Positions]:
    """The root element of the XML ``data`` of ``path`` and the file's positions; ``what`` names the
    format in messages ("XLIFF")."""
    from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
    from defusedxml.ElementTree import DefusedXMLParser
    from xml.parsers.expat import ExpatError

    m = _ENCODING_RE.match(data[:200].lstrip(BOM.encode()))
    if m and m.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise InputError(f"{path}:1: the {what} file is declared {m.group(1).decode()}; tqcheck reads UTF-8 "
                         "only: re-save it as UTF-8 (and declare encoding=\"UTF-8\")")
    src = decode_utf8(path, data, f"{what} file")
    if src.startswith(BOM):
        src, data = src[1:], data[len(BOM.encode()):]
    target = _Target(data, src)
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    target.parser = parser.parser
    parser.parser.buffer_text = 0
    try:
        parser.feed(data)
        parser.close()
    except (ExpatError, SyntaxError) as exc:
        line, column = getattr(exc, "position", None) or (getattr(exc, "lineno", 0), getattr(exc, "offset", 0))
        reason = str(exc).split(":")[0]
        raise InputError(f"{path}:{line}:{column + 1}: not well-formed {what} ({reason}); the file may be "
                         "truncated or hand-edited: fix it or export it again") from None
    except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden, DefusedXmlException) as exc:
        line = parser.parser.CurrentLineNumber
        raise InputError(f"{path}:{line}: the {what} file declares XML entities ({type(exc).__name__}: "
                         f"{getattr(exc, 'name', '')}); tqcheck never expands or fetches entities (billion-laughs "
                         "and external-entity protection): remove the <!ENTITY> declarations") from None
    if target.root is None:
        raise InputError(f"{path}:1: empty {what} file; export it again")
    return target.root, Positions(src)
