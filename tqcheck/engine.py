"""run(documents, config, baseline) -> Report. Never prints; never imports report or cli.

The rules report findings document by document (corpus rules after the last one);
then the run is finalised once (``finalise``): duplicates are an error of the rule
that made them (raised with ``strict``, dropped otherwise), per-file ignores and the
baseline apply, fingerprints are set, and every file is scored.

Each document is streamed: read, scored and checked in windows of consecutive
segments (WINDOW_SEGMENTS), so that a large file is never held whole with its
references and source. Segment rules check each window; document rules
(registry.DocumentRule) and corpus rules keep only what they need between
windows. Large documents with references have their metric statistics computed
by worker processes (``Config.jobs``) while this process runs the rules; the
scores are aggregated from sacrebleu's per-segment statistics, so they are
identical to a single-process run, to any cut into windows, and to sacrebleu's own.
Files smaller than a window go to the workers (or a Dask cluster) whole, in batches,
and come back in input order with their corpus rules' states (tqcheck.distribute).
"""
from __future__ import annotations

import heapq
from collections import deque
from functools import partial
from typing import Callable, Iterable, Iterator, Protocol, Sequence

from . import baseline as baselines
from . import distribute, metrics, perfile, scoring, suppress
from .config import Config
from .errors import InputError
from .glossary import Glossary
from .io.glossary import in_force as glossary_in_force
from .io.reread import held_segments
from .model import Document, FileReport, Finding, Report, Segment, SegmentDiff
from .registry import Context, CorpusRule, DocumentRule, Rule
from .rules import check_config, select_rules
from .text.documents import Splitter, detect
from .version import __version__
from .workers import WORKER_STATE, WorkerError, Workers, warm_up  # noqa: F401  (WorkerError: part of the engine's API)

#: A document is read, scored and checked in windows of this many segments.
WINDOW_SEGMENTS = 1000
#: Documents whose first window is smaller are scored in this process: starting workers would cost more.
PARALLEL_MIN_SEGMENTS = 500
#: Workers compute metric statistics in chunks of this many segments, so uneven segments still balance.
CHUNK_SEGMENTS = 250
#: Windows whose statistics may wait for the workers; then reading waits for the oldest.
MAX_PENDING_WINDOWS = 4


class Checkable(Protocol):
    """What ``run`` checks: a Document in memory or an io.inputs.InputFile read as it goes."""

    path: str

    def header(self) -> Document: ...

    def windows(self, size: int | None = None) -> Iterable[Document]: ...

#: ``progress(what, done, total)``: called as work completes (``total`` None when unknown).
Progress = Callable[[str, int, "int | None"], None]


#: One rule reports at most this many findings in one segment; the rest are counted in
#: ``FileReport.capped`` and every format says how many were left out (a 3 MB line of “ would
#: otherwise make a report of millions of findings).
MAX_FINDINGS_PER_SEGMENT = 50


def cap_findings(fr: FileReport, limit: int = MAX_FINDINGS_PER_SEGMENT) -> FileReport:
    """Keep the first ``limit`` findings of each rule in each segment; count the others per rule."""
    counts: dict[tuple[str, int], int] = {}
    kept = []
    for f in fr.findings:
        key = (f.rule, f.segment)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= limit:
            kept.append(f)
        else:
            fr.capped[f.rule] = fr.capped.get(f.rule, 0) + 1
    fr.findings = kept
    return fr


class DuplicateFindingError(AssertionError):
    """A rule reported the same span twice (raised when finalising with ``strict``)."""


def _dedupe(findings: Iterable[Finding], strict: bool = False) -> list[Finding]:
    seen, out = set(), []
    for f in sorted(findings, key=lambda f: f.sort_key):
        key = (f.rule, f.line, f.column, f.end_column)
        if key in seen:
            if strict:
                raise DuplicateFindingError(f"{f.rule} reported {f.path}:{f.line}:{f.column}-{f.end_column} twice")
            continue
        seen.add(key)
        out.append(f)
    return out


class _Worst:
    """The ``n`` segments with the lowest sentence chrF (on a tie, the earliest), kept as windows are scored,
    each with the reference closest to it; ``diffs()`` gives their word diffs, worst first."""

    def __init__(self, n: int) -> None:
        self.n = n
        self._heap: list[tuple[float, int, Segment, str]] = []  # (-chrf, -index, segment, reference)

    def offer(self, window: Document, chrf: list[float]) -> None:
        if self.n <= 0:
            return
        for i, (seg, score) in enumerate(zip(window.segments, chrf)):
            key = (-score, -seg.index)
            if len(self._heap) == self.n and key <= self._heap[0][:2]:
                continue
            item = (*key, seg, metrics.best_reference(seg.text, window.reference_texts(i)))
            if len(self._heap) < self.n:
                heapq.heappush(self._heap, item)
            else:
                heapq.heapreplace(self._heap, item)

    def diffs(self) -> list[SegmentDiff]:
        out = []
        for neg_score, _, seg, ref in sorted(self._heap, key=lambda t: (-t[0], -t[1])):
            out.append(SegmentDiff(seg.index, seg.line, -neg_score, metrics.word_diff(seg.text, ref)))
        return out


def _file_report(doc: Document, findings: list[Finding], ctx: Context, worst: _Worst) -> FileReport:
    """The report of a checked document, not yet finalised; ``doc`` keeps the translation's segments
    (formatters and baselines quote them) but only the paths of its references and source."""
    scores = ctx.stats.result() if ctx.stats is not None and doc.references else None
    return FileReport(
        document=doc,
        findings=sorted(findings, key=lambda f: f.sort_key),
        score=None,
        metrics=(scores.corpus or None) if scores else None,
        worst=worst.diffs(),
        langid_examined=len(ctx.counters.get("langid_examined", ())),
        segments_metrics=scores.segments if scores and doc.segments else None,
        segments_signatures=scores.signatures if scores and doc.segments else None,
    )


class _Limiter:
    """Keeps at most MAX_FINDINGS_PER_SEGMENT findings of a rule in a segment as they are made, and
    counts the rest per rule, so a hostile line (a megabyte of “) never holds a million findings."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, int], int] = {}
        self.overflow: dict[str, int] = {}

    def keep(self, findings: Iterable[Finding]) -> Iterator[Finding]:
        for f in findings:
            key = (f.rule, f.segment)
            n = self.seen[key] = self.seen.get(key, 0) + 1
            if n <= MAX_FINDINGS_PER_SEGMENT:
                yield f
            else:
                self.overflow[f.rule] = self.overflow.get(f.rule, 0) + 1


def _check_window(rules: Sequence[Rule], config: Config, in_force: frozenset, window: Document,
                  ctx: Context | None = None) -> tuple[list[Finding], dict, dict]:
    """The findings of rules that need one window at a time, the context's tallies, and the findings
    left out per rule (runs in a worker process with a fresh context, or here with the document's)."""
    if ctx is None:
        ctx = Context(config, glossary=WORKER_STATE.get("glossary"), rules_in_force=in_force)
    limiter = _Limiter()
    return [f for rule in rules for f in limiter.keep(rule.check(window, ctx))], ctx.counters, limiter.overflow


def _add(into: dict[str, int], counts: dict[str, int]) -> None:
    for key, n in counts.items():
        into[key] = into.get(key, 0) + n


def _docids(config: Config, path: str):
    """The document ids of ``--docids``, one per segment, as a stream (None without the option)."""
    if not config.docids:
        return None
    from .io.text import iter_segments

    return (seg.text.strip() for seg in iter_segments(config.docids))


def _numbered(window: Document, splitter: Splitter, config: Config) -> Document:
    """``window`` with each segment's document number set (the headlines of the source decide when it has one)."""
    source = window.source.segments if window.source is not None else None
    try:
        numbered = splitter.assign(window.segments, source)
    except ValueError as exc:
        raise InputError(f"{config.docids}: {exc}; give one id per segment line of {window.path}") from None
    if all(a is b for a, b in zip(numbered, window.segments)):
        return window
    return Document(window.path, numbered, window.references, window.source)


def _stories(window: Document) -> Iterator[Document]:
    """``window`` cut where a new document (story) starts, each piece with its references and source."""
    segs = window.segments
    start = 0
    for i in range(1, len(segs) + 1):
        if i == len(segs) or segs[i].doc != segs[start].doc:
            if start == 0 and i == len(segs):
                yield window
                return
            part = slice(start, i)
            yield Document(window.path, segs[part], [Document(r.path, r.segments[part]) for r in window.references],
                           Document(window.source.path, window.source.segments[part]) if window.source else None)
            start = i
    if not segs:
        yield window


def _stays_here(rule: Rule) -> bool:
    """Document and corpus rules keep state from window to window: they run in this process."""
    return isinstance(rule, (DocumentRule, CorpusRule))


def check_document(item: Checkable, rules: Sequence[Rule], config: Config, workers: Workers | None = None,
                   progress: Progress | None = None, glossary: Glossary | None = None,
                   corpus_states: list | None = None) -> FileReport:
    """Check one document, window by window (corpus rules only observe it; they report in ``run``).

    The corpus rules that ship state merge the document's at once, or, given ``corpus_states``,
    it is appended there (one per such rule, in order) for the caller to merge.

    The FileReport has the document's findings, sorted, and no score yet (``finalise``
    gives it one). For a large document, each window's metric statistics and its segment
    rules go to the worker processes first, so they run while this process runs the
    document rules.
    """
    in_force = frozenset(rule.code for rule in rules)  # rules may defer to others in force
    ctx = Context(config, glossary=glossary if glossary is not None else glossary_in_force(config), rules_in_force=in_force)
    header = item.header()
    segments = held_segments(item)  # a file's segments are counted, not held: read again for the report
    found: list[Finding] = []
    worst = _Worst(config.worst)
    active: list[Rule] | None = None
    pending: deque = deque()  # the workers' window-rule results, in order

    limiter = _Limiter()  # for the document and corpus rules run here

    def collect(future) -> None:
        findings, counters, overflow = future.result()
        found.extend(findings)
        ctx.merge_counters(counters)
        _add(limiter.overflow, overflow)

    splitter: Splitter | None = None
    dctx = ctx.child()  # the context of the current document (story) of the file
    current = None  # its number

    def end_document() -> None:
        nonlocal dctx
        for rule in per_document:
            found.extend(limiter.keep(rule.end(header, dctx)))
        dctx = ctx.child()

    for window in item.windows(WINDOW_SEGMENTS):
        if active is None:
            active = [rule for rule in rules if rule.applies_to(window)]
            here = [rule for rule in active if _stays_here(rule)]
            spread = [rule for rule in active if not _stays_here(rule)]
            per_document = [rule for rule in here if isinstance(rule, DocumentRule) and rule.per_document]
            executor = workers.executor(len(window.segments), PARALLEL_MIN_SEGMENTS,
                                        warm=partial(warm_up, spread, config, in_force, window, ctx.glossary)) if workers else None
            if window.references:
                ctx.stats = metrics.StreamStats(config.tokenize, executor=executor, chunk_segments=CHUNK_SEGMENTS,
                                                max_pending=MAX_PENDING_WINDOWS, progress=progress)
                dctx.stats = ctx.stats
            splitter = Splitter(detect(window.segments, config.documents), _docids(config, header.path))
            ctx.layout = dctx.layout = splitter.layout
            read = (window.suppressions, window.meta)  # what a structured file's reader found
        window = _numbered(window, splitter, config)
        if window.references:
            ctx.stats.add(window, worst.offer)
        ctx.start_window()
        if executor is not None and spread:
            pending.append(executor.submit(_check_window, spread, config, in_force, window))
        else:
            findings, _, overflow = _check_window(spread, config, in_force, window, ctx)
            found.extend(findings)
            _add(limiter.overflow, overflow)
        for piece in _stories(window):
            if current is not None and piece.segments and piece.segments[0].doc != current:
                end_document()
            current = piece.segments[-1].doc if piece.segments else current
            for rule in per_document:
                found.extend(limiter.keep(rule.feed(piece, dctx)))
        for rule in here:
            if isinstance(rule, CorpusRule):
                rule.observe(window, ctx)
            elif not (isinstance(rule, DocumentRule) and rule.per_document):
                found.extend(limiter.keep(rule.feed(window, ctx)))
        while pending and (len(pending) > MAX_PENDING_WINDOWS or pending[0].done()):
            collect(pending.popleft())
        segments.extend(window.segments)
        if progress is not None:
            progress("segments checked", len(segments), None)
    while pending:
        collect(pending.popleft())
    if splitter is not None:
        if splitter.leftover_ids():
            raise InputError(f"{config.docids}: more document ids than the {len(segments)} segments of "
                             f"{header.path}; give one id per segment line")
        end_document()
    for rule in active or ():
        if isinstance(rule, DocumentRule) and not rule.per_document:
            found.extend(limiter.keep(rule.end(header, ctx)))
        elif isinstance(rule, CorpusRule):
            state = rule.end_document(header, ctx)
            if rule.ships_state:
                rule.merge(state, ctx) if corpus_states is None else corpus_states.append(state)
    doc = Document(header.path, segments, header.references, header.source, *(read if active is not None else ()))
    report = _file_report(doc, found, ctx, worst)
    _add(report.capped, limiter.overflow)
    if splitter is not None:
        report.layout = {**splitter.layout.as_dict(), "count": splitter.count}
    return report


def finalise(files: list[FileReport], extra: dict[str, list[Finding]], config: Config,
             baseline: baselines.Baseline | None = None, strict: bool = False,
             rules: Sequence[Rule] = ()) -> dict | None:
    """Finish the file reports of a run, once: corpus findings in, duplicates out (an error with
    ``strict``), inline suppressions read from the file (``rules`` in force decide whether an
    unused one is reported), per-file ignores, fingerprints, the baseline, and the score.
    Returns the baseline's counts (None without a baseline)."""
    for fr in files:
        findings = _dedupe(fr.findings + extra.get(fr.path, []), strict)
        findings, fr.suppressed = suppress.apply(fr.document, findings, rules)
        fr.findings = perfile.apply(findings, config)
        if hasattr(fr.document.segments, "keep"):  # the segments findings quote, read again once
            fr.document.segments.keep(f.segment - 1 for f in fr.findings)
        fr.fingerprints = baselines.file_fingerprints(fr)
    counts = baseline.apply(files) if baseline is not None else None
    for fr in files:
        fr.score = scoring.score(fr.findings, fr.document.words, config.fail_under, config.fail_on)
    return counts


def _check_here(item: Checkable, rules: Sequence[Rule], config: Config, workers: Workers | None = None,
                progress: Progress | None = None, glossary: Glossary | None = None) -> tuple[FileReport, list]:
    states: list = []
    return cap_findings(check_document(item, rules, config, workers, progress, glossary, states)), states


def _checked(documents: Iterable[Checkable], rules: Sequence[Rule], config: Config, workers: Workers,
             progress: Progress | None, glossary: Glossary | None) -> Iterator[tuple[FileReport, list]]:
    """Every document's report and corpus states, in input order: small files in batches in the workers
    when there are workers and every corpus rule ships its state (see tqcheck.distribute)."""
    def here(item):
        return _check_here(item, rules, config, workers, progress, glossary)

    corpus = [rule for rule in rules if isinstance(rule, CorpusRule)]
    remote = getattr(workers, "remote", False)  # a Dask cluster: every file goes there
    if (workers.jobs <= 1 and not remote) or config.docids or not all(rule.ships_state for rule in corpus):
        return map(here, documents)
    return distribute.in_order(documents, here, lambda batch: workers.submit(
        distribute.check_batch, _check_here, batch, config), workers.jobs, large_here=not remote, start_early=remote)


def run(documents: Iterable[Checkable], config: Config | None = None, progress: Progress | None = None,
        baseline: baselines.Baseline | None = None, strict: bool = False) -> Report:
    """Check every document (Documents or InputFiles) with the rules the configuration selects.

    A rule pattern that names no rule, or a glossary that cannot be read, stops the run
    before any check (RegistryError, InputError). With ``baseline``, the findings it
    accepts are dropped before scoring. With ``strict``, a rule that reports one span
    twice raises DuplicateFindingError (the tests run this way).
    """
    config = config or Config()
    check_config(config)
    rules = select_rules(config.select, config.ignore, config.severity, config.extend_select)
    glossary = glossary_in_force(config)
    workers = distribute.backend(config, glossary)
    shipping = [rule for rule in rules if isinstance(rule, CorpusRule) and rule.ships_state]
    ctx = Context(config, glossary=glossary, rules_in_force=frozenset(rule.code for rule in rules))
    files = []
    try:
        for report, states in _checked(documents, rules, config, workers, progress, glossary):
            for rule, state in zip(shipping, states):
                rule.merge(state, ctx)
            files.append(report)
            if progress is not None:
                progress("files", len(files), None)
    except BaseException:
        workers.abort()
        raise
    workers.close()
    extra: dict[str, list[Finding]] = {}
    for rule in rules:
        if isinstance(rule, CorpusRule):
            for f in rule.finish():
                extra.setdefault(f.path, []).append(f)
    counts = finalise(files, extra, config, baseline, strict, rules)
    return Report(files=files, version=__version__, rules=tuple(r.code for r in rules), baseline=counts)
