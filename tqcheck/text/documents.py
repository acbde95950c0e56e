"""Lines and documents: what a line of a file is, and where its stories start.

A file may hold one paragraph per line (an article, paragraphs usually separated by
blank lines: one document) or one sentence per line (test sets and aligned corpora,
often many stories back to back). Rules that look beyond one segment (quotations
running on, name drift, length statistics) work per document, so where documents
start matters:

- ``file``: the whole file is one document (articles);
- ``blank-lines``: a blank line starts a new document (sentence-per-line files that
  separate their stories by blank lines);
- ``docids``: a file of document ids, one per segment (WMT's ``.docids``; sacrebleu
  prints them with ``--echo docid``): a new id starts a new document;
- ``headlines``: a short line without sentence-final punctuation (nor a comma or a
  dash, after which a sentence runs on), after a line with it, starts a new document (a headline or a sub-head; sentence-per-line news
  without marked boundaries).

``auto`` (the default) reads the start of the file (``detect``): lines separated by
blank lines, or long lines, are paragraphs of one article (``file``); otherwise lines
are sentences, and documents start at blank lines when there are any, else at
headlines. ``Layout`` says what was used; the report shows it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from statistics import median
from typing import Iterable, Sequence

from ..model import Segment

#: Modes of ``--documents``.
MODES = ("auto", "file", "blank-lines", "headlines", "docids")
#: A file whose segments have this many words or more (median) holds paragraphs.
PARAGRAPH_MIN_WORDS = 40
#: ...or whose consecutive segments are separated by blank lines this often.
PARAGRAPH_BLANK_SHARE = 0.5
#: A headline has at most this many words.
HEADLINE_MAX_WORDS = 20
_SENTENCE_END = ".!?…:;\"”'’»)]"
#: A line ending with one of these runs on into the next (a verse, a sentence split at a comma).
_RUNS_ON = ",-–—"


@dataclass(frozen=True)
class Layout:
    """What a line is (``paragraphs`` or ``sentences``) and how documents are found (a mode)."""

    lines: str
    documents: str

    def as_dict(self) -> dict:
        return {"lines": self.lines, "documents": self.documents}


def detect(segments: Sequence[Segment], mode: str = "auto") -> Layout:
    """The layout of a file from its first segments; ``mode`` other than auto is taken as given."""
    n = len(segments)
    gaps = sum(1 for a, b in zip(segments, segments[1:]) if b.line - a.line > 1)
    words = median(s.words for s in segments) if segments else 0
    paragraphs = n < 2 or words >= PARAGRAPH_MIN_WORDS or gaps >= PARAGRAPH_BLANK_SHARE * (n - 1)
    lines = "paragraphs" if paragraphs else "sentences"
    if mode != "auto":
        return Layout(lines, mode)
    if paragraphs:
        return Layout(lines, "file")
    return Layout(lines, "blank-lines" if gaps else "headlines")


def is_headline(text: str) -> bool:
    """A short line without sentence-final punctuation ("Palliative care - The best way to die")."""
    stripped = text.rstrip()
    return (bool(stripped) and stripped[-1] not in _SENTENCE_END and stripped[-1] not in _RUNS_ON
            and len(stripped.split()) <= HEADLINE_MAX_WORDS)


class Splitter:
    """Numbers the documents of one file as its segments stream by (``assign`` each window in order)."""

    def __init__(self, layout: Layout, docids: Iterable[str] | None = None) -> None:
        if docids is not None:
            layout = Layout(layout.lines, "docids")
        self.layout = layout
        self._ids = iter(docids) if docids is not None else None
        self._doc = 0
        self._seen = 0
        self._last: Segment | None = None
        self._last_text = ""  # the text headlines are read from (the source's when there is one)
        self._last_id: str | None = None
        self.count = 0

    def _starts(self, seg: Segment, text: str) -> bool:
        last, mode = self._last, self.layout.documents
        if last is None:
            return True
        if mode == "blank-lines":
            return seg.line - last.line > 1
        if mode == "headlines":
            return is_headline(text) and not is_headline(self._last_text)
        return False

    def assign(self, segments: Sequence[Segment], source: Sequence[Segment] | None = None) -> list[Segment]:
        """``segments`` with their document numbers set (the same objects when nothing changes).

        With ``source`` (the aligned French), headlines are read from the source: a human
        wrote it, and MT often ends a headline with a full stop.
        """
        out = []
        for i, seg in enumerate(segments):
            text = source[i].text if source is not None else seg.text
            if self._ids is not None:
                doc_id = next(self._ids, None)
                if doc_id is None:
                    raise ValueError(f"fewer document ids than segments (segment {seg.index})")
                starts = self._last is None or doc_id != self._last_id
                self._last_id = doc_id
            else:
                starts = self._starts(seg, text)
            if starts:
                self._doc += 1
            self._last, self._last_text = seg, text
            self._seen += 1
            out.append(seg if seg.doc == self._doc else replace(seg, doc=self._doc))
        self.count = self._doc
        return out

    def leftover_ids(self) -> int:
        """How many document ids are left once every segment was numbered (they should be none)."""
        return sum(1 for _ in self._ids) if self._ids is not None else 0
