"""Plain-text reader: one segment per non-empty line.

UTF-8 only; a byte-order mark and CRLF (or lone CR) line ends are accepted.
Blank (or whitespace-only) lines are layout: they are skipped when aligning, but
every segment keeps its physical 1-based line number.
"""
from __future__ import annotations

import os

from ..errors import InputError
from ..model import Document, Segment

BOM = "\ufeff"


def read_bytes(path: str, what: str = "file") -> bytes:
    """The bytes of ``path``, or an InputError naming the file and what to do.

    ``what`` names the kind of file in the messages ("file", "glossary", ...).
    """
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such {what}; check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a {what}") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the {what} readable") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read the {what} ({exc.strerror or exc}); check it") from None


def decode_utf8(path: str, data: bytes, what: str = "file") -> str:
    """``data`` decoded as UTF-8, or an InputError with the byte offset and line."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}:{line}: not valid UTF-8 at byte offset {exc.start}; re-save the {what} as UTF-8"
        ) from None


def read_text(path: str) -> str:
    """The decoded contents of ``path``, or an InputError that says what to do."""
    return decode_utf8(path, read_bytes(path))


def parse_text(text: str, path: str) -> Document:
    """Split ``text`` into segments, keeping physical line numbers."""
    if text.startswith(BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    segments = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            segments.append(Segment(index=len(segments) + 1, line=lineno, text=line))
    return Document(path=path, segments=segments)


def read_document(path: str) -> Document:
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, expected a text file")
    return parse_text(read_text(path), path)
