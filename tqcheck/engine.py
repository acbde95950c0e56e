"""run(documents, config) -> Report. Never prints; never imports report or cli."""
from __future__ import annotations

from typing import Iterable, Sequence

from . import __version__, glossary, metrics, perfile, scoring
from .config import Config
from .model import Document, FileReport, Finding, Report, SegmentDiff
from .registry import Context, CorpusRule, Rule, select_rules


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


def _file_report(doc: Document, findings: list[Finding], ctx: Context, config: Config) -> FileReport:
    findings = perfile.apply(_dedupe(findings), config)
    per_segment = metrics.segment_metrics(doc, config.tokenize, ctx.segment_chrf(doc)) if doc.references else None
    return FileReport(
        document=doc,
        findings=findings,
        score=scoring.score(findings, doc.words, config.fail_under, config.fail_on),
        metrics=metrics.corpus_metrics(doc, config.tokenize),
        worst=worst_segments(doc, ctx, config.worst),
        langid_examined=ctx.counters.get("langid_examined", 0),
        segments_metrics=per_segment[0] if per_segment else None,
        segments_signatures=per_segment[1] if per_segment else None,
    )


def check_document(doc: Document, rules: Sequence[Rule], config: Config) -> FileReport:
    """Run the per-document rules on one document (corpus rules only observe it)."""
    ctx = Context(config)
    ctx.cache["rules_in_force"] = frozenset(rule.code for rule in rules)  # rules may defer to others
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


def run(documents: Iterable[Document], config: Config | None = None) -> Report:
    """Check every document with the rules the configuration selects."""
    config = config or Config()
    rules = select_rules(config.select, config.ignore, config.severity)
    glossary.in_force(config)  # a glossary that cannot be read stops the run before any check
    files = [check_document(d, rules, config) for d in documents]
    extra: dict[str, list[Finding]] = {}
    for rule in rules:
        if isinstance(rule, CorpusRule):
            for f in rule.finish():
                extra.setdefault(f.path, []).append(f)
    files = [_add_corpus_findings(fr, extra[fr.path], config) if fr.path in extra else fr for fr in files]
    return Report(files=files, version=__version__, rules=tuple(r.code for r in rules))
