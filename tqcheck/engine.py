"""run(documents, config) -> Report. Never prints; never imports report or cli.

Large documents with references have their metric statistics computed by worker
processes (``Config.jobs``) while this process runs the rules; the scores are
aggregated from sacrebleu's per-segment statistics, so they are identical to a
single-process run and to sacrebleu's own.
"""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Callable, Iterable, Sequence

from . import __version__, glossary, metrics, perfile, scoring
from .config import Config
from .model import Document, FileReport, Finding, Report, SegmentDiff
from .registry import Context, CorpusRule, Rule, select_rules


#: Documents with fewer segments are scored in this process: starting workers would cost more.
PARALLEL_MIN_SEGMENTS = 500
#: Work is cut into this many chunks per worker, so that uneven segments still balance.
CHUNKS_PER_JOB = 16

#: ``progress(what, done, total)``: called as work completes (``total`` None when unknown).
Progress = Callable[[str, int, "int | None"], None]


class Workers:
    """A process pool for metric statistics, started on first need and shut down by ``close``."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs or os.cpu_count() or 1
        self._pool = None

    def executor(self, segments: int):
        """The pool, or None when this document is scored in-process."""
        if self.jobs <= 1 or segments < PARALLEL_MIN_SEGMENTS:
            return None
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(method))
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _dedupe(findings: Iterable[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in sorted(findings, key=lambda f: f.sort_key):
        key = (f.rule, f.line, f.column, f.end_column)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def worst_segments(doc: Document, ctx: Context, n: int) -> list[SegmentDiff]:
    """The ``n`` segments with the lowest chrF against the references, with word diffs."""
    if not doc.references or n <= 0:
        return []
    scores = ctx.segment_chrf(doc)
    order = sorted(range(len(scores)), key=lambda i: (scores[i], i))[:n]
    out = []
    for i in order:
        seg = doc.segments[i]
        ref = metrics.best_reference(seg.text, doc.reference_texts(i))
        out.append(SegmentDiff(seg.index, seg.line, scores[i], metrics.word_diff(seg.text, ref)))
    return out


def _as_kept(doc: Document) -> Document:
    """The document as a report keeps it: the translation's segments (formatters and baselines
    quote them), but only the paths of its references and source, so that memory does not grow
    with the aligned files of every file checked. The caller's document is left as it was."""
    return replace(
        doc,
        references=[Document(r.path, []) for r in doc.references],
        source=Document(doc.source.path, []) if doc.source else None,
    )


def _file_report(doc: Document, findings: list[Finding], ctx: Context, config: Config) -> FileReport:
    findings = perfile.apply(_dedupe(findings), config)
    stats = ctx.metric_stats(doc) if doc.references else None
    per_segment = metrics.segment_metrics(doc, stats) if stats else None
    return FileReport(
        document=_as_kept(doc),
        findings=findings,
        score=scoring.score(findings, doc.words, config.fail_under, config.fail_on),
        metrics=stats.corpus() if stats else None,
        worst=worst_segments(doc, ctx, config.worst),
        langid_examined=ctx.counters.get("langid_examined", 0),
        segments_metrics=per_segment[0] if per_segment else None,
        segments_signatures=per_segment[1] if per_segment else None,
    )


def check_document(doc: Document, rules: Sequence[Rule], config: Config, workers: Workers | None = None,
                   progress: Progress | None = None) -> FileReport:
    """Run the per-document rules on one document (corpus rules only observe it).

    With references, the metric statistics start first (in worker processes for a
    large document), so they are computed while the rules run.
    """
    ctx = Context(config)
    ctx.cache["rules_in_force"] = frozenset(rule.code for rule in rules)  # rules may defer to others
    if doc.references:
        executor = workers.executor(len(doc.segments)) if workers else None
        chunks = CHUNKS_PER_JOB * workers.jobs if executor else 1
        ctx.pending_stats = metrics.PendingStats(doc, config.tokenize, executor=executor, chunks=chunks,
                                                 progress=progress)
    found: list[Finding] = []
    for rule in rules:
        if not rule.applies_to(doc):
            continue
        if isinstance(rule, CorpusRule):
            rule.observe(doc, ctx)
        else:
            found.extend(rule.check(doc, ctx))
    return _file_report(doc, found, ctx, config)


def _add_corpus_findings(report: FileReport, extra: list[Finding], config: Config) -> FileReport:
    findings = perfile.apply(_dedupe(report.findings + extra), config)
    report.findings = findings
    report.score = scoring.score(findings, report.document.words, config.fail_under, config.fail_on)
    return report


def run(documents: Iterable[Document], config: Config | None = None, progress: Progress | None = None) -> Report:
    """Check every document with the rules the configuration selects."""
    config = config or Config()
    rules = select_rules(config.select, config.ignore, config.severity)
    glossary.in_force(config)  # a glossary that cannot be read stops the run before any check
    workers = Workers(config.jobs)
    files = []
    try:
        for doc in documents:
            files.append(check_document(doc, rules, config, workers, progress))
            if progress is not None:
                progress("files", len(files), None)
    finally:
        workers.close()
    extra: dict[str, list[Finding]] = {}
    for rule in rules:
        if isinstance(rule, CorpusRule):
            for f in rule.finish():
                extra.setdefault(f.path, []).append(f)
    files = [_add_corpus_findings(fr, extra[fr.path], config) if fr.path in extra else fr for fr in files]
    return Report(files=files, version=__version__, rules=tuple(r.code for r in rules))
