"""The documents of a run spread over worker processes (or a Dask cluster), results in input order.

The unit of work is a file or a window, whichever is smaller. Files smaller than a window
(SMALL_FILE_BYTES) are gathered into batches (BATCH_FILES files or BATCH_BYTES bytes, so that
the cost of a task is spread over many files) and each batch is checked whole by one worker,
which returns each file's report with its corpus rules' per-document states. A larger file is
checked by ``here`` (the engine: in this process, its windows going to the workers), or sent
alone to the cluster. Results are yielded in input order, so corpus rules merge the states in
the order a single process sees the documents, and the report is the same byte for byte.

A run with fewer small files than one batch never starts a worker: they are checked here.
"""
from __future__ import annotations

import os
from collections import deque
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .model import Document
from .rules import select_rules
from .workers import WORKER_STATE, Workers

#: A file of at most this many bytes is checked whole by one worker (a window is 1,000 segments,
#: some 100 KB of news text; a smaller file is the smaller unit of work).
SMALL_FILE_BYTES = 64 * 1024
#: A batch of small files is sent when it has this many files...
BATCH_FILES = 32
#: ...or this many bytes.
BATCH_BYTES = 128 * 1024
#: Batches in flight per worker at most; then reading waits for the oldest.
PENDING_PER_WORKER = 4


def backend(config, glossary=None):
    """Where documents are checked besides this process: the Dask cluster of ``config.scheduler``
    (dask imported only then), else local worker processes (``config.jobs``)."""
    if config.scheduler:
        from .dask_backend import Cluster

        return Cluster(config.scheduler, glossary)
    return Workers(config.jobs, glossary)


_WORKER_RULES: dict = {}  # a worker's rules, selected once per selection


def check_batch(check: Callable, items: list, config, glossary=None) -> list:
    """``check(item, rules, config, glossary=...)`` for each document of a batch, in a worker, with the
    rules ``config`` selects (once per worker) and the worker's glossary (given at start-up) unless
    ``glossary`` is given."""
    key = repr((config.select, config.ignore, config.severity, config.extend_select))
    if key not in _WORKER_RULES:
        _WORKER_RULES[key] = select_rules(config.select, config.ignore, config.severity, config.extend_select)
    glossary = glossary if glossary is not None else WORKER_STATE.get("glossary")
    return [check(item, _WORKER_RULES[key], config, glossary=glossary) for item in items]


def size_of(item) -> int | None:
    """The bytes of a document that may be checked whole elsewhere; None for standard input or
    a path that cannot be read (checked here, so that its error comes in its turn)."""
    if isinstance(item, Document):
        return sum(len(seg.text) + 1 for seg in item.segments)
    path = getattr(item, "path", None)
    if not isinstance(path, str) or path == "-":
        return None
    try:
        return os.path.getsize(path)
    except OSError:
        return None


class _Done:
    """Results computed here, in the slot of a future."""

    def __init__(self, results: list) -> None:
        self._results = results

    def done(self) -> bool:
        return True

    def result(self) -> list:
        return self._results


def in_order(items: Iterable, here: Callable, submit: Callable, workers: int, *,
             large_here: bool = True, start_early: bool = False) -> Iterator:
    """``here(item)`` or ``submit(batch).result()[k]`` for every item, in input order.

    ``here`` checks one document in this process; ``submit`` sends a list of documents to a
    worker and returns a future of their results (``done()``, ``result()``); ``workers`` bounds
    the batches in flight (PENDING_PER_WORKER each). With ``large_here`` False, a large file is
    sent alone instead of checked here; with ``start_early``, even the first partial batch goes
    to the workers (a cluster that is already running).
    """
    slots: deque = deque()
    batch: list = []
    size = 0
    started = start_early

    def flush() -> None:
        nonlocal batch, size, started
        if batch and not started and len(batch) < BATCH_FILES and size < BATCH_BYTES:
            slots.append(_Done([here(item) for item in batch]))  # too few to be worth a worker
        elif batch:
            slots.append(submit(batch))
            started = True
        batch, size = [], 0

    def drain(limit: int) -> Iterator:
        while len(slots) > limit or (slots and slots[0].done()):
            yield from slots.popleft().result()

    limit = max(1, workers) * PENDING_PER_WORKER
    for item in items:
        n = size_of(item)
        if n is not None and n <= SMALL_FILE_BYTES:
            batch.append(item)
            size += n
            if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
                started = True
                flush()
        elif n is None or large_here:
            flush()
            try:
                slots.append(_Done([here(item)]))
            except InputError:
                yield from drain(0)  # an earlier file's error comes first, as in a single process
                raise
        else:
            flush()
            started = True
            slots.append(submit([item]))
        yield from drain(limit)
    flush()
    yield from drain(0)
