"""Input formats: which one a file is, and its Document with its source and references attached.

``--input-format auto`` (the default) goes by the extension (``.xlf``/``.xliff``, ``.po``/``.pot``,
``.tmx``, ``.md``/``.markdown``, ``.html``/``.htm``, ``.txt``), then by the first bytes of the
file (standard input, ``-``, is always sniffed). Plain text stays with tqcheck.io.text, which
streams it; the structured formats are read whole by their module here.

Bilingual formats (XLIFF, PO, TMX) carry their French source: the Document's ``source`` is
built from the file. Monolingual ones (Markdown, HTML) pair with a source and references
given as files of their own (``--src``/``--ref`` or the mirrored ``--src-dir``/``--ref-dir``
trees), read the same way and aligned block by block: blocks of another kind, or a block
without counterpart, are an InputError naming both files and the first block that differs.
"""
from __future__ import annotations

import importlib
import os
import sys

from ..errors import InputError
from ..model import Document
from .text import parse_text, read_bytes, decode_utf8

FORMATS = ("auto", "text", "xliff", "po", "tmx", "markdown", "html")
BILINGUAL = ("xliff", "po", "tmx")
EXTENSIONS = {".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".pot": "po", ".tmx": "tmx", ".md": "markdown",
              ".markdown": "markdown", ".html": "html", ".htm": "html", ".txt": "text"}
#: Translations a directory search finds besides *.en.txt when ``include`` names them.
GLOBS = ("*.xlf", "*.xliff", "*.po", "*.tmx", "*.md", "*.html")
STDIN = "-"


def sniff(head: bytes) -> str:
    """The format the first bytes of a file look like (text when nothing else fits)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096].lower()
    if start.startswith(b"<?xml") or start.startswith(b"<xliff") or start.startswith(b"<tmx"):
        if b"<xliff" in start:
            return "xliff"
        if b"<tmx" in start:
            return "tmx"
    if start.startswith(b"<!doctype html") or start.startswith(b"<html"):
        return "html"
    if start.startswith(b"msgid ") or b"\nmsgid " in start or start.startswith(b"# ") and b"\nmsgstr " in start:
        return "po"
    return "text"


def by_name(path: str, fmt: str = "auto") -> str | None:
    """The format ``fmt`` or the extension of ``path`` says (None: the content must decide)."""
    if fmt != "auto":
        return fmt
    if path == STDIN:
        return None
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def format_of(path: str, fmt: str = "auto") -> str:
    """The format of ``path``: ``fmt`` when given, else its extension, else its first bytes."""
    found = by_name(path, fmt)
    if found is not None:
        return found
    if fmt not in FORMATS:
        raise InputError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")
    if path == STDIN:
        return "text"  # content sniffing of standard input happens in read_data
    try:
        with open(path, "rb") as fh:
            return sniff(fh.read(4096))
    except OSError:
        return "text"  # the reader reports the error


#: Standard input's bytes, keyed by the stream they were read from: read once per stream (the
#: format sniffing and the reader both need them), and read again when standard input is another
#: stream (a second run in the same process, through the Python API or a test's CliRunner).
_STDIN_CACHE: dict[str, tuple[object, bytes]] = {}


def read_data(path: str) -> bytes:
    """The bytes of ``path`` (standard input for ``-``, read once)."""
    if path == STDIN:
        stream = sys.stdin.buffer
        cached = _STDIN_CACHE.get(STDIN)
        if cached is None or cached[0] is not stream:
            cached = _STDIN_CACHE[STDIN] = (stream, stream.read())
        return cached[1]
    return read_bytes(path)


def read(path: str, fmt: str = "auto", data: bytes | None = None) -> Document:
    """The Document of one file in any format (a structured one with ``meta["format"]``); ``data``:
    the file's bytes when they are not to be read from ``path`` (a text fixed in memory)."""
    data = read_data(path) if data is None else data
    fmt = by_name(path, fmt) or sniff(data[:4096])
    if fmt == "text":
        text = decode_utf8(path, data)
        return parse_text(text, path)
    if fmt not in FORMATS:
        raise InputError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}")
    return importlib.import_module(f"{__package__}.{fmt}").read(path, data)


def _mismatch(doc: Document, other: Document, role: str) -> None:
    """InputError unless ``other`` (a source or reference) has ``doc``'s blocks, in order."""
    mine, theirs = doc.meta.get("blocks"), other.meta.get("blocks")
    n = len(doc.segments)
    if mine is None or theirs is None:
        if len(other.segments) != n:
            raise InputError(f"{other.path}: {role} has {len(other.segments)} segments but {doc.path} has {n}; "
                             "the files must be aligned segment by segment")
        return
    for i in range(max(len(mine), len(theirs))):
        a = (mine[i], doc.segments[i].line) if i < len(mine) else None
        b = (theirs[i], other.segments[i].line) if i < len(theirs) else None
        if a is None or b is None or a[0] != b[0]:
            where_a = f"a {a[0]} at line {a[1]} of {doc.path}" if a else f"missing from {doc.path} ({n} blocks)"
            where_b = (f"a {b[0]} at line {b[1]} of {other.path}" if b
                       else f"missing from {other.path} ({len(theirs)} blocks)")
            raise InputError(f"{doc.path}: its structure differs from the {role} {other.path} at block {i + 1}: "
                             f"{where_a}, but {where_b}; the {role} must mirror the translation block for block "
                             "(paragraphs, headings, list items, table cells, alt text, in order)")


def load(path: str, fmt: str = "auto", references=(), source: str | None = None,
         data: bytes | None = None) -> Document:
    """The Document of ``path`` (or of ``data``, its bytes) with its references and source, read and aligned."""
    doc = read(path, fmt, data)
    kind = doc.meta.get("format", "text").split()[0]
    if kind in BILINGUAL and source:
        raise InputError(f"{path}: a {kind.upper()} file carries its French source; drop --src (or --src-dir) for it")
    partner_fmt = fmt if fmt not in BILINGUAL else "auto"
    for ref in references:
        rdoc = read(ref, partner_fmt)
        if rdoc.meta.get("format", "text").split()[0] in BILINGUAL:
            rdoc = Document(ref, rdoc.segments)
        _mismatch(doc, rdoc, "reference")
        doc.references.append(rdoc)
    if source:
        sdoc = read(source, partner_fmt)
        _mismatch(doc, sdoc, "source")
        doc.source = sdoc
    return doc
