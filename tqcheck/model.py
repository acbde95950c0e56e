"""Plain records that flow from the readers through the engine to the formatters.

No I/O here and no heavy imports: everything is a dataclass or an enum.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterator


class Severity(str, Enum):
    """MQM severity levels, with the weights the score uses."""

    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def weight(self) -> int:
        return _WEIGHTS[self]

    @property
    def rank(self) -> int:
        return _RANKS[self]


_WEIGHTS = {Severity.MINOR: 1, Severity.MAJOR: 5, Severity.CRITICAL: 25}


def weights_legend(sep: str = ", ") -> str:
    """The severity weights as text, for reports: "minor 1, major 5, critical 25"."""
    return sep.join(f"{s.value} {s.weight}" for s in Severity)
_RANKS = {Severity.MINOR: 0, Severity.MAJOR: 1, Severity.CRITICAL: 2}

#: The MQM categories a finding may carry (issue #2 fixes this list).
CATEGORIES = (
    "accuracy/untranslated",
    "accuracy/mistranslation",
    "accuracy/omission",
    "accuracy/addition",
    "fluency/punctuation",
    "fluency/spelling",
    "fluency/grammar",
    "terminology/inconsistent",
    "terminology/wrong-term",
    "locale/number-format",
    "locale/date-time-format",
    "style/unidiomatic",
    "other/markup",
)


@dataclass(frozen=True)
class Origin:
    """Where each character of a segment's text is in the file it was read from, as compact runs.

    ``runs`` holds ``(offset, line, column, width)`` tuples sorted by ``offset`` (0-based, into the
    text); ``line`` and ``column`` are 1-based, in the file. ``width`` 0: the text from ``offset`` up
    to the next run is copied from the file one character per column, starting at line:column.
    ``width`` > 0: the run is one character of text written as ``width`` characters in the file (an
    entity such as ``&amp;``, an escape such as ``\\n``, a line break folded into a space, inline
    code standing as one placeholder character).
    """

    runs: tuple[tuple[int, int, int, int], ...]

    def _run(self, offset: int) -> tuple[int, int, int, int]:
        i = bisect_right(self.runs, offset, key=lambda r: r[0]) - 1
        return self.runs[max(i, 0)]

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` in the file of the text character at ``offset``."""
        start, line, column, width = self._run(offset)
        return line, column + (0 if width else offset - start)

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """``(line, column, end_line, end_column)`` in the file of ``text[start:end]`` (``end`` > ``start``),
        ``end_column`` exclusive: just after the file characters of the span's last character."""
        line, column = self.position(start)
        last, end_line, end_column, width = self._run(end - 1)
        return line, column, end_line, end_column + (width if width else end - 1 - last + 1)


@dataclass(frozen=True)
class Mark:
    """A tag or placeholder of a segment, read from the file's markup (see ``Segment.markup``).

    ``kind`` is "tag" (inline markup the text does not show: an XLIFF ``<g>``, an HTML ``<b>``, a
    Markdown link) or "placeholder" (``%s``, ``{count}``, an XLIFF ``<x/>``); ``name`` is what source
    and target must share ("g#1", "/g#1" for its end, "%(name)s", "a", "/a"); ``start``/``end``
    the 0-based span in the text it stands at (a tag the text does not show is empty there);
    ``ordered``: its order among the other ordered marks matters (positional ``%s`` placeholders).
    """

    kind: str
    name: str
    start: int
    end: int
    ordered: bool = False


@dataclass(frozen=True)
class Suppression:
    """An inline ``tqcheck: disable`` (``ignore``) directive read from a file: the rule patterns it
    names (empty: every rule) and the lines ``first``..``last`` of the file it covers; ``line`` and
    ``column`` are where the directive is written, ``text`` the directive itself."""

    rules: tuple[str, ...]
    first: int
    last: int
    line: int
    column: int
    text: str


@dataclass(frozen=True)
class Segment:
    """One non-empty line of a file, or one text unit (paragraph, heading, target) of a structured file.

    ``index`` is the 1-based segment number (blank lines do not count);
    ``line`` is the 1-based physical line in the file; ``doc`` the 1-based number of
    the document (story) of the file it belongs to (see ``tqcheck.text.documents``).
    Readers of structured formats (``tqcheck.io.formats``) also set ``origin``, where each
    character of the text is in the file (None: the text is the line, from column 1),
    ``markup``, the tags and placeholders of the unit (Marks), and ``context``, what the
    unit is in the file (an XLIFF unit id, a PO msgctxt, a heading) for the report.
    """

    index: int
    line: int
    text: str
    doc: int = 1
    markup: tuple[Mark, ...] = ()
    origin: Origin | None = None
    context: str = ""

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Document:
    """A translation, with its aligned references and source when given."""

    path: str
    segments: list[Segment]
    references: list["Document"] = field(default_factory=list)
    source: "Document | None" = None
    #: Inline suppressions read from the file (structured formats), applied when the engine finalises.
    suppressions: list[Suppression] = field(default_factory=list)
    #: What the reader counted and left out: {"format": "xliff", "skipped": {"untranslated": 3}}.
    meta: dict = field(default_factory=dict)

    @property
    def words(self) -> int:
        counted = getattr(self.segments, "words", None)  # segments not held count their words as they pass
        return sum(s.words for s in self.segments) if counted is None else counted

    def reference_texts(self, i: int) -> list[str]:
        """The reference texts aligned with segment position ``i`` (0-based)."""
        return [ref.segments[i].text for ref in self.references]

    def header(self) -> "Document":
        """The document without its segments: the paths a report names."""
        return Document(self.path, [], [Document(r.path, []) for r in self.references],
                        Document(self.source.path, []) if self.source else None)

    def windows(self, size: int | None = None) -> "Iterator[Document]":
        """The document as consecutive aligned windows of up to ``size`` segments (all: itself)."""
        n = len(self.segments)
        if not size or n <= size:
            yield self
            return
        for a in range(0, n, size):
            part = slice(a, a + size)
            yield Document(self.path, self.segments[part], [Document(r.path, r.segments[part]) for r in self.references],
                           Document(self.source.path, self.source.segments[part]) if self.source else None,
                           self.suppressions, self.meta)


@dataclass(frozen=True)
class Finding:
    """One problem found in a translation: what, where, why, and the fix when mechanical.

    ``line`` is the 1-based physical line; ``column`` and ``end_column`` are 1-based
    Unicode code-point columns, ``end_column`` exclusive. ``suggestion`` is the
    replacement text for the span (``""`` means delete it), or None when the fix
    is not mechanical.

    In a structured file (XLIFF, PO, TMX, Markdown, HTML) line and columns are in the
    file as it is on disk; a span that crosses lines ends at ``end_line`` (None: on
    ``line``), and ``offsets`` keeps the span's 0-based offsets in the segment's text
    (``text_span``), which plain text needs not (there they are ``column - 1``, ``end_column - 1``).
    """

    rule: str
    name: str
    category: str
    severity: Severity
    path: str
    line: int
    column: int
    end_column: int
    segment: int
    text: str
    message: str
    suggestion: str | None = None
    end_line: int | None = None
    offsets: tuple[int, int] | None = None
    fix_safety: str | None = None

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_column)

    @property
    def text_span(self) -> tuple[int, int]:
        """The 0-based span of the finding in its segment's text."""
        return self.offsets if self.offsets is not None else (self.column - 1, self.end_column - 1)

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "line": self.line,
            "column": self.column,
            "end_column": self.end_column,
            "segment": self.segment,
            "text": self.text,
            "message": self.message,
            "suggestion": self.suggestion,
            **({"end_line": self.end_line} if self.end_line is not None and self.end_line != self.line else {}),
        }


@dataclass(frozen=True)
class MetricScore:
    """A corpus-level sacrebleu score with its signature."""

    name: str
    score: float
    signature: str


@dataclass(frozen=True)
class DiffOp:
    """One difflib opcode over whitespace tokens: translation vs reference."""

    op: str  # equal | replace | delete | insert
    mt: tuple[str, ...]
    ref: tuple[str, ...]


@dataclass(frozen=True)
class SegmentDiff:
    """A segment scored against its reference, with a word-level diff."""

    segment: int
    line: int
    chrf: float
    ops: tuple[DiffOp, ...]


@dataclass(frozen=True)
class SegmentMetrics:
    """Sentence-level chrF and BLEU (sacrebleu) of one segment against its references."""

    segment: int
    line: int
    chrf: float
    bleu: float


@dataclass(frozen=True)
class Score:
    """MQM-style score: quality = 100 * (1 - penalty / words), floored at 0."""

    penalty: float
    words: int
    quality: float
    threshold: float
    critical: int
    passed: bool
    #: The lowest severity that fails the file on its own (None: only the threshold decides),
    #: and how many findings are at or above it.
    fail_on: str | None = "critical"
    blocking: int = 0

    def as_dict(self) -> dict:
        return {
            "penalty": self.penalty,
            "words": self.words,
            "quality": self.quality,
            "threshold": self.threshold,
            "passed": self.passed,
        }


@dataclass
class FileReport:
    """Everything the engine found out about one translation file.

    ``score`` is None only while the engine is still checking (it finalises every
    file report of a run once, after the corpus rules).
    """

    document: Document
    findings: list[Finding]
    score: Score | None
    metrics: dict[str, MetricScore] | None = None
    worst: list[SegmentDiff] = field(default_factory=list)
    langid_examined: int = 0
    #: Per-segment chrF and BLEU when references are given (None otherwise), with their signatures.
    segments_metrics: list[SegmentMetrics] | None = None
    segments_signatures: dict[str, str] | None = None
    #: The baseline fingerprint of each finding, in order (set when the engine finalises).
    fingerprints: list[str] = field(default_factory=list)
    #: What a line of the file is and how its documents were found: {"lines", "documents", "count"}.
    layout: dict | None = None
    #: rule code -> findings left out of the report because one rule reported more than
    #: engine.MAX_FINDINGS_PER_SEGMENT in one segment (empty when none were).
    capped: dict[str, int] = field(default_factory=dict)
    #: Findings that inline suppressions in the file (``tqcheck: disable``) removed.
    suppressed: int = 0

    @property
    def path(self) -> str:
        return self.document.path

    def occurrence_fingerprints(self) -> list[str]:
        """One distinct, stable hash per finding: its fingerprint and its occurrence number
        (for formats that track findings one by one: SARIF ``partialFingerprints``, GitLab)."""
        import hashlib

        seen: dict[str, int] = {}
        out = []
        for fp in self.fingerprints:
            seen[fp] = seen.get(fp, 0) + 1
            out.append(hashlib.sha256(f"{fp}:{seen[fp]}".encode()).hexdigest())
        return out


@dataclass
class Report:
    """The result of one run over one or more files."""

    files: list[FileReport]
    version: str
    #: Set when a baseline filtered the findings: {"suppressed": N, "unmatched": M}.
    baseline: dict | None = None
    #: The codes of the rules in force for this run.
    rules: tuple[str, ...] = ()

    @property
    def findings(self) -> int:
        return sum(len(f.findings) for f in self.files)

    @property
    def passed(self) -> bool:
        return all(f.score.passed for f in self.files)
