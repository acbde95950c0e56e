"""Loading the data files under rules/data/.

Formats: ``*.txt`` one entry per line; ``*.tsv`` tab-separated columns. In both,
blank lines and lines starting with ``#`` are ignored. Files are read once.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("tqcheck.rules").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return [l for l in text.splitlines() if l.strip() and not l.startswith("#")]


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line ``.txt`` data file."""
    return tuple(l.strip() for l in _lines(name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a ``.tsv`` data file, as tuples of stripped cells."""
    return tuple(tuple(c.strip() for c in l.split("\t")) for l in _lines(name))
