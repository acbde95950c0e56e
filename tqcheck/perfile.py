"""``per-file-ignores``: rules switched off for the files a glob matches.

A pattern names rules as ``--ignore`` does: a code or code prefix (``TQ9``), a rule
name (``reference-outlier``) or a category prefix (``fluency``). Globs follow
tqcheck.paths, relative to the configuration file's directory. Pure: no I/O.
"""
from __future__ import annotations

from typing import Iterable

from .config import Config
from .model import Finding
from .paths import matches


def finding_matches(f: Finding, pattern: str) -> bool:
    """Whether a rule pattern names the rule that produced ``f`` (as registry.select_rules reads it)."""
    p = pattern.strip()
    return bool(p) and (f.rule.startswith(p.upper()) or f.name == p or f.category.startswith(p))


def ignored_patterns(path: str, config: Config) -> list[str]:
    """The rule patterns per-file-ignores switches off for ``path``."""
    return [p for glob, rules in config.per_file_ignores.items() if matches(path, glob, config.root)
            for p in rules]


def apply(findings: Iterable[Finding], config: Config) -> list[Finding]:
    """``findings`` without those per-file-ignores switches off for their file."""
    findings = list(findings)
    if not config.per_file_ignores:
        return findings
    cache: dict[str, list[str]] = {}
    out = []
    for f in findings:
        patterns = cache.setdefault(f.path, ignored_patterns(f.path, config))
        if not any(finding_matches(f, p) for p in patterns):
            out.append(f)
    return out
