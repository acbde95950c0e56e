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
import re
import tempfile
from dataclasses import dataclass, field
from typing import Callable, Iterable, Sequence

from .errors import InputError
from .model import Document, Finding, Report

MAX_PASSES = 10
SAFE, UNSAFE = "safe", "unsafe"
_LINE_END = re.compile(r"\r\n|\r|\n")
BOM = "\ufeff"


# -- planning (pure) -------------------------------------------------------------------------

def fix_safety(code: str) -> str | None:
    """The fix safety of rule ``code``: "safe", "unsafe", or None (no mechanical fix)."""
    from .rules import all_rules

    table = {cls.code: cls.fix_safety for cls in all_rules()}
    return table.get(code)


def fixable(f: Finding, unsafe: bool, safety: Callable[[str], str | None] = fix_safety) -> bool:
    """Whether ``f`` is fixed: it has a suggestion and its rule's fixes are safe (or ``unsafe`` allows them).

    A suggestion from a rule without a declared fix safety counts as unsafe."""
    if f.suggestion is None:
        return False
    return safety(f.rule) == SAFE or unsafe


@dataclass(frozen=True)
class Edit:
    """Replace ``text`` at ``line`` (1-based), code points ``start:end`` (0-based, end exclusive)."""

    line: int
    start: int
    end: int
    text: str
    replacement: str
    rule: str

    @classmethod
    def of(cls, f: Finding) -> "Edit":
        return cls(f.line, f.column - 1, f.end_column - 1, f.text, f.suggestion or "", f.rule)


def plan(findings: Iterable[Finding], unsafe: bool = False,
         safety: Callable[[str], str | None] = fix_safety) -> list[Edit]:
    """The edits of one pass: every fixable finding's, minus those overlapping one taken before
    (order: line, earliest start, longest span, rule code). Identical edits count once."""
    candidates = sorted({Edit.of(f) for f in findings if fixable(f, unsafe, safety)},
                        key=lambda e: (e.line, e.start, -(e.end - e.start), e.rule, e.replacement))
    taken: list[Edit] = []
    for e in candidates:
        if taken and taken[-1].line == e.line and e.start < taken[-1].end:
            continue  # overlaps the previous edit of the line: a later pass sees it again
        taken.append(e)
    return taken


# -- applying (pure) -------------------------------------------------------------------------

@dataclass
class FileText:
    """A text file as lines, each with its own line end, and whether it starts with a BOM."""

    lines: list[str]
    ends: list[str]
    bom: bool = False

    @classmethod
    def parse(cls, data: bytes, path: str) -> "FileText":
        from .io.text import decode_utf8

        text = decode_utf8(path, data)
        bom = text.startswith(BOM)
        text = text[1:] if bom else text
        lines, ends, pos = [], [], 0
        for m in _LINE_END.finditer(text):
            lines.append(text[pos:m.start()])
            ends.append(m.group())
            pos = m.end()
        lines.append(text[pos:])
        ends.append("")
        return cls(lines, ends, bom)

    def text(self) -> str:
        return (BOM if self.bom else "") + "".join(a + b for a, b in zip(self.lines, self.ends))

    def data(self) -> bytes:
        return self.text().encode("utf-8")

    def body(self) -> str:
        """The text as the readers see it (BOM dropped; line ends kept)."""
        return "".join(a + b for a, b in zip(self.lines, self.ends))


def apply(text: FileText, edits: Sequence[Edit]) -> tuple[FileText, list[Edit]]:
    """``text`` with ``edits`` applied (right to left in each line), and the edits applied: an edit
    whose span no longer holds its text (a stale finding) is skipped."""
    lines = list(text.lines)
    done = []
    for e in sorted(edits, key=lambda e: (e.line, e.start), reverse=True):
        i = e.line - 1
        if not 0 <= i < len(lines) or lines[i][e.start:e.end] != e.text:
            continue
        lines[i] = lines[i][:e.start] + e.replacement + lines[i][e.end:]
        done.append(e)
    return FileText(lines, list(text.ends), text.bom), done[::-1]


def empties_segment(text: FileText, e: Edit) -> bool:
    """Whether applying ``e`` leaves its line blank (the segment would disappear)."""
    line = text.lines[e.line - 1] if 0 < e.line <= len(text.lines) else ""
    return line[e.start:e.end] == e.text and not (line[:e.start] + e.replacement + line[e.end:]).strip()


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
    #: The format of a file fix does not edit (only plain text is fixed), else None.
    skipped: str | None = None

    @property
    def changed(self) -> bool:
        return self.skipped is None and self.before.data() != self.after.data()


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


def _recheck(path: str, text: FileText, header: Document, config, baseline):
    """The FileReport of ``text`` checked in memory with the references and source of ``header``."""
    from .engine import run
    from .io.inputs import align
    from .io.text import parse_text, read_document

    doc = parse_text(text.body(), path)
    for ref in header.references:
        rdoc = read_document(ref.path)
        align(doc, rdoc, "reference")
        doc.references.append(rdoc)
    if header.source is not None:
        sdoc = read_document(header.source.path)
        align(doc, sdoc, "source")
        doc.source = sdoc
    return run([doc], config, baseline=baseline).files[0]


def _held(findings: Iterable[Finding], current: FileText, aligned: bool, unsafe: bool,
          safety) -> list[tuple[Finding, str]]:
    """The findings left with a suggestion that was not applied, and why: "unsafe" (needs
    --unsafe-fixes) or "aligned" (it would remove a segment of an aligned file)."""
    out = []
    for f in findings:
        if f.suggestion is None:
            continue
        if not fixable(f, unsafe, safety):
            out.append((f, "unsafe"))
        elif aligned and empties_segment(current, Edit.of(f)):
            out.append((f, "aligned"))
    return out


def fix_report(report: Report, config, unsafe: bool = False, baseline=None,
               read: Callable[[str], bytes] | None = None,
               safety: Callable[[str], str | None] = fix_safety) -> FixResult:
    """Fix every file of ``report`` in memory (nothing is written): up to MAX_PASSES passes, each
    applying the non-overlapping fixable edits of the latest check of the file, then re-checking."""
    from .io.text import read_bytes

    read = read or read_bytes
    files, reports = [], []
    for fr in report.files:
        if fr.document.meta.get("format") not in (None, "text"):
            files.append(FileFix(fr.path, None, None, skipped=fr.document.meta["format"]))  # plain text only
            reports.append(fr)
            continue
        header = fr.document.header()
        aligned = _aligned(fr.document, config)
        current = FileText.parse(read(fr.path), fr.path)
        fixed = FileFix(fr.path, current, current)
        for _ in range(MAX_PASSES):
            edits = [e for e in plan(fr.findings, unsafe, safety) if not (aligned and empties_segment(current, e))]
            new, done = apply(current, edits)
            if not done:
                break
            fixed.applied.extend(done)
            fixed.passes += 1
            current = new
            fr = _recheck(fr.path, current, header, config, baseline)
        fixed.after = current
        fixed.held = _held(fr.findings, current, aligned, unsafe, safety)
        files.append(fixed)
        reports.append(fr)
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
        if f.skipped:
            lines.append(f"{f.path}: not fixed: fix edits plain-text files only ({f.skipped} is checked, not fixed)")
        for finding, why in f.held:
            if why == "aligned":
                lines.append(f"{f.path}:{finding.line}: {finding.rule} not fixed: deleting this line would misalign "
                             "the references/source; delete it in every aligned file")
    return lines
