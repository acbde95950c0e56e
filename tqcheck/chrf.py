"""sacrebleu's chrF with its statistics counted faster (``FastCHRF``).

sacrebleu's chrF builds, for each segment and each reference, one ``Counter`` of character
n-grams per order (1 to 6) in Python, then adds up ``min(hypothesis count, reference count)``
over the hypothesis's n-grams. ``FastCHRF`` gives the same integers two faster ways:

- for a run of segments (``keycount.VECTOR_MIN_SEGMENTS`` or more), all at once with numpy: each
  character becomes a small integer, each n-gram of a segment one integer key (its segment's
  number, then its characters, in base ``len(alphabet) + 1``), and one sort per order counts
  every key on each side (``_vector_statistics``);
- for a few segments, sacrebleu's own n-grams, walking only the n-grams both sides have (the
  intersection of the two key views, made in C) and reading each side's total with
  ``Counter.total``.

The statistics are the same integers for every input (tests/test_metrics.py compares them with
sacrebleu's on the real data and on random text); name, signature and scores are sacrebleu's.
Anything but chrF's defaults (word n-grams, whitespace, lowercasing, a missing reference) goes
the second way; so do keys that would not fit in 63 bits (an alphabet of thousands of characters).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sacrebleu.metrics import CHRF

from .keycount import count_sides, layout, vectorizable


class FastCHRF(CHRF):
    """sacrebleu's CHRF, with its statistics counted faster (see the module's docstring)."""

    def _extract_corpus_statistics(self, hypotheses: Sequence[str], references) -> list:
        if self.word_order == 0 and not self.whitespace and not self.lowercase and vectorizable(hypotheses, references):
            stats = _vector_statistics(hypotheses, references, self.char_order, self._compute_f_score)
            if stats is not None:
                self.num_refs = len(references)  # as sacrebleu's _cache_references sets it
                return stats
        return super()._extract_corpus_statistics(hypotheses, references)

    @staticmethod
    def _get_match_statistics(hyp_ngrams: Counter, ref_ngrams: Counter) -> list[int]:
        match = 0
        for gram in hyp_ngrams.keys() & ref_ngrams.keys():
            hyp, ref = hyp_ngrams[gram], ref_ngrams[gram]
            match += hyp if hyp < ref else ref  # noqa: FURB136 (min() is a call, twice as slow here)
        # no hits without a reference n-gram (sacrebleu's rule)
        return [hyp_ngrams.total() if ref_ngrams else 0, ref_ngrams.total(), match]


def _vector_statistics(hypotheses: Sequence[str], references, order: int, f_score) -> list | None:
    """chrF's statistics of each segment against each reference stream, the best reference's kept
    (the first of the highest ``f_score``, as sacrebleu picks it), counted with numpy; None when a
    key would not fit in 63 bits."""
    import numpy as np

    def characters(lines):
        stripped = ["".join(line.split()) for line in lines]  # chrF leaves whitespace out
        lengths = np.fromiter(map(len, stripped), dtype=np.int64, count=len(stripped))
        points = np.frombuffer("".join(stripped).encode("utf-32-le"), dtype=np.uint32)
        return points, lengths

    n = len(hypotheses)
    sides = [characters(hypotheses)] + [characters(stream) for stream in references]
    alphabet, ids = np.unique(np.concatenate([points for points, _ in sides]), return_inverse=True)
    base = len(alphabet) + 1
    if n * base ** order >= 2 ** 62:
        return None
    ids = ids.astype(np.int64) + 1  # 0 is no character
    cut = np.cumsum([0] + [len(points) for points, _ in sides])
    layouts = []
    for k, (_, lengths) in enumerate(sides):
        segment, position = layout(np, lengths)
        layouts.append((ids[cut[k]:cut[k + 1]], segment, position, lengths[segment], np.zeros(len(segment), np.int64)))
    per_side = [np.zeros((n, 3 * order), dtype=np.int64) for _ in references]
    for k in range(1, order + 1):
        keys, totals = [], []
        for chars, segment, position, length, code in layouts:
            m = len(chars) - k + 1
            if m > 0:
                code[:m] = code[:m] * base + chars[k - 1:]  # the k-gram starting at each character
            whole = position + k <= length
            keys.append(segment[whole] * base ** k + code[whole])
            totals.append(np.bincount(segment[whole], minlength=n))
        unique, counts = count_sides(np, keys)
        segment_of = unique // base ** k
        for r, stats in enumerate(per_side):
            match = np.bincount(segment_of, weights=np.minimum(counts[0], counts[r + 1]), minlength=n)
            ref_total = totals[r + 1]
            stats[:, 3 * (k - 1)] = np.where(ref_total > 0, totals[0], 0)  # no hits without a reference n-gram
            stats[:, 3 * (k - 1) + 1] = ref_total
            stats[:, 3 * (k - 1) + 2] = match.astype(np.int64)
    rows = [stats.tolist() for stats in per_side]
    if len(rows) == 1:
        return rows[0]
    best = []
    for i in range(n):
        chosen, best_score = None, -1.0
        for side in rows:
            score = f_score(side[i])
            if score > best_score:
                chosen, best_score = side[i], score
        best.append(chosen)
    return best
