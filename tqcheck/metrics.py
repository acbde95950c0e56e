"""Reference metrics. The only module that imports sacrebleu (tqcheck.ter, .chrf and .bleu, which
it imports on first use, subclass sacrebleu's TER, chrF and BLEU).

Scores are sacrebleu's own: BLEU, chrF2 and TER at corpus level with their
signatures, sentence-level chrF and BLEU for per-segment comparisons, and
sacrebleu's paired significance tests (bootstrap resampling, approximate
randomisation) for comparing systems. Only the tokenizers that need no download
are offered (13a, intl, char).
"""
from __future__ import annotations

import difflib
import os
from array import array
from collections import deque
from collections.abc import Sequence as SequenceABC
from concurrent.futures import Future
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
    if key == "bleu":
        from .bleu import FastBLEU  # sacrebleu's BLEU, counting n-grams faster

        return FastBLEU(tokenize=tokenize, **kwargs)
    if key == "chrf":
        from .chrf import FastCHRF  # sacrebleu's chrF, counting its matches faster

        return FastCHRF()
    from .ter import FastTER  # sacrebleu's TER, counting its edits with an exact, faster port

    return FastTER()


def preload() -> None:
    """Load what counting many segments' statistics needs (numpy, for chrF and BLEU), e.g. before workers fork."""
    from .keycount import preload as keycount_preload

    keycount_preload()


def _chunk_statistics(key: str, tokenize: str, hyps: list[str], refs: list[list[str]]) -> list:
    """sacrebleu's per-segment sufficient statistics for a run of segments (runs in a worker)."""
    _quiet()
    metric = _metric(key, tokenize)
    try:
        return metric._extract_corpus_statistics(hyps, refs)
    finally:
        _forget_tokenized(metric)


def _forget_tokenized(metric) -> None:
    """Empty the cache of ``metric``'s tokenizer. sacrebleu keeps the last 65,536 lines each tokenizer
    has seen (an lru_cache on ``__call__``); tqcheck tokenizes each line of a chunk once, so over a
    large corpus the caches only hold memory (some 15 MiB per process at 8,000 segments)."""
    tokenizer = getattr(metric, "tokenizer", None)
    for part in (tokenizer, getattr(tokenizer, "_post_tokenizer", None)):  # 13a hands its line on to a regexp one
        call = getattr(type(part), "__call__", None)
        if hasattr(call, "cache_clear"):
            call.cache_clear()


def _done(value) -> Future:
    """``value`` as a finished Future, so that work done here and in workers is collected alike."""
    future: Future = Future()
    future.set_result(value)
    return future


class _RunningSum:
    """Per-segment statistics summed as they come, exactly as sacrebleu's ``sum_of_lists`` sums
    the whole list (same start value, same order of additions), so corpus scores are identical."""

    def __init__(self) -> None:
        self.total: list | None = None

    def add(self, stats: list) -> None:
        for row in stats:
            if self.total is None:
                self.total = [type(row[0])(0.0)] * len(row)
            total = self.total
            for i, x in enumerate(row):
                total[i] += x


class SegmentScores(SequenceABC):
    """The SegmentMetrics of a document's segments, in order, held as four arrays: 32 bytes a segment
    rather than some 300 as records, so a large file's sentence scores stay small until reported."""

    def __init__(self) -> None:
        self._index, self._line = array("q"), array("q")
        self._scores = {"chrf": array("d"), "bleu": array("d")}
        self._absent: set[str] = set()  # the metrics not computed (their score is None)

    def extend(self, segments, scores: dict[str, list[float] | None]) -> None:
        self._index.extend(seg.index for seg in segments)
        self._line.extend(seg.line for seg in segments)
        for key, column in self._scores.items():
            if scores.get(key) is None:
                self._absent.add(key)
                column.extend([0.0] * len(segments))
            else:
                column.extend(scores[key])

    def __len__(self) -> int:
        return len(self._index)

    def column(self, key: str, start: int = 0) -> list[float | None]:
        """Every segment's ``key`` score ("chrf" or "bleu"), in order, from position ``start`` on."""
        return [None] * len(self._index[start:]) if key in self._absent else self._scores[key][start:].tolist()

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        chrf, bleu = (None if key in self._absent else self._scores[key][i] for key in ("chrf", "bleu"))
        return SegmentMetrics(self._index[i], self._line[i], chrf, bleu)


class DocumentScores(NamedTuple):
    """What the metrics give for one document: corpus scores and sentence scores per segment."""

    corpus: dict[str, MetricScore]
    segments: Sequence[SegmentMetrics]   # sentence chrF and BLEU, one per segment in order
    signatures: dict[str, str]       # of the sentence scores: {"chrf": ..., "bleu": ...}

    @property
    def chrf(self) -> list[float]:
        if isinstance(self.segments, SegmentScores):
            return self.segments.column("chrf")
        return [m.chrf for m in self.segments]


class StreamStats:
    """sacrebleu's sufficient statistics for BLEU, chrF and TER of a document fed window by window.

    sacrebleu computes a corpus score by summing per-segment statistics and a sentence
    score from one segment's statistics. So each window's statistics are computed (in
    chunks by ``executor``'s worker processes, or here at once), turned into sentence
    chrF and BLEU, and added to running sums in document order; then they are
    dropped. Results are identical to ``corpus_score``/``sentence_score`` on the whole
    document, however it is cut. At most ``max_pending`` windows wait for workers
    (``add`` blocks on the oldest), so memory stays bounded while the rules run ahead.

    Sentence BLEU is sacrebleu's with ``effective_order=True``, as sacrebleu recommends
    for single sentences; smoothing is its default ("exp").
    """

    def __init__(self, tokenize: str, executor=None, chunk_segments: int = 0, max_pending: int = 4,
                 progress=None, keys: Sequence[str] = METRICS) -> None:
        self.tokenize, self.executor, self.progress, self.keys = tokenize, executor, progress, tuple(keys)
        self.chunk_segments, self.max_pending = chunk_segments, max(1, max_pending)
        self._pending: deque = deque()  # (window, on_scored, {key: [futures of chunk statistics]})
        self._sums = {key: _RunningSum() for key in self.keys}
        self._scorers: dict | None = None
        self._segments = SegmentScores()
        self._last = None
        self._positions: dict[int, int] = {}  # id of each segment of the last window -> its position
        self._num_refs = 0
        self._result: DocumentScores | None = None

    def add(self, window: Document, on_scored=None) -> None:
        """Start the statistics of ``window`` (again for the same window, or for a piece of the last
        window, such as one document of it: nothing, its segments are already counted).
        ``on_scored(window, chrf)`` is called with its sentence chrF once they are known."""
        if window is self._last or (window.segments and id(window.segments[0]) in self._positions):
            return
        start = len(self._segments) + sum(len(w.segments) for w, _, _ in self._pending)
        self._positions = {id(seg): start + k for k, seg in enumerate(window.segments)}
        self._last, self._result = window, None
        hyps, refs = _streams(window)
        self._num_refs = len(refs)  # sacrebleu's num_refs: the number of reference streams
        if self.executor is None or not hyps:
            parts = {key: [_done(_chunk_statistics(key, self.tokenize, hyps, refs))] for key in self.keys}
        else:
            n = len(hyps)
            size = self.chunk_segments or n
            bounds = [(a, min(a + size, n)) for a in range(0, n, size)]
            # the cheap metrics first: their chunks are done while TER's still run
            parts = {key: [self.executor.submit(_chunk_statistics, key, self.tokenize, hyps[a:b],
                                                [r[a:b] for r in refs]) for a, b in bounds]
                     for key in self.keys}
        self._pending.append((window, on_scored, parts))
        while self._pending and (len(self._pending) > self.max_pending or self._ready(self._pending[0][2])):
            self._score(*self._pending.popleft())

    @staticmethod
    def _ready(parts) -> bool:
        return all(p.done() for ps in parts.values() for p in ps)

    def _score(self, window: Document, on_scored, parts) -> None:
        stats = {}
        for key, ps in parts.items():
            stats[key] = [s for p in ps for s in p.result()]
            self._sums[key].add(stats[key])
        scorers = self._scorers_once()
        chrf, bleu = ([scorers[key]._aggregate_and_compute([s]).score for s in stats[key]] if key in stats
                      else [None] * len(window.segments) for key in ("chrf", "bleu"))
        self._segments.extend(window.segments, {"chrf": chrf if "chrf" in stats else None,
                                                "bleu": bleu if "bleu" in stats else None})
        if on_scored is not None:
            on_scored(window, chrf)
        if self.progress is not None:
            self.progress("segments scored", len(self._segments), None)

    def _scorers_once(self) -> dict:
        """The metrics that score the sums and the sentences, made once the number of references is known."""
        if self._scorers is None:
            self._scorers = {"corpus": {key: self._scorer(key) for key in self.keys}}
            if "chrf" in self.keys:
                self._scorers["chrf"] = self._scorer("chrf")
            if "bleu" in self.keys:
                self._scorers["bleu"] = self._scorer("bleu", effective_order=True)
        return self._scorers

    def _scorer(self, key: str, **kwargs):
        metric = _metric(key, self.tokenize, **kwargs)
        metric.num_refs = self._num_refs  # as sacrebleu sets it while reading references
        return metric

    def position(self, segment) -> int | None:
        """The position in the file's scores of ``segment``, a segment of the last window added (else None)."""
        return self._positions.get(id(segment))

    def scored(self, key: str, start: int = 0) -> list[float | None]:
        """The sentence ``key`` scores of the segments scored so far, from position ``start`` on."""
        return self._segments.column(key, start)

    def result(self) -> DocumentScores:
        """Wait for every window and give the document's scores (computed once, until another window comes)."""
        if self._result is not None:
            return self._result
        while self._pending:
            self._score(*self._pending.popleft())
        scorers = self._scorers_once()
        corpus = {}
        for key, metric in scorers["corpus"].items():
            total = self._sums[key].total
            if total is None:
                continue  # no segment: nothing to score
            score = metric._aggregate_and_compute([total])
            corpus[key] = MetricScore(name=score.name, score=score.score, signature=str(metric.get_signature()))
        signatures = {key: str(scorers[key].get_signature()) for key in ("chrf", "bleu")
                      if key in scorers and self._segments}
        self._result = DocumentScores(corpus, self._segments, signatures)
        return self._result


def corpus_metrics(doc: Document, tokenize: str = "13a") -> dict[str, MetricScore] | None:
    """BLEU, chrF2 and TER of the translation against its references, or None without any."""
    if not doc.references:
        return None
    stats = StreamStats(tokenize)
    stats.add(doc)
    return stats.result().corpus


def sentence_chrf(doc: Document) -> list[float]:
    """sacrebleu's sentence chrF of every segment against its aligned references."""
    stats = StreamStats("13a", keys=("chrf",))
    stats.add(doc)
    return stats.result().chrf


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
    from sacrebleu.metrics import BLEU
    from sacrebleu.significance import PairedTest

    from .chrf import FastCHRF
    from .ter import FastTER  # sacrebleu's TER with the exact, faster edit counting

    refs = [list(r) for r in refs]
    metrics = {
        "BLEU": BLEU(tokenize=tokenize, references=refs),
        "CHRF": FastCHRF(references=refs),
        "TER": FastTER(references=refs),
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
