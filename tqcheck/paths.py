"""Path globs and the relative, forward-slash paths that reports and baselines use.

As in .gitignore: a glob without ``/`` matches a file's name or the name of a
directory holding it (``*.draft.en.txt``, ``drafts``); a glob with ``/`` matches the
path relative to a base directory (the configuration file's directory, or the
working directory), or a directory holding it (``content/fr``, ``legacy/**/*.en.txt``).
``*`` and ``?`` stay within one path component, ``**/`` matches any number of
directories, ``[...]`` is a character class. No I/O here beyond os.path arithmetic.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern:
    """The compiled regular expression for one glob (see the module docstring)."""
    out, i, n = [], 0, len(pattern)
    while i < n:
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[":
            j = pattern.find("]", i + 2 if pattern[i + 1:i + 2] in ("!", "]") else i + 1)
            if j < 0:
                out.append(re.escape(c))
                i += 1
                continue
            body = pattern[i + 1:j]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            i = j + 1
        else:
            out.append(re.escape(c))
            i += 1
    return re.compile("".join(out) + r"\Z")


def relative(path: str, base: str | None = None) -> str:
    """``path`` relative to ``base`` (default: the working directory), with forward slashes.

    A path outside ``base`` stays absolute (with forward slashes).
    """
    base = os.path.abspath(base or os.getcwd())
    full = os.path.abspath(path)
    try:
        rel = os.path.relpath(full, base)
    except ValueError:  # another drive on Windows
        rel = full
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        rel = full
    return rel.replace(os.sep, "/")


def _prefixes(rel: str) -> list[str]:
    """``a/b/c.txt`` -> ``["a/b/c.txt", "a/b", "a"]``: the path and the directories holding it."""
    parts = rel.split("/")
    return ["/".join(parts[:i]) for i in range(len(parts), 0, -1)]


def matches(path: str, pattern: str, base: str | None = None, name_only: bool = False) -> bool:
    """Whether ``path`` matches ``pattern``, as .gitignore decides.

    A pattern without ``/`` matches the file's name or (unless ``name_only``) the
    name of any directory holding it, below ``base``; a pattern with ``/`` matches
    the path relative to ``base``, or a directory holding it.
    """
    pattern = pattern.strip().rstrip("/")
    if not pattern:
        return False
    rel = relative(path, base)
    if "/" not in pattern:
        names = [os.path.basename(path)] if name_only else [p.rsplit("/", 1)[-1] for p in _prefixes(rel)]
        return any(glob_regex(pattern).match(n) for n in names)
    regex = glob_regex(pattern.lstrip("/").removeprefix("./"))
    return any(regex.match(p) for p in _prefixes(rel))


def matches_any(path: str, patterns: Iterable[str], base: str | None = None, name_only: bool = False) -> bool:
    return any(matches(path, p, base, name_only) for p in patterns)
