"""TQ851-TQ859: tags and placeholders, and the file's own suppressions (markup in the TQ8xx family).

The readers of structured formats (tqcheck.io: XLIFF, PO, TMX, Markdown, HTML) give each
segment its markup (``Segment.markup``: inline tags and placeholders, as Marks); these rules
compare the translation's with its source's, as pofilter's ``xmltags`` and ``printf`` checks and
Xbench's tag mismatch do. Plain text has no markup: they find nothing there.

Examples use the notation of tqcheck.registry, behind a format prefix: ``xliff:`` (XLIFF 1.2
inline elements), ``po:`` (placeholders in message text), ``markdown:``.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..model import Document, Finding, Mark, Segment, Severity
from ..registry import Context, SegmentRule, register


def _pairs(doc: Document) -> Iterator[tuple[Segment, Segment]]:
    for seg, src in zip(doc.segments, doc.source.segments):
        if seg.markup or src.markup:
            yield seg, src


def _describe(mark: Mark) -> str:
    return f"placeholder {mark.name}" if mark.kind == "placeholder" else f"tag <{mark.name}>"


def _span(seg: Segment, mark: Mark) -> tuple[int, int]:
    """Where to report ``mark``: its own span, else the character beside the empty place it stands at."""
    if mark.end > mark.start:
        return mark.start, mark.end
    if mark.start < len(seg.text):
        return mark.start, mark.start + 1
    return len(seg.text) - 1, len(seg.text)


def _whole(seg: Segment) -> tuple[int, int]:
    text = seg.text
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


class _MarkupRule(SegmentRule):
    needs = frozenset({"source"})
    category = "other/markup"

    def check(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        for seg, src in _pairs(doc):
            yield from self.compare(doc, seg, src)

    def compare(self, doc: Document, seg: Segment, src: Segment) -> Iterator[Finding]:
        raise NotImplementedError


@register
class MissingMarkup(_MarkupRule):
    """A tag or placeholder of the source missing from the translation (pofilter xmltags/printf, Xbench tag mismatch).

    A lost placeholder breaks the message at run time ("%s", "{count}"); a lost tag loses a
    link, emphasis or formatting of the source.

    Flag: xliff: Click here to read the report. <<< Cliquez <g id="1">ici</g> pour lire le rapport.
    Flag: po: The file was deleted. <<< Le fichier %s a été supprimé.
    Okay: xliff: Click <g id="1">here</g> to read the report. <<< Cliquez <g id="1">ici</g> pour lire le rapport.
    Okay: po: The file %s was deleted. <<< Le fichier %s a été supprimé.
    """

    code, name, severity = "TQ851", "missing-markup", Severity.MAJOR

    def compare(self, doc, seg, src):
        have = Counter(m.name for m in seg.markup)
        want = Counter(m.name for m in src.markup)
        missing = [m for m in src.markup if want[m.name] > have[m.name] and not want.subtract([m.name])]
        if missing:
            start, end = _whole(seg)
            what = ", ".join(dict.fromkeys(_describe(m) for m in missing))
            yield self.finding(doc, seg, start, end,
                               f"the source's {what} {'is' if len(missing) == 1 else 'are'} missing from the "
                               "translation; keep every tag and placeholder of the source")


@register
class ExtraMarkup(_MarkupRule):
    """A tag or placeholder in the translation that its source does not have.

    An added placeholder is filled with nothing (or crashes the formatting); an added tag
    formats text the source did not.

    Flag: xliff: Click <x id="2"/> <g id="1">here</g>. <<< Cliquez <g id="1">ici</g>.
    Flag: po: The file %s was deleted by %s. <<< Le fichier %s a été supprimé.
    Okay: xliff: Click <g id="1">here</g>. <<< Cliquez <g id="1">ici</g>.
    Okay: po: %d files <<< %d fichiers
    """

    code, name, severity = "TQ852", "extra-markup", Severity.MAJOR

    def compare(self, doc, seg, src):
        want = Counter(m.name for m in src.markup)
        seen: Counter = Counter()
        for mark in seg.markup:
            seen[mark.name] += 1
            if seen[mark.name] > want[mark.name]:
                start, end = _span(seg, mark)
                yield self.finding(doc, seg, start, end,
                                   f"{_describe(mark)} is not in the source; remove it or check the source's "
                                   "markup", "" if mark.end > mark.start else None)


def _nesting_error(marks: tuple[Mark, ...]) -> Mark | None:
    """The first closing tag without its opening one before it, or closing across another pair."""
    stack: list[str] = []
    opened = {m.name for m in marks if m.kind == "tag" and not m.name.startswith("/")}
    for m in marks:
        if m.kind != "tag":
            continue
        if m.name.startswith("/"):
            if m.name[1:] not in opened:
                continue  # a lone boundary (an <ex/> whose <bx/> is elsewhere): nothing to pair
            if not stack or stack[-1] != m.name[1:]:
                return m
            stack.pop()
        elif "/" + m.name in {x.name for x in marks}:
            stack.append(m.name)
    return None


@register
class MarkupOrder(_MarkupRule):
    """Tags closed before they open or across each other, or positional placeholders (%s, %d) reordered.

    Positional printf placeholders are filled in order: swapping them swaps the values (name
    them, ``%(name)s``, or number them, ``%1$s``, to reorder). Named placeholders and tags may
    move with the words; a closing tag may not come before its opening one.

    Flag: po: %s files in %d folders <<< %d fichiers dans %s dossiers
    Flag: xliff: <ex rid="1"/>Click here<bx rid="1"/>. <<< <bx rid="1"/>Cliquez ici<ex rid="1"/>.
    Okay: po: %(n)s files in %(m)s folders <<< %(m)s dossiers contenant %(n)s fichiers
    Okay: xliff: The <g id="2">red</g> <g id="1">car</g> <<< La <g id="1">voiture</g> <g id="2">rouge</g>
    """

    code, name, severity = "TQ853", "markup-order", Severity.MINOR

    def compare(self, doc, seg, src):
        mine = [m for m in seg.markup if m.ordered]
        theirs = [m for m in src.markup if m.ordered]
        if Counter(m.name for m in mine) == Counter(m.name for m in theirs):
            for a, b in zip(mine, theirs):
                if a.name != b.name:
                    start, end = _span(seg, a)
                    yield self.finding(doc, seg, start, end,
                                       f"positional placeholders in another order than the source's "
                                       f"({' '.join(m.name for m in theirs)}); the values would be swapped: keep "
                                       "the order or number them (%1$s)")
                    break
        if _nesting_error(src.markup) is None:
            bad = _nesting_error(seg.markup)
            if bad is not None:
                start, end = _span(seg, bad)
                yield self.finding(doc, seg, start, end,
                                   f"tag <{bad.name}> closes a pair that is not open there; the tags of the "
                                   "source must stay paired and nested")


@register
class UnusedSuppression(SegmentRule):
    """An inline tqcheck: disable or ignore directive that suppresses no finding (as flake8's unused noqa).

    A stale directive hides the next real problem on its lines; delete it or name the rule it
    is meant for. The engine reports it when it applies the file's suppressions.

    Flag: markdown: <!-- tqcheck: disable-next-line TQ301 -->\\nA clean sentence.
    Okay: markdown: A clean sentence.
    """

    code, name, category, severity = "TQ859", "unused-suppression", "other/markup", Severity.MINOR

    def check(self, doc: Document, ctx: Context):
        return ()
