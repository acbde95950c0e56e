"""Applying mechanical suggestions to the translation files (``tqcheck fix``, ``check --fix``).

Three parts, kept apart:

- planning (pure): which findings are fixable (``Rule.fix_safety``, ``--unsafe-fixes``) and which
  non-overlapping edits one pass applies (earliest start, then longest span, then rule code);
- applying (pure): edits to a file's text as lines with their own line ends, so nothing outside a
  flagged span changes (encoding UTF-8, byte-order mark, LF/CRLF/CR line ends are kept);
- the loop and the one place that writes: a pass re-checks the fixed text in memory and applies
  what is left, as ruff does, until nothing changes or ``MAX_PASSES``; files are replaced
  atomically (a temporary file in the same directory, renamed over it, with the file's mode).

A fix that would empty a segment (a scraping-debris line) in a file aligned with references, a
source or document ids is held back: the segment would disappear and the files would no longer
align; the report says so and the editor deletes the line in every aligned file.
"""
from __future__ import annotations

import os
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .errors import InputError
from .fixedit import Edit, FileText, apply, empties_segment, remove_lines
from .io.formats import STDIN
from .model import Document, Finding, Report

__all__ = ["Edit", "FileText", "apply", "fix_report", "fix_safety", "plan", "summary", "unified_diff", "write"]

MAX_PASSES = 10
SAFE, UNSAFE = "safe", "unsafe"


# -- planning (pure) -------------------------------------------------------------------------

def fix_safety(code: str) -> str | None:
    """The fix safety of rule ``code``: "safe", "unsafe", or None (no mechanical fix)."""
    from .rules import all_rules

    table = {cls.code: cls.fix_safety for cls in all_rules()}
    return table.get(code)


def fixable(f: Finding, unsafe: bool, safety: Callable[[str], str | None] = fix_safety) -> bool:
    """Whether ``f`` is fixed: it has a suggestion and its rule's fixes are safe (or ``unsafe`` allows them).

    A finding's own ``fix_safety`` comes before its rule's; a suggestion from a rule without a
    declared fix safety counts as unsafe."""
    if f.suggestion is None:
        return False
    return (f.fix_safety or safety(f.rule)) == SAFE or unsafe


def plan(findings: Iterable[Finding], unsafe: bool = False,
         safety: Callable[[str], str | None] = fix_safety, fmt: str | None = None) -> list[Edit]:
    """The edits of one pass: every fixable finding's, minus those overlapping one taken before
    (order: line, earliest start, longest span, rule code). Identical edits count once. A span
    over several lines of a structured file (``end_line``) is not edited."""
    candidates = sorted({Edit.of(f, fmt) for f in findings if fixable(f, unsafe, safety) and f.end_line is None},
                        key=lambda e: (e.line, e.start, -(e.end - e.start), e.rule, e.replacement))
    taken: list[Edit] = []
    for e in candidates:
        if taken and taken[-1].line == e.line and e.start < taken[-1].end:
            continue  # overlaps the previous edit of the line: a later pass sees it again
        taken.append(e)
    return taken


# -- applying (pure): tqcheck.fixedit ------------------------------------------------------

# -- the loop --------------------------------------------------------------------------------

@dataclass
class FileFix:
    """What fixing one file did: its text before and after, the edits applied (all passes),
    the fixes held back, and how many findings remain."""

    path: str
    before: FileText | None
    after: FileText | None
    applied: list[Edit] = field(default_factory=list)
    #: (finding, why) for fixes not applied: unsafe without --unsafe-fixes, or a segment it would remove.
    held: list[tuple[Finding, str]] = field(default_factory=list)
    passes: int = 0
    #: (finding, "path:line") for each aligned line removed with a debris segment of this file.
    removed: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.before.data() != self.after.data()


@dataclass
class FixResult:
    files: list[FileFix]
    #: The report of the fixed texts (what ``check`` says after the fix).
    report: Report

    @property
    def applied(self) -> int:
        return sum(len(f.applied) for f in self.files)

    @property
    def remaining(self) -> int:
        return self.report.findings

    @property
    def unsafe_available(self) -> int:
        return sum(1 for f in self.files for _, why in f.held if why == "unsafe")


def _aligned(doc: Document, config) -> bool:
    return bool(doc.references or doc.source is not None or getattr(config, "docids", None))


def _kind(fmt: str | None) -> str:
    return (fmt or "text").split()[0]


def _partners(header: Document) -> list[str]:
    """The paths of the files aligned with a translation: its references, then its source."""
    return [r.path for r in header.references] + ([header.source.path] if header.source is not None else [])


def _partner(path: str, partners: dict[str, "FileFix"]) -> Document:
    """An aligned file's Document: its fixed text when this fix changes it, else the file on disk."""
    from .io.text import parse_text, read_document

    return parse_text(partners[path].after.body(), path) if path in partners else read_document(path)


def _load(path: str, text: FileText, header: Document, fmt: str | None,
          partners: dict[str, FileFix] | None = None) -> Document:
    """The Document of ``text`` (the file at ``path``, fixed in memory) with its references and source."""
    from .io import formats
    from .io.inputs import align
    from .io.text import parse_text

    kind = _kind(fmt)
    if kind != "text":
        source = header.source.path if header.source is not None and kind not in formats.BILINGUAL else None
        return formats.load(path, kind, [r.path for r in header.references], source, data=text.data())
    doc = parse_text(text.body(), path)
    for ref in header.references:
        rdoc = _partner(ref.path, partners or {})
        align(doc, rdoc, "reference")
        doc.references.append(rdoc)
    if header.source is not None:
        doc.source = _partner(header.source.path, partners or {})
        align(doc, doc.source, "source")
    return doc


def _recheck(doc: Document, config, baseline):
    from .engine import run

    return run([doc], config, baseline=baseline).files[0]


def _empties(f: Finding, current: FileText, doc: Document | None) -> bool:
    """Whether ``f``'s fix leaves its segment blank (the segment would disappear)."""
    if doc is None:
        return empties_segment(current, Edit.of(f))
    if not 0 < f.segment <= len(doc.segments):
        return False
    text, (start, end) = doc.segments[f.segment - 1].text, f.text_span
    return not (text[:start] + (f.suggestion or "") + text[end:]).strip()


def _why_held(f: Finding, current: FileText, doc: Document | None, kind: str, aligned: bool,
              unsafe: bool, safety) -> str | None:
    """Why ``f``'s fix is not applied: "unsafe" (needs --unsafe-fixes), "lines" (its span crosses
    lines of a structured file), "structure" (it would empty a unit of a bilingual file),
    "aligned" (it would remove a segment of an aligned file); None: it is applied."""
    from .io.formats import BILINGUAL

    if not fixable(f, unsafe, safety):
        return "unsafe"
    if f.end_line is not None:
        return "lines"
    if (kind in BILINGUAL or aligned) and _empties(f, current, doc):
        return "structure" if kind in BILINGUAL else "aligned"
    return None


def _debris_everywhere(f: Finding, doc: Document) -> bool:
    """Whether the segment ``f`` would empty is debris in the source too (scraped with it), so that
    the segment goes from every aligned file."""
    from .text.sentences import is_debris_line

    if doc.source is None or not 0 < f.segment <= len(doc.source.segments):
        return False
    src = doc.source.segments[f.segment - 1].text.strip()
    return is_debris_line(src) or src == f.text.strip()


def _remove_segments(fixed: FileFix, current: FileText, doc: Document, findings: list[Finding],
                     read, partners: dict[str, FileFix]) -> FileText:
    """Remove the segments of ``findings`` from the translation and every file aligned with it."""
    where: dict[int, list[str]] = {id(f): [] for f in findings}
    for path in _partners(doc):
        aligned = next(d for d in [*doc.references, doc.source] if d is not None and d.path == path)
        old = partners[path].after if path in partners else FileText.parse(read(path), path)
        lines = [aligned.segments[f.segment - 1].line for f in findings]
        partners[path] = FileFix(path, partners[path].before if path in partners else old,
                                 remove_lines(old, lines))
        for f, line in zip(findings, lines):
            where[id(f)].append(f"{path}:{line}")
    fixed.removed.extend((f, ", ".join(where[id(f)])) for f in findings)
    fixed.applied.extend(Edit.of(f) for f in findings)
    return remove_lines(current, [f.line for f in findings])


def fix_report(report: Report, config, unsafe: bool = False, baseline=None,
               read: Callable[[str], bytes] | None = None,
               safety: Callable[[str], str | None] = fix_safety) -> FixResult:
    """Fix every file of ``report`` in memory (nothing is written): up to MAX_PASSES passes, each
    applying the non-overlapping fixable edits of the latest check of the file, then re-checking.

    A fix that would remove a segment of a plain-text file aligned with a source and references
    removes it from every aligned file when the source segment is debris too (the line was
    scraped with the article: ``source site-59`` in both); otherwise it is held back and the
    summary says to delete the line in every aligned file. Document ids (``--docids``) and
    references or sources shared by several translations of the run hold it back too."""
    from .io.text import read_bytes

    read = read or read_bytes
    uses = Counter(p for fr in report.files for p in _partners(fr.document))
    files, reports, partners = [], [], {}
    for fr in report.files:
        if fr.path == STDIN:
            raise InputError("-: standard input cannot be fixed (there is no file to write); "
                             "save it to a file and run fix on that")
        fmt = fr.document.meta.get("format")
        kind, header = _kind(fmt), fr.document.header()
        aligned = _aligned(fr.document, config)
        current = FileText.parse(read(fr.path), fr.path)
        fixed = FileFix(fr.path, current, current)
        doc = _load(fr.path, current, header, fmt, {}) if kind != "text" else None
        for _ in range(MAX_PASSES):
            todo = [f for f in fr.findings if _why_held(f, current, doc, kind, aligned, unsafe, safety) is None]
            new, done = apply(current, plan(todo, unsafe, safety, fmt))
            if not done:
                break
            fixed.applied.extend(done)
            fixed.passes += 1
            current = new
            doc = _load(fr.path, current, header, fmt)
            fr = _recheck(doc, config, baseline)
        held = [f for f in fr.findings if _why_held(f, current, None, kind, aligned, unsafe, safety) == "aligned"]
        if held and kind == "text" and not getattr(config, "docids", None) and all(uses[p] == 1 for p in _partners(header)):
            doc = doc if doc is not None else _load(fr.path, current, header, fmt, partners)
            gone = [f for f in held if _debris_everywhere(f, doc)]
            if gone:
                current = _remove_segments(fixed, current, doc, gone, read, partners)
                fr = _recheck(_load(fr.path, current, header, fmt, partners), config, baseline)
        fixed.after = current
        fixed.held = [(f, why) for f in fr.findings if f.suggestion is not None
                      for why in [_why_held(f, current, doc if kind != "text" else None, kind, aligned, unsafe,
                                            safety)] if why]
        files.append(fixed)
        reports.append(fr)
    files.extend(partners.values())
    return FixResult(files, Report(files=reports, version=report.version, baseline=report.baseline,
                                   rules=report.rules))


# -- output (the one place that writes files) ------------------------------------------------

def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` by ``data``: a temporary file in the same directory with the file's mode,
    renamed over it (a reader sees the old file or the new one, never half of one)."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        mode = os.stat(path).st_mode & 0o7777
        fd, tmp = tempfile.mkstemp(prefix=".tqcheck-fix-", dir=directory)
    except OSError as exc:
        raise InputError(f"{path}: cannot write the fixed file ({exc.strerror}); check the directory") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write(result: FixResult) -> int:
    """Write every changed file; the number of files written."""
    n = 0
    for f in result.files:
        if f.changed:
            write_atomic(f.path, f.after.data())
            n += 1
    return n


def _diff_lines(text: FileText) -> list[str]:
    """Lines with their ends for difflib; a last line without an end gets diff's marker."""
    out = [line + end for line, end in zip(text.lines, text.ends) if line + end]
    if out and not out[-1].endswith(("\n", "\r")):
        out[-1] += "\n\\ No newline at end of file\n"
    return out


def unified_diff(result: FixResult) -> str:
    """A unified diff of every changed file (line ends shown as the file has them)."""
    import difflib

    out = []
    for f in result.files:
        if not f.changed:
            continue
        out.extend(difflib.unified_diff(_diff_lines(f.before), _diff_lines(f.after), f.path, f.path))
    return "".join(out)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(result: FixResult, dry: bool = False) -> list[str]:
    """Lines for stderr: fixes applied (or that would be), findings remaining, fixes held back and why."""
    files = sum(1 for f in result.files if f.changed)
    verb = "would fix" if dry else "fixed"
    lines = [f"{verb} {_n(result.applied, 'finding')} in {_n(files, 'file')}; "
             f"{_n(result.remaining, 'finding')} {'would ' if dry else ''}remain"]
    if result.unsafe_available:
        lines.append(f"{result.unsafe_available} more fixable with --unsafe-fixes (they need an editor's judgement)")
    for f in result.files:
        for finding, where in f.removed:
            lines.append(f"{f.path}:{finding.line}: {finding.rule} {'would remove' if dry else 'removed'} this "
                         f"debris segment, and its aligned lines {where}")
        for finding, why in f.held:
            if why in _HELD:
                lines.append(f"{f.path}:{finding.line}: {finding.rule} not fixed: {_HELD[why]}")
    return lines


_HELD = {
    "aligned": "deleting this line would misalign the references/source; delete it in every aligned file",
    "structure": "it would leave the unit without a translation; delete or retranslate the unit",
    "lines": "its text runs over several lines of the file; fix it by hand",
}
