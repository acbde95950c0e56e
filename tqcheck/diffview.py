"""``tqcheck diff``: the translation against its reference, segment by segment.

Each segment gets its sentence chrF (sacrebleu) against its references and a
word-level difflib diff against the closest one (model.SegmentDiff, the record
the check report's "worst segments" use). Plain records; rendering is in report/.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import metrics
from .errors import InputError
from .model import Document, SegmentDiff


@dataclass(frozen=True)
class DiffView:
    """The segment diffs of one translation, in file order or worst first."""

    path: str
    references: tuple[str, ...]
    chrf_signature: str
    segments: tuple[SegmentDiff, ...]
    #: How many segments the file has (``segments`` holds fewer with ``--worst``).
    total: int
    worst: int | None = None


def diff_view(doc: Document, worst: int | None = None) -> DiffView:
    """Every segment of ``doc`` with its chrF and word diff, or the ``worst`` lowest-chrF first."""
    if not doc.references:
        raise InputError(f"{doc.path}: diff needs a reference; give one with --ref FILE")
    chrf = metrics.sentence_chrf(doc)
    order = list(range(len(doc.segments)))
    if worst is not None:
        order = sorted(order, key=lambda i: (chrf[i], i))[:worst]
    diffs = []
    for i in order:
        seg = doc.segments[i]
        ref = metrics.best_reference(seg.text, doc.reference_texts(i))
        diffs.append(SegmentDiff(seg.index, seg.line, chrf[i], metrics.word_diff(seg.text, ref)))
    return DiffView(
        path=doc.path,
        references=tuple(r.path for r in doc.references),
        chrf_signature=metrics.chrf_signature(doc),
        segments=tuple(diffs),
        total=len(doc.segments),
        worst=worst,
    )
