"""Reference metrics. The only module that imports sacrebleu.

Scores are sacrebleu's own: BLEU, chrF2 and TER at corpus level with their
signatures, sentence-level chrF and BLEU for per-segment comparisons, and
sacrebleu's paired significance tests (bootstrap resampling, approximate
randomisation) for comparing systems. Only the tokenizers that need no download
are offered (13a, intl, char).
"""
from __future__ import annotations

import difflib
import os
from typing import NamedTuple, Sequence

from .model import DiffOp, Document, MetricScore, SegmentMetrics


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


def chrf_signature(doc: Document) -> str:
    """The signature of sacrebleu's chrF (as ``sentence_chrf`` computes it) for ``doc``'s references."""
    from sacrebleu.metrics import CHRF

    chrf = CHRF()
    hyps, refs = _streams(doc)
    if hyps and refs:
        chrf.sentence_score(hyps[0], [r[0] for r in refs])
        return str(chrf.get_signature())
    return ""


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


def segment_metrics(
    doc: Document, tokenize: str = "13a", chrf: Sequence[float] | None = None
) -> tuple[list[SegmentMetrics], dict[str, str]] | None:
    """Sentence chrF and BLEU of every segment against its references, with their signatures.

    BLEU is sacrebleu's sentence BLEU with ``effective_order=True``, as sacrebleu
    recommends for single sentences (n-gram orders with no match in a short
    segment do not zero the score); smoothing is sacrebleu's default ("exp").
    ``chrf`` may pass scores already computed by ``sentence_chrf``. None without references.
    """
    if not doc.references:
        return None
    from sacrebleu.metrics import BLEU

    hyps, refs = _streams(doc)
    chrf = list(chrf) if chrf is not None else sentence_chrf(doc)
    bleu = BLEU(tokenize=tokenize, effective_order=True)
    out = []
    for i, seg in enumerate(doc.segments):
        seg_refs = [r[i] for r in refs]
        out.append(SegmentMetrics(seg.index, seg.line, chrf[i], bleu.sentence_score(hyps[i], seg_refs).score))
    signatures = {"chrf": chrf_signature(doc), "bleu": str(bleu.get_signature())} if hyps else {}
    return out, signatures


class PairedResult(NamedTuple):
    """One system's score under a paired test (sacrebleu.significance.Result, as plain floats).

    ``mean`` and ``ci`` are the bootstrap mean and the half-width of its 95%
    confidence interval (sacrebleu prints them as ``score (mean ± ci)``);
    ``p_value`` is None for the baseline.
    """

    score: float
    mean: float | None
    ci: float | None
    p_value: float | None


class PairedMetric(NamedTuple):
    key: str        # bleu | chrf | ter
    name: str       # BLEU | chrF2 | TER, as sacrebleu names them
    signature: str  # with the seed and the number of samples or trials
    results: tuple[PairedResult, ...]  # one per system, the baseline first


#: sacrebleu's default seed for its significance tests (it reads SACREBLEU_SEED otherwise).
DEFAULT_SEED = 12345
_METRIC_KEYS = {"BLEU": "bleu", "chrF2": "chrf", "TER": "ter"}


def significance_seed() -> str:
    """The seed sacrebleu will use: SACREBLEU_SEED when set, else 12345 ("none": unseeded)."""
    return os.environ.get("SACREBLEU_SEED", str(DEFAULT_SEED)).lower()


def paired_significance(
    systems: Sequence[Sequence[str]],
    refs: Sequence[Sequence[str]],
    test: str = "bs",
    n_samples: int = 0,
    seed: int | None = None,
    tokenize: str = "13a",
) -> list[PairedMetric]:
    """BLEU, chrF2 and TER of each system with sacrebleu's paired significance test.

    Called exactly as ``sacrebleu REF -i A B ... -m bleu chrf ter --paired-bs``
    (or ``--paired-ar``) calls it: metrics built with the references cached,
    ``PairedTest(named_systems, metrics, references=None, test_type, n_samples)``,
    the first system the baseline; so with the same seed the numbers are the
    same. ``n_samples`` 0 takes sacrebleu's defaults (1000 resamples for bs,
    10000 trials for ar). ``seed`` None keeps sacrebleu's own (SACREBLEU_SEED or
    12345); otherwise it is passed through SACREBLEU_SEED for the duration of the
    call, which is how sacrebleu reads it. With ``ar``, the bootstrap mean and
    confidence interval are estimated too (1000 resamples; sacrebleu's CLI does
    not ask for them, its p-values are unchanged).
    """
    from sacrebleu.metrics import BLEU, CHRF, TER
    from sacrebleu.significance import PairedTest

    refs = [list(r) for r in refs]
    metrics = {
        "BLEU": BLEU(tokenize=tokenize, references=refs),
        "CHRF": CHRF(references=refs),
        "TER": TER(references=refs),
    }
    named = [(f"system {i}", list(hyps)) for i, hyps in enumerate(systems)]
    saved = os.environ.get("SACREBLEU_SEED")
    if seed is not None:
        os.environ["SACREBLEU_SEED"] = str(seed)
    try:
        paired = PairedTest(named, metrics, references=None, test_type=test, n_samples=n_samples,
                            n_ar_confidence=0 if test == "ar" else -1, n_jobs=1)
        signatures, scores = paired()
    finally:
        if seed is not None:
            if saved is None:
                del os.environ["SACREBLEU_SEED"]
            else:
                os.environ["SACREBLEU_SEED"] = saved

    def plain(x):
        return None if x is None else float(x)

    out = []
    for name, results in scores.items():
        if name == "System":
            continue
        out.append(PairedMetric(
            _METRIC_KEYS.get(name, name.lower()), name, str(signatures[name]),
            tuple(PairedResult(float(r.score), plain(r.mean), plain(r.ci), plain(r.p_value)) for r in results),
        ))
    return out
