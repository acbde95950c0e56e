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


#: The corpus metrics, in report order.
METRICS = ("bleu", "chrf", "ter")


def _quiet() -> None:
    """sacrebleu logs warnings of its own (e.g. lines ending in ' .'): tqcheck's rules report such
    things as findings, so its log stays out of our output."""
    import logging

    logging.getLogger("sacrebleu").setLevel(logging.ERROR)


def _metric(key: str, tokenize: str, **kwargs):
    from sacrebleu.metrics import BLEU, CHRF, TER

    if key == "bleu":
        return BLEU(tokenize=tokenize, **kwargs)
    return CHRF() if key == "chrf" else TER()


def _chunk_statistics(key: str, tokenize: str, hyps: list[str], refs: list[list[str]]) -> tuple[list, int]:
    """sacrebleu's per-segment sufficient statistics for a run of segments (runs in a worker)."""
    _quiet()
    metric = _metric(key, tokenize)
    return metric._extract_corpus_statistics(hyps, refs), metric.num_refs


class SegmentStats:
    """sacrebleu's sufficient statistics of every segment, for BLEU, chrF and TER.

    sacrebleu computes a corpus score by summing per-segment statistics and a
    sentence score from one segment's statistics, so one pass serves the corpus
    scores, sentence chrF and sentence BLEU, and the pass can be split over
    processes: the results are identical to ``corpus_score``/``sentence_score``.
    """

    def __init__(self, tokenize: str, stats: dict[str, list], num_refs: int) -> None:
        self.tokenize, self.stats, self.num_refs = tokenize, stats, num_refs

    def _scorer(self, key: str, **kwargs):
        metric = _metric(key, self.tokenize, **kwargs)
        metric.num_refs = self.num_refs  # as sacrebleu sets it while reading references
        return metric

    def corpus(self) -> dict[str, MetricScore]:
        out = {}
        for key in METRICS:
            metric = self._scorer(key)
            result = metric._aggregate_and_compute(self.stats[key])
            out[key] = MetricScore(name=result.name, score=result.score, signature=str(metric.get_signature()))
        return out

    def sentence(self, key: str, **kwargs) -> tuple[list[float], str]:
        """Sentence scores of every segment (as ``sentence_score`` gives them) and the signature."""
        metric = self._scorer(key, **kwargs)
        scores = [metric._aggregate_and_compute([s]).score for s in self.stats[key]]
        return scores, str(metric.get_signature())


class PendingStats:
    """Statistics being computed, in chunks, by an executor (or on first use without one)."""

    def __init__(self, doc: Document, tokenize: str, keys=METRICS, executor=None, chunks: int = 1,
                 progress=None) -> None:
        self.tokenize, self.keys, self.progress = tokenize, tuple(keys), progress
        self._hyps, self._refs = _streams(doc)
        self._futures = None
        self._result: SegmentStats | None = None
        if executor is not None and self._hyps:
            n = len(self._hyps)
            bounds = [(n * i // chunks, n * (i + 1) // chunks) for i in range(chunks)]
            # the cheap metrics first, so sentence chrF is ready while TER still runs
            self._futures = {
                key: [executor.submit(_chunk_statistics, key, tokenize, self._hyps[a:b],
                                      [r[a:b] for r in self._refs]) for a, b in bounds if b > a]
                for key in self.keys
            }

    def _wait(self) -> None:
        """Wait for every chunk, calling ``progress("metric statistics", done, total)`` as each ends."""
        from concurrent.futures import as_completed

        futures = [f for fs in self._futures.values() for f in fs]
        for done, _ in enumerate(as_completed(futures), start=1):
            if self.progress is not None:
                self.progress("metric statistics", done, len(futures))

    def result(self) -> SegmentStats:
        if self._result is None:
            if self._futures is not None:
                self._wait()
            stats, num_refs = {}, len(self._refs)
            for key in self.keys:
                if self._futures is not None:
                    parts = [f.result() for f in self._futures[key]]
                else:
                    parts = [_chunk_statistics(key, self.tokenize, self._hyps, self._refs)]
                stats[key] = [s for part, _ in parts for s in part]
                num_refs = parts[0][1] if parts else num_refs
            self._result = SegmentStats(self.tokenize, stats, num_refs)
            self._hyps = self._refs = self._futures = None
        return self._result


def corpus_metrics(doc: Document, tokenize: str = "13a") -> dict[str, MetricScore] | None:
    """BLEU, chrF2 and TER of the translation against its references, or None without any."""
    if not doc.references:
        return None
    return PendingStats(doc, tokenize).result().corpus()


def sentence_chrf(doc: Document) -> list[float]:
    """sacrebleu's sentence chrF of every segment against its aligned references."""
    return PendingStats(doc, "13a", keys=("chrf",)).result().sentence("chrf")[0]


def chrf_signature(doc: Document) -> str:
    """The signature of sacrebleu's chrF (as ``sentence_chrf`` computes it) for ``doc``'s references."""
    if not (doc.segments and doc.references):
        return ""
    metric = _metric("chrf", "13a")
    metric.num_refs = len(doc.references)
    return str(metric.get_signature())


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


def segment_metrics(doc: Document, stats: SegmentStats) -> tuple[list[SegmentMetrics], dict[str, str]]:
    """Sentence chrF and BLEU of every segment against its references, with their signatures.

    BLEU is sacrebleu's sentence BLEU with ``effective_order=True``, as sacrebleu
    recommends for single sentences (n-gram orders with no match in a short
    segment do not zero the score); smoothing is sacrebleu's default ("exp").
    Both come from the segment statistics already computed for the corpus scores.
    """
    chrf, chrf_signature = stats.sentence("chrf")
    bleu, bleu_signature = stats.sentence("bleu", effective_order=True)
    out = [SegmentMetrics(seg.index, seg.line, chrf[i], bleu[i]) for i, seg in enumerate(doc.segments)]
    return out, ({"chrf": chrf_signature, "bleu": bleu_signature} if out else {})


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
