"""TQ505, TQ506: one source segment translated two ways, one translation for two sources.

Corpus rules (Xbench's consistency checks): they see every document of the run and
keep a 16-byte digest of each segment, so a corpus of any size is checked in one
linear pass with dictionaries, never by comparing all pairs.
"""
from __future__ import annotations

import hashlib
import unicodedata

from ...model import Document, Finding, Severity
from ...registry import Context, CorpusRule, register
from ...text.spans import strip_span


#: Segments shorter than this (in words) are left out of the source-consistency checks:
#: datelines, credits, numbers and one-word headings repeat with different translations for good reasons.
MIN_WORDS = 4


def _segment_key(text: str) -> bytes | None:
    """A 16-byte digest of the normalised segment (case, spaces, apostrophes aside), or None if too short."""
    norm = " ".join(unicodedata.normalize("NFC", text).replace("\u2019", "'").casefold().split())
    words = norm.split()
    if len(words) < MIN_WORDS or sum(1 for w in words if any(c.isalpha() for c in w)) < MIN_WORDS:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=16).digest()


class _SegmentConsistency(CorpusRule):
    """Shared by TQ505 and TQ506: a digest of each segment seen, and findings made as the run goes.

    A document's state is its keyed segments in order, ``(key, other, segment)``; ``merge`` replays
    them against the first translation (or source) seen for each key in the run."""

    needs = frozenset({"source"})
    ships_state = True

    def __init__(self, severity: Severity | None = None) -> None:
        super().__init__(severity)
        self._first: dict[bytes, tuple[bytes, str, int]] = {}
        self._findings: list[Finding] = []

    def observe(self, doc: Document, ctx: Context) -> None:
        keyed = ctx.state(self).setdefault("keyed", [])
        for seg, src in zip(doc.segments, doc.source.segments):
            src_key, mt_key = _segment_key(src.text), _segment_key(seg.text)
            if src_key is not None and mt_key is not None:
                keyed.append((*self.keys(src_key, mt_key), seg))

    def end_document(self, doc: Document, ctx: Context) -> tuple[str, list]:
        return doc.path, ctx.state(self).pop("keyed", [])

    def merge(self, state: tuple[str, list], ctx: Context) -> None:
        path, keyed = state
        doc = Document(path, [])
        for key, other, seg in keyed:
            first = self._first.setdefault(key, (other, path, seg.line))
            if first[0] != other:
                start, end = strip_span(seg.text)
                self._findings.append(self.finding(doc, seg, start, end, self.message(first[1], first[2])))

    def finish(self):
        return self._findings

    def keys(self, src_key: bytes, mt_key: bytes) -> tuple[bytes, bytes]:
        raise NotImplementedError

    def message(self, path: str, line: int) -> str:
        raise NotImplementedError


@register
class SourceInconsistentTranslation(_SegmentConsistency):
    """One source segment translated two different ways in the run (Xbench: inconsistency in target).

    The same French segment (case, spacing and apostrophes aside; segments of
    four words or more) should get the same translation everywhere in a
    corpus. The later translation is reported, citing the file and line of the
    first. In the examples ``<<<`` gives a segment's source and ``===``
    separates files.

    Flag: The army shot down two drones. <<< L'armée a abattu deux drones.\\n===\\nThe military downed two drones. <<< L'armée a abattu deux drones.
    Flag: The army shot down two drones. <<< L'armée a abattu deux drones.\\nThe military downed two drones. <<< L’armée a abattu  deux drones.
    Okay: The army shot down two drones. <<< L'armée a abattu deux drones.\\n===\\nthe army shot down two drones. <<< L'ARMÉE a abattu deux drones.
    Okay: Baghdad (AFP) <<< Bagdad (AFP)\\n===\\nBAGHDAD — <<< Bagdad (AFP)
    """

    code = "TQ505"
    opt_in = True
    name = "source-inconsistent-translation"
    category = "terminology/inconsistent"
    severity = Severity.MINOR

    def keys(self, src_key, mt_key):
        return src_key, mt_key

    def message(self, path, line):
        return (f"this source segment is translated differently at {path}, line {line}; "
                "translate a repeated segment the same way")


@register
class TranslationInconsistentSource(_SegmentConsistency):
    """One translation given for two different source segments (Xbench: inconsistency in source).

    The same English segment (case, spacing and apostrophes aside; four words
    or more) translating two different French segments usually means one of
    them was translated by copying the other. The later one is reported,
    citing the file and line of the first.

    Flag: The army shot down two drones. <<< L'armée a abattu deux drones.\\n===\\nThe army shot down two drones. <<< L'armée a abattu trois drones.
    Okay: The army shot down two drones. <<< L'armée a abattu deux drones.\\n===\\nThe army shot down two drones. <<< L’armée a abattu deux drones.
    Okay: Troops shot down the drones. <<< L'armée a abattu deux drones.\\n===\\nThe army shot down two drones. <<< L'armée a abattu trois drones.
    """

    code = "TQ506"
    opt_in = True
    name = "translation-inconsistent-source"
    category = "terminology/inconsistent"
    severity = Severity.MINOR

    def keys(self, src_key, mt_key):
        return mt_key, src_key

    def message(self, path, line):
        return (f"this translation is also given for a different source segment at {path}, line {line}; "
                "check that each source was translated")
