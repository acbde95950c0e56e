"""Counting the n-grams of many segments at once with numpy: what FastCHRF (tqcheck.chrf) and
FastBLEU (tqcheck.bleu) share.

A side (the hypotheses, or one reference stream) is its segments' items (characters, tokens)
laid end to end; each n-gram becomes one integer key that starts with its segment's number, so
one sort over every side's keys counts each n-gram in each segment of each side.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

#: From this many segments, the statistics are counted with numpy (below, its start-up costs more
#: than it saves: 0.15 s to import it), the same integers as sacrebleu's own way.
VECTOR_MIN_SEGMENTS = 200


def vectorizable(hypotheses: Sequence[str], references) -> bool:
    """Whether a run is counted with numpy: ``VECTOR_MIN_SEGMENTS`` segments or more, each with every
    reference (a missing one, None, goes sacrebleu's way)."""
    return (len(hypotheses) >= VECTOR_MIN_SEGMENTS and bool(references)
            and all(len(stream) == len(hypotheses) and None not in stream for stream in references))


def layout(np, lengths):
    """The segment number and the position in its segment of each item of segments of ``lengths``
    laid end to end."""
    segment = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    position = np.arange(len(segment), dtype=np.int64) - np.repeat(starts, lengths)
    return segment, position


def count_sides(np, keys: list):
    """The distinct keys of all sides (sorted), and how many times each side has each."""
    unique, inverse = np.unique(np.concatenate(keys), return_inverse=True)
    bounds = np.cumsum([0] + [len(side) for side in keys])
    return unique, [np.bincount(inverse[a:b], minlength=len(unique)) for a, b in pairwise(bounds)]


def preload() -> None:
    """Import numpy and run the counting once (numpy imports more on first use), e.g. before worker
    processes are forked, so that they share its pages instead of each importing its own copy."""
    import numpy as np

    count_sides(np, [np.arange(3, dtype=np.int64), np.arange(2, dtype=np.int64)])
