"""Report views the CLI's conventions ask for, around the formatters (ruff's and flake8's options):

- ``render_quiet`` (``-q``): the verdict only, one line per file;
- ``render_statistics`` (``--statistics``): counts per rule, most frequent first;
- ``render_with_source`` (``--show-source``): the text format with each finding's line and a caret
  line under its span;
- ``format_for_output``: the format a ``--output`` file's extension names;
- ``color_env``: ``--color auto|always|never`` as the environment rich reads;
- ``NoTrailingSpaces``: a stream that drops the spaces rich pads lines with (for pipes and files).
"""
from __future__ import annotations

import io
import os
import unicodedata
from collections import Counter
from contextlib import contextmanager
from typing import TextIO

from ..model import Finding, Report

#: ``--output`` extensions and the format each names (used when --format is not given).
EXTENSIONS = {".json": "json", ".sarif": "sarif", ".xml": "junit", ".html": "html", ".htm": "html",
              ".md": "markdown", ".txt": "text"}


def format_for_output(path: str) -> str | None:
    """The format ``path``'s extension names, or None."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def _verdict_line(fr) -> str:
    s = fr.score
    return f"{fr.path}: {'PASS' if s.passed else 'FAIL'} (quality {s.quality:.2f}, threshold {s.threshold:g})"


def render_quiet(report: Report, stream: TextIO) -> None:
    """One line per file: path, verdict, quality and threshold."""
    for fr in report.files:
        stream.write(_verdict_line(fr) + "\n")


def render_statistics(report: Report, stream: TextIO, safety=None) -> None:
    """``count  CODE  name`` per rule, most frequent first (``[*]`` when ``tqcheck fix`` fixes it), then
    the verdict of each file."""
    counts = Counter((f.rule, f.name) for fr in report.files for f in fr.findings)
    fixable = {f.rule for fr in report.files for f in fr.findings if f.suggestion is not None
               and safety is not None and (f.fix_safety or safety(f.rule)) == "safe"}
    width = max((len(str(n)) for n in counts.values()), default=1)
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = " [*]" if code in fixable else ""
        stream.write(f"{n:>{width}}\t{code}\t{name}{mark}\n")
    if fixable:
        stream.write("[*] fixable with `tqcheck fix`\n")
    render_quiet(report, stream)


def _width(text: str) -> int:
    """Terminal cells of ``text`` (wide East Asian characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def source_lines(f: Finding, line: str) -> list[str]:
    """The finding's line (tabs as spaces, control characters shown as ``?``) and a caret line under its span."""
    shown = "".join(" " if c == "\t" else "?" if unicodedata.category(c) == "Cc" else c for c in line)
    start, end = f.column - 1, max(f.end_column - 1, f.column)
    return ["    " + shown, "    " + " " * _width(shown[:start]) + "^" * max(1, _width(shown[start:end]))]


def render_with_source(report: Report, stream: TextIO) -> None:
    """The text format, each finding followed by its line and a caret line under the span (``--show-source``).

    The text format writes one line per finding first for each file, in order; the source lines are
    inserted after each of those."""
    from . import text

    for fr in report.files:
        buf = io.StringIO()
        text.render(Report([fr], report.version, report.baseline, report.rules), buf)
        out = buf.getvalue().splitlines(keepends=True)
        segments = {s.line: s.text for s in fr.document.segments}
        for f, written in zip(fr.findings, out):
            stream.write(written)
            if f.line in segments:
                stream.write("\n".join(source_lines(f, segments[f.line])) + "\n")
        stream.write("".join(out[len(fr.findings):]))


@contextmanager
def color_env(choice: str, environ=os.environ):
    """``--color``: always sets FORCE_COLOR, never sets NO_COLOR (rich reads both); auto leaves them."""
    key = {"always": "FORCE_COLOR", "never": "NO_COLOR"}.get(choice)
    if key is None:
        yield
        return
    old = {k: environ.get(k) for k in ("FORCE_COLOR", "NO_COLOR")}
    environ.pop("NO_COLOR" if key == "FORCE_COLOR" else "FORCE_COLOR", None)
    environ[key] = "1"
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                environ.pop(k, None)
            else:
                environ[k] = v


class NoTrailingSpaces(io.TextIOBase):
    """A text stream that writes to ``stream`` with trailing spaces removed from every line."""

    def __init__(self, stream: TextIO) -> None:
        self._stream, self._pending = stream, ""

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        data = self._pending + s
        lines = data.split("\n")
        self._pending = lines.pop()
        if lines:
            self._stream.write("\n".join(line.rstrip(" ") for line in lines) + "\n")
        return len(s)

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        if self._pending:
            self._stream.write(self._pending.rstrip(" "))
            self._pending = ""
        self.flush()

    @property
    def encoding(self):
        return getattr(self._stream, "encoding", "utf-8")

    def isatty(self) -> bool:
        return False


def render_trimmed(renderer, obj, stream: TextIO) -> None:
    """``renderer(obj, stream)``, through ``NoTrailingSpaces`` unless ``stream`` is a terminal (rich
    pads every line it wraps or indents to the console's width)."""
    if stream.isatty():
        renderer(obj, stream)
        return
    out = NoTrailingSpaces(stream)
    renderer(obj, out)
    out.close()
