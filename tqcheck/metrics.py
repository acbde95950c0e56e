"""Reference metrics. The only module that imports sacrebleu.

Scores are sacrebleu's own: BLEU, chrF2 and TER at corpus level with their
signatures, and sentence-level chrF for per-segment comparisons. Only the
tokenizers that need no download are offered (13a, intl, char).
"""
from __future__ import annotations

import difflib
from typing import Sequence

from .model import DiffOp, Document, MetricScore


def _streams(doc: Document) -> tuple[list[str], list[list[str]]]:
    hyps = [s.text for s in doc.segments]
    refs = [[s.text for s in ref.segments] for ref in doc.references]
    return hyps, refs


def corpus_metrics(doc: Document, tokenize: str = "13a") -> dict[str, MetricScore] | None:
    """BLEU, chrF2 and TER of the translation against its references, or None without any."""
    if not doc.references:
        return None
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps, refs = _streams(doc)
    out = {}
    for key, metric in (("bleu", BLEU(tokenize=tokenize)), ("chrf", CHRF()), ("ter", TER())):
        result = metric.corpus_score(hyps, refs)
        out[key] = MetricScore(name=result.name, score=result.score, signature=str(metric.get_signature()))
    return out


def sentence_chrf(doc: Document) -> list[float]:
    """sacrebleu's sentence chrF of every segment against its aligned references."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    hyps, refs = _streams(doc)
    return [chrf.sentence_score(h, [r[i] for r in refs]).score for i, h in enumerate(hyps)]


def word_diff(mt: str, ref: str) -> tuple[DiffOp, ...]:
    """difflib opcodes over whitespace tokens, translation against reference."""
    a, b = mt.split(), ref.split()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return tuple(
        DiffOp(op, tuple(a[i1:i2]), tuple(b[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes()
    )


def best_reference(mt: str, refs: Sequence[str]) -> str:
    """The reference closest to ``mt`` (by difflib ratio over words), for showing a diff."""
    if len(refs) == 1:
        return refs[0]
    words = mt.split()
    return max(refs, key=lambda r: difflib.SequenceMatcher(a=words, b=r.split(), autojunk=False).ratio())
