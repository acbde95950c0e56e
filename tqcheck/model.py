"""Plain records that flow from the readers through the engine to the formatters.

No I/O here and no heavy imports: everything is a dataclass or an enum.
"""
from __future__ import annotations

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
class Segment:
    """One non-empty line of a file.

    ``index`` is the 1-based segment number (blank lines do not count);
    ``line`` is the 1-based physical line in the file; ``doc`` the 1-based number of
    the document (story) of the file it belongs to (see ``tqcheck.text.documents``).
    """

    index: int
    line: int
    text: str
    doc: int = 1

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

    @property
    def words(self) -> int:
        return sum(s.words for s in self.segments)

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
                           Document(self.source.path, self.source.segments[part]) if self.source else None)


@dataclass(frozen=True)
class Finding:
    """One problem found in a translation: what, where, why, and the fix when mechanical.

    ``line`` is the 1-based physical line; ``column`` and ``end_column`` are 1-based
    Unicode code-point columns, ``end_column`` exclusive. ``suggestion`` is the
    replacement text for the span (``""`` means delete it), or None when the fix
    is not mechanical.
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

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.end_column)

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
