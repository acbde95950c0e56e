"""Plain-text reader: one segment per non-empty line.

UTF-8 only; a byte-order mark and CRLF (or lone CR) line ends are accepted.
Blank (or whitespace-only) lines are layout: they are skipped when aligning, but
every segment keeps its physical 1-based line number.

Files are read as a stream (:func:`iter_segments`): one line at a time, so a
large file is never held whole in memory by the reader.
"""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from ..errors import InputError
from ..model import Document, Segment

BOM = "\ufeff"


def _open_error(path: str, exc: OSError, what: str) -> InputError:
    """The InputError for a file that cannot be opened or read, naming it and what to do."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{path}: no such {what}; check the path")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{path}: is a directory, expected a {what}")
    if isinstance(exc, PermissionError):
        return InputError(f"{path}: permission denied; make the {what} readable")
    return InputError(f"{path}: cannot read the {what} ({exc.strerror or exc}); check it")


def read_bytes(path: str, what: str = "file") -> bytes:
    """The bytes of ``path``, or an InputError naming the file and what to do.

    ``what`` names the kind of file in the messages ("file", "glossary", ...).
    """
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise _open_error(path, exc, what) from None


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


def _segments(lines: Iterable[str]) -> Iterator[Segment]:
    """Segments from physical lines (line ends removed; ``\\n``-lines may still hold lone CRs)."""
    lineno = index = 0
    for raw in lines:
        for line in raw.split("\r"):  # a lone CR ends a line too
            lineno += 1
            if line.strip():
                index += 1
                yield Segment(index=index, line=lineno, text=line)


def parse_text(text: str, path: str) -> Document:
    """Split ``text`` into segments, keeping physical line numbers."""
    if text.startswith(BOM):
        text = text[1:]
    return Document(path=path, segments=list(_segments(text.replace("\r\n", "\n").split("\n"))))


def _decoded_lines(path: str, fh) -> Iterator[str]:
    """The ``\\n``-separated lines of a binary file, decoded one by one (a CRLF's CR removed)."""
    offset = 0
    for number, raw in enumerate(fh, start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{path}:{number}: not valid UTF-8 at byte offset {offset + exc.start}; re-save the file as UTF-8"
            ) from None
        offset += len(raw)
        if number == 1 and line.startswith(BOM):
            line = line[1:]
        if line.endswith("\n"):
            line = line[:-2] if line.endswith("\r\n") else line[:-1]
        yield line


def iter_segments(path: str) -> Iterator[Segment]:
    """The segments of ``path``, read and decoded line by line (the same as ``read_document``).

    Errors are InputErrors naming the file and what to do; a decoding error is raised
    when the reader reaches the bad line.
    """
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory, expected a text file")
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise _open_error(path, exc, "file") from None
    with fh:
        try:
            yield from _segments(_decoded_lines(path, fh))
        except OSError as exc:
            raise _open_error(path, exc, "file") from None


def read_document(path: str) -> Document:
    return Document(path=path, segments=list(iter_segments(path)))
