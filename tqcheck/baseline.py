"""Baselines: accept the findings a corpus has today, report only new ones.

A finding's fingerprint is the SHA-256 of its rule, its file's path relative to the
working directory, its offending text and the words around it in its segment, all
normalised (NFC, whitespace collapsed, casefolded). The line number is not part of
it, so a finding keeps its fingerprint when lines are added or removed above it.
Fingerprints are counted: two identical findings need two baseline entries.

Baseline-accepted findings are removed before scoring, so they do not count toward
the score either: a baselined file is judged on its new findings alone. The engine
applies a :class:`Baseline` once, when it finalises a run (``run(..., baseline=...)``);
``Baseline.recording()`` accepts every finding of the run and keeps the entries to write.
"""
from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from typing import TextIO

from .errors import InputError
from .model import FileReport, Finding
from .paths import relative

VERSION = 1
#: Words of context on each side of the span that go into a fingerprint.
CONTEXT_WORDS = 2


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _context(fr: FileReport, f: Finding) -> tuple[str, str]:
    if not 1 <= f.segment <= len(fr.document.segments):
        return "", ""
    text = fr.document.segments[f.segment - 1].text
    start, end = f.text_span
    before = text[:start].split()[-CONTEXT_WORDS:]
    after = text[end:].split()[:CONTEXT_WORDS]
    return normalise(" ".join(before)), normalise(" ".join(after))


def fingerprint(fr: FileReport, f: Finding) -> str:
    before, after = _context(fr, f)
    key = "\x1f".join((f.rule, relative(f.path), normalise(f.text), before, after))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def file_fingerprints(fr: FileReport) -> list[str]:
    """The fingerprint of each of ``fr.findings``, in order."""
    return [fingerprint(fr, f) for f in fr.findings]


def entries(files: list[FileReport]) -> list[dict]:
    """The baseline entries for every finding of ``files`` (fingerprints set), sorted."""
    out = []
    for fr in files:
        for f, fp in zip(fr.findings, fr.fingerprints):
            out.append({"fingerprint": fp, "rule": f.rule, "path": relative(f.path), "text": f.text})
    return sorted(out, key=lambda e: (e["path"], e["rule"], e["text"], e["fingerprint"]))


def dump(items: list[dict], stream: TextIO) -> None:
    json.dump({"version": VERSION, "tool": "tqcheck", "findings": items}, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def load(path: str) -> list[dict]:
    """The entries of a baseline file, or an InputError that says what is wrong."""
    from .io.text import read_text

    text = read_text(path)
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark is accepted, as in every text tqcheck reads
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a tqcheck baseline (invalid JSON at line {exc.lineno}); "
                         "write one with --write-baseline") from None
    except RecursionError:
        raise InputError(f"{path}: not a tqcheck baseline (JSON nested too deep); "
                         "write one with --write-baseline") from None
    except ValueError:  # a number too long to convert (Python's int_max_str_digits)
        raise InputError(f"{path}: not a tqcheck baseline (a number with too many digits); "
                         "write one with --write-baseline") from None
    if not isinstance(data, dict) or data.get("tool") != "tqcheck" or not isinstance(data.get("findings"), list):
        raise InputError(f"{path}: not a tqcheck baseline; write one with --write-baseline")
    if data.get("version") != VERSION:
        raise InputError(f"{path}: baseline version {data.get('version')!r} is not {VERSION}; "
                         "write it again with --write-baseline")
    items = data["findings"]
    for i, e in enumerate(items):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not isinstance(e.get("path"), str):
            raise InputError(f"{path}: baseline entry {i + 1} has no fingerprint or path; "
                             "write the baseline again with --write-baseline")
    return items


class Baseline:
    """The findings a run accepts: entries read from a baseline file, or (``recording``) every
    finding of the run, whose entries are then kept in ``entries`` for writing."""

    def __init__(self, items: list[dict] | None = None, record: bool = False) -> None:
        self.entries: list[dict] = list(items or [])
        self.record = record

    @classmethod
    def recording(cls) -> "Baseline":
        return cls(record=True)

    @classmethod
    def from_file(cls, path: str) -> "Baseline":
        return cls(load(path))

    def apply(self, files: list[FileReport]) -> dict:
        """Drop the accepted findings from ``files`` (fingerprints set); return the counts.

        ``unmatched`` counts the entries for files of this run that no finding matched any
        more (fixed or edited); entries for files not checked in this run are not counted.
        """
        if self.record:
            self.entries = entries(files)
        available = Counter(e["fingerprint"] for e in self.entries)
        suppressed = 0
        checked = set()
        for fr in files:
            checked.add(relative(fr.path))
            kept, kept_fps = [], []
            for f, fp in zip(fr.findings, fr.fingerprints):
                if available[fp] > 0:
                    available[fp] -= 1
                    suppressed += 1
                else:
                    kept.append(f)
                    kept_fps.append(fp)
            fr.findings, fr.fingerprints = kept, kept_fps
        # the path is part of the fingerprint, so all entries of one fingerprint share a path
        unmatched = sum(available[fp] for fp in {e["fingerprint"] for e in self.entries if e["path"] in checked})
        return {"suppressed": suppressed, "unmatched": unmatched}
