"""sacrebleu's BLEU with its n-gram statistics counted with numpy (``FastBLEU``).

sacrebleu's BLEU tokenizes each segment, builds one ``Counter`` of the word n-grams (orders 1
to 4) of the hypothesis and of each reference in Python, and adds up, order by order,
``min(hypothesis count, highest reference count)``. For a run of segments
(``keycount.VECTOR_MIN_SEGMENTS`` or more) ``FastBLEU`` tokenizes them as sacrebleu does (its own
tokenizer) and counts every segment's n-grams at once: each token becomes an integer, each
n-gram one integer key (its segment's number, then its (n-1)-gram's rank and its last token),
and one sort per order counts the keys on each side. The statistics are the same integers for
every input (tests/test_metrics.py compares them with sacrebleu's on the samples, the real
data and random text); name, signature and scores are sacrebleu's. A missing reference, or keys
that would not fit in 63 bits, go sacrebleu's way. The default tokenizer, 13a, runs as
``tokenize_13a``: sacrebleu's strings in half its time.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain

from sacrebleu.metrics import BLEU
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

from .keycount import count_sides, layout, vectorizable


class FastBLEU(BLEU):
    """sacrebleu's BLEU, with the n-gram statistics of a run of segments counted with numpy."""

    def _extract_corpus_statistics(self, hypotheses: Sequence[str], references) -> list:
        if vectorizable(hypotheses, references):
            preprocess = self._preprocess_segment
            if type(self.tokenizer) is Tokenizer13a:  # the default: the same strings, faster
                lowercase = self.lowercase
                preprocess = lambda s: tokenize_13a((s.lower() if lowercase else s).rstrip())
            hyps = [preprocess(h) for h in hypotheses]
            refs = [[preprocess(r) for r in stream] for stream in references]
            stats = _vector_statistics(hyps, refs, self.max_ngram_order, self._get_closest_ref_len)
            if stats is not None:
                self.num_refs = len(references)  # as sacrebleu's _cache_references sets it
                return stats
        return super()._extract_corpus_statistics(hypotheses, references)


# sacrebleu's TokenizerRegexp (tokenizer_re.py), rule by rule: its first rule, the one that matches most, is
# a split on the punctuation and a join with spaces (no template to expand for each match)
_PUNCTUATION_RE = re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])")
_PERIOD_AFTER_RE = re.compile(r"([^0-9])([\.,])")  # a period or comma unless after a digit
_PERIOD_BEFORE_RE = re.compile(r"([\.,])([^0-9])")  # a period or comma unless before a digit
_DASH_RE = re.compile(r"([0-9])(-)")  # a dash after a digit


def tokenize_13a(line: str) -> str:
    """sacrebleu's 13a tokenizer (``Tokenizer13a()(line)``, mteval-v13a): the same string, about twice
    as fast, and without its cache of the last 65,536 lines (tests/test_metrics.py compares the two)."""
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    line = " ".join(_PUNCTUATION_RE.split(f" {line} "))
    if "." in line or "," in line:
        line = _PERIOD_AFTER_RE.sub(lambda m: f"{m.group(1)} {m.group(2)} ", line)
        line = _PERIOD_BEFORE_RE.sub(lambda m: f" {m.group(1)} {m.group(2)}", line)
    if "-" in line:
        line = _DASH_RE.sub(lambda m: f"{m.group(1)} {m.group(2)} ", line)
    return " ".join(line.split())


def _vector_statistics(hyps: list[str], refs: list[list[str]], order: int, closest) -> list | None:
    """BLEU's statistics ``[hyp_len, ref_len, correct_1..n, total_1..n]`` of each tokenized segment
    against its references (a hypothesis n-gram counts up to its highest count in one reference),
    counted with numpy; ``closest(hyp_len, ref_lens)`` picks the reference length (sacrebleu's rule).
    None when a key would not fit in 63 bits."""
    import numpy as np

    n = len(hyps)
    split = [[line.split() for line in lines] for lines in [hyps, *refs]]  # each side's tokens, segment by segment
    vocabulary = {token: i for i, token in enumerate(dict.fromkeys(chain.from_iterable(chain.from_iterable(split))))}
    sides = []
    for segments in split:
        lengths = np.fromiter(map(len, segments), dtype=np.int64, count=n)
        ids = np.fromiter(map(vocabulary.__getitem__, chain.from_iterable(segments)), dtype=np.int64,
                          count=int(lengths.sum()))
        segment, position = layout(np, lengths)
        sides.append((ids, segment, position, lengths))
    size = len(vocabulary) + 1
    positions = sum(len(ids) for ids, *_ in sides) + 1
    if positions * size >= 2 ** 62 or n * positions >= 2 ** 62:
        return None
    correct = np.zeros((n, order), dtype=np.int64)
    ranks = [ids for ids, *_ in sides]  # the rank of the (k-1)-gram starting at each token
    for k in range(1, order + 1):
        keys = []  # for each side: the segment and code of each k-gram, and where k-grams start
        for (ids, segment, position, lengths), rank in zip(sides, ranks):
            whole = position + k <= lengths[segment]  # a k-gram starts here
            if k == 1:
                code = ids
            else:
                code = np.zeros(len(ids), dtype=np.int64)
                if len(ids) >= k:
                    code[:len(ids) - k + 1] = rank[:len(ids) - k + 1] * size + ids[k - 1:]
            keys.append((segment[whole], code[whole], whole))
        # the same k-gram gets the same rank on every side (the next order builds on it)
        unique, inverse = np.unique(np.concatenate([code for _, code, _ in keys]), return_inverse=True)
        cut = np.cumsum([0] + [len(code) for _, code, _ in keys])
        ranks = []
        for j, (_, _, whole) in enumerate(keys):
            rank = np.zeros(len(whole), dtype=np.int64)
            rank[whole] = inverse[cut[j]:cut[j + 1]]
            ranks.append(rank)
        span = len(unique)
        grams, counts = count_sides(np, [segment * span + rank[whole] for (segment, _, whole), rank in zip(keys, ranks)])
        best_ref = np.max(counts[1:], axis=0)
        shared = np.minimum(counts[0], best_ref)
        correct[:, k - 1] = np.bincount(grams // span, weights=shared, minlength=n).astype(np.int64)
    hyp_lengths = sides[0][3].tolist()
    ref_lengths = [side[3].tolist() for side in sides[1:]]
    rows = []
    for i, hyp_len in enumerate(hyp_lengths):
        ref_len = closest(hyp_len, [lengths[i] for lengths in ref_lengths])
        totals = [hyp_len - j if hyp_len > j else 0 for j in range(order)]
        rows.append([hyp_len, ref_len, *correct[i].tolist(), *totals])
    return rows
