"""The rule registry: a Rule base class, ``@register``, and selection by prefix.

Every rule has a stable code (``TQ`` and three digits), a kebab-case name, an MQM
category, a default severity, and a docstring whose first line is its one-line
description and whose ``Flag:`` / ``Okay:`` lines are examples that must and must
not be flagged (a test collects them; see ``examples``).

Example syntax: ``\\n`` inside an example separates segments (paragraphs),
``|||`` separates a segment from its reference translation, and ``<<<`` (last)
from its French source: ``translation ||| reference <<< source``. For corpus
rules, a segment ``===`` separates files. A format prefix (``xliff:``, ``po:``,
``markdown:``) has the example read as a file of that format, for the rules that
need its markup (tqcheck.rules.tq85x_markup).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator

from .model import CATEGORIES, Document, Finding, Segment, Severity

if TYPE_CHECKING:  # pragma: no cover
    from .config import Config
    from .glossary import Glossary

CODE_RE = re.compile(r"^TQ\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
EXAMPLE_RE = re.compile(r"^\s*(Flag|Okay):\s?(.*)$")

_REGISTRY: dict[str, type["Rule"]] = {}


class RegistryError(ValueError):
    """A rule was declared badly: a duplicate or malformed code, name or category."""


@dataclass
class Context:
    """What the rules of one document share during a run.

    - ``config`` and the resolved ``glossary`` (read once per run by the engine);
    - ``rules_in_force``: the codes of the rules selected for the run (a rule may defer
      to another that is in force);
    - ``state(rule)``: a dict of the rule's own state between windows of the document;
    - ``shared(factory, *args)``: one ``factory(*args)`` per document for values several
      rules derive from the same text (the quote walker, the names collected), keyed by
      the factory itself, never by a string;
    - ``non_english(seg)``: language identification of a segment, once per window;
    - ``counters``: tallies for the report (which segments langdetect examined);
    - ``stats``: the document's reference metrics (a metrics.StreamStats), fed window by window.
    """

    config: "Config"
    glossary: "Glossary | None" = None
    rules_in_force: frozenset = frozenset()
    counters: dict = field(default_factory=dict)
    stats: Any = None
    #: What a line of the file is and how its documents were found (a tqcheck.text.documents.Layout).
    layout: Any = None
    _states: dict = field(default_factory=dict, repr=False)
    _shared: dict = field(default_factory=dict, repr=False)
    _window: dict = field(default_factory=dict, repr=False)

    def child(self) -> "Context":
        """A context for one document (story) of the file: the same configuration, glossary, rules,
        tallies, metrics and per-window values, and fresh per-rule state and shared values."""
        return Context(self.config, self.glossary, self.rules_in_force, self.counters, self.stats, self.layout,
                       _window=self._window)

    def state(self, rule: "Rule") -> dict:
        """The state ``rule`` keeps for this document (a dict, empty at first)."""
        return self._states.setdefault(rule.code, {})

    def shared(self, factory, *args):
        """``factory(*args)`` made once for this document and shared by every rule that asks."""
        if factory not in self._shared:
            self._shared[factory] = factory(*args)
        return self._shared[factory]

    def start_window(self) -> None:
        """Forget what was computed for the previous window's segments (the engine calls this)."""
        self._window.clear()

    def non_english(self, seg: Segment) -> tuple[str, float] | None:
        """``(language, probability)`` when the whole segment is confidently not English, else None
        (see ``tqcheck.langid.non_english``); computed once per segment while its window is checked."""
        key = (seg.index, seg.text)
        if key not in self._window:
            from . import langid

            cfg = self.config
            if langid.examines(seg.text, cfg.langid_min_chars):
                self.tally("langid_examined", seg.index)
            self._window[key] = langid.non_english(seg.text, cfg.langid_min_chars, cfg.langid_min_prob)
        return self._window[key]

    def tally(self, key: str, item) -> None:
        """Note ``item`` (e.g. a segment number) under ``key``; the report counts distinct items, so
        that work done twice (in a worker and here) counts once."""
        self.counters.setdefault(key, set()).add(item)

    def merge_counters(self, counters: dict) -> None:
        """Add the tallies of another context (a worker's) to this one's."""
        for key, items in counters.items():
            self.counters.setdefault(key, set()).update(items)

    def score_window(self, window: Document) -> None:
        """Make sure the metric statistics of ``window`` are under way (the engine does this first)."""
        from . import metrics

        if self.stats is None:
            self.stats = metrics.StreamStats(self.config.tokenize)
        self.stats.add(window)

    def score_position(self, segment) -> int:
        """Where ``segment`` (of the window just scored) stands among the file's sentence scores."""
        return self.stats.position(segment) or 0 if self.stats is not None else 0

    def segment_chrf(self, start: int = 0) -> list[float]:
        """Sentence chrF of every segment, from position ``start`` on, against the references (after
        the last window)."""
        return self.stats.result().chrf[start:] if self.stats is not None else []

    def scored_chrf(self, start: int = 0) -> list[float]:
        """Sentence chrF of the segments already scored, from position ``start`` on (waits for nothing)."""
        return self.stats.scored("chrf", start) if self.stats is not None else []


class Rule:
    """Base class. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity]
    #: What the rule needs besides the translation: "references" and/or "source".
    needs: ClassVar[frozenset[str]] = frozenset()
    #: Opt-in rules are off unless named by code or name in ``select`` / ``extend-select``: their
    #: precision on real text is below what a default rule must reach (see the README's Accuracy).
    opt_in: ClassVar[bool] = False
    #: The data files (under rules/data/) the rule reads, for ``tqcheck rule CODE``.
    data_files: ClassVar[tuple[str, ...]] = ()
    #: The configuration keys that change what the rule reports, for ``tqcheck rule CODE``.
    options: ClassVar[tuple[str, ...]] = ()
    #: Whether ``tqcheck fix`` applies the rule's suggestions: "safe" (always), "unsafe" (only with
    #: --unsafe-fixes: the right text needs an editor's judgement), None (no mechanical fix).
    fix_safety: ClassVar[str | None] = None

    def __init__(self, severity: Severity | None = None) -> None:
        if severity is not None:
            self.severity = severity  # per-run override; the class default stays

    @classmethod
    def description(cls) -> str:
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else ""

    @classmethod
    def location(cls) -> tuple[str, int]:
        """``(file, line)`` where the rule's class is defined, the file relative to the package's parent
        (``tqcheck/rules/tq1xx_ordinals.py``)."""
        import inspect
        import os

        path = os.path.abspath(inspect.getsourcefile(cls) or "")
        base = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        lines, first = inspect.getsourcelines(cls)  # from the decorator
        offset = next((i for i, line in enumerate(lines) if line.lstrip().startswith("class ")), 0)
        return os.path.relpath(path, base).replace(os.sep, "/"), first + offset

    @classmethod
    def examples(cls) -> list[tuple[str, str]]:
        """``(kind, text)`` pairs from the docstring; kind is "Flag" or "Okay"."""
        out = []
        for line in (cls.__doc__ or "").splitlines():
            m = EXAMPLE_RE.match(line)
            if m:
                out.append((m.group(1), m.group(2)))
        return out

    def applies_to(self, doc: Document) -> bool:
        if "references" in self.needs and not doc.references:
            return False
        if "source" in self.needs and doc.source is None:
            return False
        return True

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(
        self,
        doc: Document,
        seg: Segment,
        start: int,
        end: int,
        message: str,
        suggestion: str | None = None,
        severity: Severity | None = None,
        category: str | None = None,
        fix_safety: str | None = None,
    ) -> Finding:
        """A finding for ``seg.text[start:end]`` (0-based offsets, end exclusive); ``fix_safety``
        overrides the rule's for this finding.

        Its line and columns are the segment's line and the offsets + 1, or, for a segment read
        from a structured file (``seg.origin``), where the span is in that file."""
        if not 0 <= start < end <= len(seg.text):
            raise ValueError(f"{self.code}: bad span {start}:{end} in segment {seg.index}")
        line, column, end_line, end_column = seg.line, start + 1, None, end + 1
        if seg.origin is not None:
            line, column, end_line, end_column = seg.origin.span(start, end)
        return Finding(
            rule=self.code,
            name=self.name,
            category=category or self.category,
            severity=severity or self.severity,
            path=doc.path,
            line=line,
            column=column,
            end_column=end_column,
            segment=seg.index,
            text=seg.text[start:end],
            message=message,
            suggestion=suggestion,
            end_line=end_line if end_line != line else None,
            offsets=(start, end) if seg.origin is not None else None,
            fix_safety=fix_safety,
        )


class SegmentRule(Rule):
    """A rule that looks at one segment at a time.

    ``requires``, when set, is a cheap pattern found in every segment the rule can report (a
    character each of its hits contains: a digit, a quote mark): a segment without it is passed
    over before ``check_segment`` runs."""

    requires: ClassVar[re.Pattern | None] = None

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        requires = self.requires
        for seg in doc.segments:
            if requires is None or requires.search(seg.text) is not None:
                yield from self.check_segment(doc, seg, ctx)

    def check_segment(self, doc: Document, seg: Segment, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError


class RegexRule(SegmentRule):
    """A segment rule driven by one compiled pattern.

    Subclasses set ``pattern`` and implement ``match`` returning
    ``(message, suggestion)`` for a hit, or None to let it pass. The span reported
    is the match's group ``span_group`` (default: the whole match), unless ``match``
    returns ``(message, suggestion, start, end)`` with offsets of its own.
    ``match_fix_safety`` may make one hit's fix safe (or unsafe) against the rule's ``fix_safety``.
    """

    pattern: ClassVar[re.Pattern]
    span_group: ClassVar[int | str] = 0

    def check_segment(self, doc: Document, seg: Segment, ctx: Context) -> Iterator[Finding]:
        for m in self.pattern.finditer(seg.text):
            verdict = self.match(m, seg)
            if verdict is None:
                continue
            if len(verdict) == 4:
                message, suggestion, start, end = verdict
            else:
                (message, suggestion), (start, end) = verdict, m.span(self.span_group)
            yield self.finding(doc, seg, start, end, message, suggestion, fix_safety=self.match_fix_safety(m))

    def match(self, m: re.Match, seg: Segment) -> tuple | None:
        raise NotImplementedError

    def match_fix_safety(self, m: re.Match) -> str | None:
        """The fix safety of this hit when it differs from the rule's (None: the rule's)."""
        return None


class DocumentRule(Rule):
    """A rule that needs more of a document than one segment (across paragraphs, whole-document statistics).

    The engine streams a document in windows of consecutive segments: ``feed(window, ctx)``
    is called for each, in order, and may yield the findings already certain;
    ``end(doc, ctx)`` is called once after the last window (``doc`` has the paths but
    no segments) and yields the rest. State lives in ``ctx`` (one Context per
    document): keep only what the check needs (numbers, names, the Segment objects
    of candidates; a file's report does not keep its segments, it reads back those
    its findings quote), never the references or source. ``check`` runs a whole
    in-memory document as one window.

    A file may hold several documents (stories): a ``per_document`` rule is fed each
    one on a fresh context and ended at its last segment; others see the whole file
    and may group by ``Segment.doc``.
    """

    #: Whether the rule works per document (story) of a file, which the engine then feeds on its own
    #: context and ends at each document boundary (``tqcheck.text.documents``); False: per file.
    per_document: ClassVar[bool] = True

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        yield from self.feed(doc, ctx)
        yield from self.end(doc, ctx)

    def feed(self, window: Document, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError

    def end(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        raise NotImplementedError


class CorpusRule(Rule):
    """A rule that sees every document of a run before it reports (checks across files).

    The engine calls ``observe(window, ctx)`` for each window of each document, in
    order, after the per-document rules; ``end_document(doc, ctx)`` after a document's
    last window; then ``finish()`` once, whose findings may concern any document (each
    Finding names its path). Keep only what the check needs from each document, not
    the documents themselves, so memory stays small. ``check`` is not used; a fresh
    instance serves each run.

    A rule that ``ships_state`` keeps what it learns from a document on ``ctx.state(self)``
    and returns it, compact and picklable, from ``end_document``; the engine then hands each
    document's state to ``merge`` in the main process, in input order. Such a rule lets the
    documents of a run be checked in other processes or machines (``--jobs``, ``--scheduler``);
    a corpus rule that does not keeps every document in the main process.
    """

    #: Whether ``end_document`` returns the document's state for ``merge`` (see above).
    ships_state = False

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        return ()

    def observe(self, window: Document, ctx: Context) -> None:
        raise NotImplementedError

    def end_document(self, doc: Document, ctx: Context) -> Any:
        """Called after a document's last window (``doc`` has its paths but no segments); a rule
        that ``ships_state`` returns the document's state."""

    def merge(self, state: Any, ctx: Context) -> None:
        """Add one document's state (``end_document``'s, perhaps from another process) to the run's;
        called in input order, in the main process, with a context of the run's configuration."""
        raise NotImplementedError

    def finish(self) -> Iterable[Finding]:
        raise NotImplementedError


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: validate the rule's metadata and add it to the registry."""
    for attr in ("code", "name", "category", "severity"):
        if not hasattr(cls, attr):
            raise RegistryError(f"{cls.__name__}: missing {attr}")
    if not CODE_RE.match(cls.code):
        raise RegistryError(f"{cls.__name__}: code {cls.code!r} is not TQ followed by three digits")
    if not NAME_RE.match(cls.name):
        raise RegistryError(f"{cls.__name__}: name {cls.name!r} is not kebab-case")
    if cls.category not in CATEGORIES:
        raise RegistryError(f"{cls.__name__}: unknown category {cls.category!r}")
    if not isinstance(cls.severity, Severity):
        raise RegistryError(f"{cls.__name__}: severity must be a Severity")
    if not cls.description():
        raise RegistryError(f"{cls.__name__}: needs a docstring whose first line describes it")
    for other in _REGISTRY.values():
        if other is cls:
            continue
        if other.code == cls.code:
            raise RegistryError(f"duplicate rule code {cls.code}: {other.__name__} and {cls.__name__}")
        if other.name == cls.name:
            raise RegistryError(f"duplicate rule name {cls.name}: {other.__name__} and {cls.__name__}")
    _REGISTRY[cls.code] = cls
    return cls


def registered() -> list[type[Rule]]:
    """The rule classes registered so far, sorted by code (``tqcheck.rules.all_rules`` imports them all)."""
    return [_REGISTRY[c] for c in sorted(_REGISTRY)]


def matches(cls: type[Rule], pattern: str) -> bool:
    """Whether ``pattern`` names ``cls``: a code or code prefix (``TQ2``), the rule's name, or a
    category prefix (``fluency``)."""
    p = pattern.strip()
    return bool(p) and (
        cls.code.startswith(p.upper()) or cls.name == p or cls.category.startswith(p)
    )
