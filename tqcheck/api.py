"""The public Python API: check a text or files, get a Report, render it in any format.

>>> import tqcheck
>>> report = tqcheck.check("The attack came on the 2e anniversary .")
>>> [f.rule for f in report.files[0].findings]
['TQ101', 'TQ301']
>>> report.passed
False

The CLI is a thin layer over these functions: for the same input and configuration,
``tqcheck check`` and ``check_files`` give the same Report and the same verdict.
"""
from __future__ import annotations

import io
import os
from typing import Callable, Sequence, TextIO

from .baseline import Baseline
from .config import Config, load_settings
from .errors import InputError
from .model import Document, Report

#: The report formats ``render`` takes.
FORMATS = ("rich", "text", "json", "sarif", "junit", "github", "markdown", "gitlab", "html")


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _baseline(baseline: "Baseline | str | os.PathLike | None") -> Baseline | None:
    if baseline is None or isinstance(baseline, Baseline):
        return baseline
    return Baseline.from_file(os.fspath(baseline))


def document(text: str, references: str | Sequence[str] | None = None, source: str | None = None,
             path: str = "<text>") -> Document:
    """A Document from texts (one segment per non-empty line), references and source aligned to it.

    Misaligned texts are an InputError that says which one and both counts.
    """
    from .io.inputs import align
    from .io.text import parse_text

    doc = parse_text(text, path)
    for i, ref in enumerate(_as_list(references)):
        rdoc = parse_text(ref, f"<reference {i + 1}>")
        align(doc, rdoc, "reference")
        doc.references.append(rdoc)
    if source is not None:
        sdoc = parse_text(source, "<source>")
        align(doc, sdoc, "source")
        doc.source = sdoc
    return doc


def check(text: str, references: str | Sequence[str] | None = None, source: str | None = None,
          config: Config | None = None, *, path: str = "<text>",
          baseline: "Baseline | str | os.PathLike | None" = None) -> Report:
    """Check a translation given as text (one segment per non-empty line).

    ``references`` (one text or several) and ``source`` (the French) are aligned with
    it segment by segment. ``config`` defaults to ``Config()`` (no configuration file is
    read: see ``load_config``). ``baseline`` is a baseline file or a ``Baseline``.
    """
    from .engine import run

    return run([document(text, references, source, path)], config, baseline=_baseline(baseline))


def check_files(paths: str | os.PathLike | Sequence[str | os.PathLike],
                references: str | Sequence[str] | None = None, source: str | None = None,
                config: Config | None = None, *, src_dir: str | None = None, ref_dir: str | None = None,
                require_pairs: bool = False, baseline: "Baseline | str | os.PathLike | None" = None,
                warn: Callable[[str], None] | None = None, progress=None, input_format: str = "auto") -> Report:
    """Check translation files, sample directories, corpus directories or glob patterns, as
    ``tqcheck check`` does (same arguments, same report, same verdict).

    ``input_format`` is one of tqcheck.io.formats.FORMATS (auto: by extension, then content):
    XLIFF, PO and TMX files carry their source; Markdown and HTML pair with mirrored trees.

    Files are read as they are checked; an unreadable or misaligned file is an InputError.
    """
    from .engine import run
    from .io.inputs import iter_inputs

    config = config or Config()
    names = [os.fspath(p) for p in ([paths] if isinstance(paths, (str, os.PathLike)) else paths)]
    documents = iter_inputs(names, _as_list(references), source, src_dir=src_dir, ref_dir=ref_dir,
                            require_pairs=require_pairs, include=config.include, exclude=config.exclude,
                            base=config.root, warn=warn, input_format=input_format)
    return run(documents, config, progress, baseline=_baseline(baseline))


def load_config(config_file: str | None = None, **settings) -> Config:
    """The configuration ``tqcheck check`` would use: defaults, then ``config_file`` (else the
    .tqcheck.toml or [tool.tqcheck] found upward from the working directory), then ``settings``
    (keys as in the file, with ``_`` for ``-``: ``fail_under=90``, ``select=["TQ2"]``)."""
    flags = {key.replace("_", "-"): value for key, value in settings.items()}
    return load_settings(config_file, flags).config


def render(report: Report, format: str = "text", stream: TextIO | None = None) -> str | None:
    """Write ``report`` in ``format`` (see FORMATS) to ``stream``; without a stream, return it as a string."""
    from .report import FORMATS as TABLE, get_renderer

    if format not in TABLE:
        raise InputError(f"unknown format {format!r}; use one of {', '.join(TABLE)}")
    out = stream if stream is not None else io.StringIO()
    get_renderer(format)(report, out)
    return None if stream is not None else out.getvalue()


__all__ = ["FORMATS", "check", "check_files", "document", "load_config", "render"]
