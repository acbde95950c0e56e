"""The word lists and tables under ``tqcheck/rules/data/``, read once each.

Formats: ``*.txt`` one entry per line; ``*.tsv`` tab-separated columns. In both,
blank lines and lines starting with ``#`` are ignored. The files are package data,
read with importlib.resources from the ``tqcheck`` package (the rules package is
not imported to find them). ``tests/test_data_files.py`` lints every file.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

#: Where the data files live, relative to the tqcheck package.
DATA_DIR = ("rules", "data")


def data_path(name: str):
    """The resource (a Traversable) of data file ``name``."""
    root = resources.files("tqcheck")
    for part in DATA_DIR:
        root = root.joinpath(part)
    return root.joinpath(name)


def _lines(name: str) -> list[str]:
    text = data_path(name).read_text(encoding="utf-8")
    return [l for l in text.splitlines() if l.strip() and not l.startswith("#")]


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """Entries of a one-per-line ``.txt`` data file."""
    return tuple(l.strip() for l in _lines(name))


@lru_cache(maxsize=None)
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a ``.tsv`` data file, as tuples of stripped cells."""
    return tuple(tuple(c.strip() for c in l.split("\t")) for l in _lines(name))


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """The entries of a ``.txt`` data file as a set."""
    return frozenset(word_list(name))
