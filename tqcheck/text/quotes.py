r"""Double quote marks: a walker that pairs them across segments, and punctuation debris around them.

``QuoteWalker`` keeps a stack of open quotations, carried from one segment (paragraph)
to the next for the English convention that a quotation running over several
paragraphs leaves each earlier paragraph unclosed and reopens the next with “. Each
mark's role (opening or closing) is read from its context first: after the start of
the line, a space or an opening bracket and before a word it opens; after a word and
before a space, punctuation or the end of the line it closes. A mark whose context
says neither ("” All over”" at the start, "word“word") takes its role from the stack.
Apostrophes (’ ') and single quotes (‘ ’) are never counted: ’ is also the apostrophe,
so single quotes cannot be balanced reliably. Issues carry the code of the rule
(TQ201-TQ203) that reports them.

The walker skips the quote marks inside debris spans (``debris_spans``: ". “," is
reported once, as debris, and closes the quotation it ends) and inside mojibake
("â€“" contains “).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Segment
from .mojibake import mojibake_spans
from .punctuation import DOUBLE_QUOTES
from .sentences import ends_with_abbreviation

#: Characters after which a quote mark stands where a quotation opens.
_OPEN_BEFORE = frozenset("([{—–“‘«/")
#: Characters before which a quote mark stands where a quotation closes.
_CLOSE_AFTER = frozenset(".,;:!?)]}—–…”’»")
_DASHES = "—–-"

OPENER, CLOSER, FREE, GLUED = "opener", "closer", "free", "glued"
OPEN, CLOSE, STRAY = "open", "close", "stray"


class Issue(NamedTuple):
    code: str
    seg: Segment
    start: int
    end: int
    message: str
    suggestion: str | None
    #: The fix is certain (``Finding.fix_safety`` "safe"): the mark is curly, its shape or its
    #: place in the segment says which way it faces, and nothing about it says the other way.
    safe: bool = False


# --------------------------------------------------------------------------- TQ204 debris


class Debris(NamedTuple):
    start: int
    end: int
    quote: int  # offset of the quote mark inside the debris; it closes a quotation
    suggestion: str
    message: str


_DEBRIS = re.compile(
    # ". “," ".”," ",”," ". ” ." : punctuation on both sides of one quote mark
    r"(?P<a>(?P<a1>[.,;])[ \u00a0]?(?P<aq>[“”\"])[ \u00a0]?(?P<a2>[.,]))(?=\s|$)"
    # "”,." "”.," ",,": two marks after a closing quote
    r"|(?P<b>(?P<bq>[“”\"])(?P<b2>[.,]{2,}))(?=\s|$)"
    # "word “," "word “." : a spaced opening quote closing, with the comma or full stop outside
    r"|(?P<c>(?<=[^\s(\[{“”\"‘«])[ \u00a0](?P<cq>“)(?P<c2>[.,]))(?=\s|$)"
    # "word“." ending the paragraph ("word“, and" or "word“. Then" is only TQ202's)
    r"|(?P<d>(?<=[^\s(\[{“”\"‘«])(?P<dq>“)(?P<d2>\.))$"
)


_SPACED_ELLIPSIS = re.compile(r"\.(?:[ \u00a0]\.){2}")


def debris_spans(text: str) -> list[Debris]:
    """Punctuation debris around quote marks in ``text`` (TQ204's findings)."""
    out: list[Debris] = []
    if '"' not in text and "“" not in text and "”" not in text:
        return out  # every kind of debris has a quote mark: most segments have none
    for m in _DEBRIS.finditer(text):
        if text.startswith(".", m.end()) or _SPACED_ELLIPSIS.match(text, m.end() - 1):
            continue  # 'he said, “. . . and then': an ellipsis opens the quotation
        if m.group("a"):
            if m.group("a1") == "." and ends_with_abbreviation(text[: m.start("a1") + 1]):
                continue  # 'the U.S.”,' is the comma outside, not debris
            quote, last = m.group("aq"), m.group("a2")
            q = m.start("aq")
        elif m.group("b"):
            run = m.group("b2")
            if set(run) == {"."}:
                continue  # an ellipsis after the quote
            quote, last, q = m.group("bq"), run[-1], m.start("bq")
        elif m.group("c"):
            quote, last, q = "“", m.group("c2"), m.start("cq")
        else:
            quote, last, q = "“", m.group("d2"), m.start("dq")
        closing = '"' if quote == '"' else "”"
        suggestion = last + closing
        span = m.group(0)
        what = "comma" if last == "," else "full stop"
        out.append(Debris(
            m.start(), m.end(), q, suggestion,
            f"punctuation debris around a quote mark: '{span}'; English closes the quotation with "
            f"one {what} inside the closing quote: '{suggestion}'",
        ))
    return out


# --------------------------------------------------------------------------- the walker


@dataclass
class _Open:
    seg: Segment
    pos: int


def _position(text: str, i: int) -> str:
    prev = text[i - 1] if i else None
    nxt = text[i + 1] if i + 1 < len(text) else None
    left_open = prev is None or prev.isspace() or prev in _OPEN_BEFORE
    right_close = nxt is None or nxt.isspace() or nxt in _CLOSE_AFTER
    if left_open and right_close:
        return FREE
    if left_open:
        return OPENER
    if right_close:
        return CLOSER
    return GLUED


def _space_after(text: str, i: int) -> tuple[int, int] | None:
    """The run of spaces right after ``text[i]``, when a word follows it."""
    j = i + 1
    while j < len(text) and text[j].isspace():
        j += 1
    if j == i + 1 or j == len(text) or text[j] in DOUBLE_QUOTES:
        return None
    return i + 1, j


def _space_before(text: str, i: int) -> tuple[int, int] | None:
    """The run of spaces right before ``text[i]``, when a word precedes it."""
    j = i
    while j > 0 and text[j - 1].isspace():
        j -= 1
    if j == i or j == 0 or text[j - 1] in DOUBLE_QUOTES or text[j - 1] in _DASHES:
        return None  # an interrupted quotation ("We will —” he said) keeps its dash spacing
    return j, i


def _inch_marks(text: str, marks: list[int]) -> set[int]:
    """Straight quotes that are inch marks (a 27" screen, 6'2"): after a digit, where no
    straight quotation is open, or wherever they upset the parity."""
    def after_digit(i: int) -> bool:
        return i > 0 and text[i - 1].isdigit() and (i + 1 == len(text) or not text[i + 1].isalnum())

    inches, open_ = set(), False
    for i in marks:
        if text[i] != '"':
            continue
        if not open_ and after_digit(i):
            inches.add(i)
        else:
            open_ = not open_
    if open_:
        inches |= {i for i in marks if text[i] == '"' and after_digit(i)}
    return inches


def _straight_clearly_paired(text: str, straight: list[int], carried: bool) -> bool:
    """Whether the straight quotes of a segment pair up unambiguously: even in number,
    none carried over, and no opener in closing position nor closer in opening position."""
    if carried or len(straight) % 2:
        return False
    for k, i in enumerate(straight):
        pos = _position(text, i)
        if (k % 2 == 0 and pos == CLOSER) or (k % 2 == 1 and pos == OPENER):
            return False
    return True


_UNCLOSED = (
    "opening quote never closed: no closing ” in this paragraph, and the next paragraph does "
    "not reopen with “ as English does when a quotation runs on"
)
_STRAY = "closing quote with no opening quote before it in this paragraph"
_REVERSED_OPEN = "closing quote mark ” used to open a quotation; English opens with “"
_REVERSED_CLOSE = "opening quote mark “ used to close a quotation; English closes with ”"
_SPACE_IN_OPEN = (
    "space just inside the opening quote; English sets quote marks tight against the quoted "
    "words (French typography spaces them)"
)
_SPACE_IN_CLOSE = (
    "space just inside the closing quote; English sets quote marks tight against the quoted "
    "words (French typography spaces them)"
)


#: A straight double quote inside a possessive stands for an apostrophe: investors" spotlight (a stray
#: closing mark), Kepler"s school (glued to the s, it would open a quotation).
_PLURAL_POSSESSIVE = re.compile(r'(?<=[^\W\d_]s)"(?= [^\W\d_])')
_POSSESSIVE_S = re.compile(r'(?<=[^\W\d_])"(?=s\b)')


def _for_apostrophe(text: str, i: int, stray: bool) -> tuple[str, str] | None:
    """The message and the fix when the straight double quote at ``i``, outside any quotation (a stray
    closing mark, or one glued between a word and its s), is typed for an apostrophe, else None."""
    if not (_POSSESSIVE_S.match(text, i) or (stray and _PLURAL_POSSESSIVE.match(text, i))):
        return None
    start = i
    while start and (text[start - 1].isalpha() or text[start - 1] in "-'’"):
        start -= 1
    end = i + 1 + (text[i + 1:i + 2] == "s")
    word = text[start:end]
    return f"double quote typed for an apostrophe: write {word.replace(chr(34), chr(39))}, not {word}", "'"


#: A colon right before a quote mark introduces a quotation ('wrote: "Barack…'): the mark opens one.
_INTRODUCED = re.compile(r":\s+$")

_MARK_RE = re.compile("[" + re.escape(DOUBLE_QUOTES) + "]")

#: A segment with more double quote marks than this is not prose and is not walked.
MAX_MARKS = 2000


def _sure_role(text: str, i: int) -> str | None:
    """The role the place of the mark at ``i`` alone gives: OPEN at the start of a segment or
    glued to the word after it, CLOSE at the end or glued to the word before it, else None."""
    if not text[:i].strip() and text[i + 1:].strip():
        return OPEN
    if not text[i + 1:].strip() and text[:i].strip():
        return CLOSE
    return {OPENER: OPEN, CLOSER: CLOSE}.get(_position(text, i))


def certain(text: str, i: int, role: str) -> bool:
    """Whether the reading of the curly mark at ``i`` as ``role`` (OPEN/CLOSE) is certain enough to
    fix without an editor: its place does not say otherwise, and its shape or its place agrees.
    Straight quotes never are (which of a pair opens is a guess)."""
    if text[i] not in "“”":
        return False
    sure = _sure_role(text, i)
    if sure is not None and sure != role:
        return False
    return (text[i] == "“") == (role == OPEN) or sure == role


class QuoteWalker:
    """TQ201-TQ203 issues, in one pass over the quote marks of a document fed segment by segment.

    Open quotations are carried from one segment to the next; whether a segment that
    ends inside one leaves it unclosed depends on the next segment (does it reopen
    with a quote mark?), so that verdict waits for the next segment, or ``end()``.

    With ``sentences`` (a file with one sentence per line), a quotation may go on over
    the next lines without being reopened, as it does within a paragraph: it is unclosed
    only when no later line of the document closes it within ``carry`` lines.
    """

    def __init__(self, sentences: bool = False, carry: int = 8) -> None:
        self.stack: list[_Open] = []
        self.reopen = False  # the previous segment ended inside a quotation and this one reopens it
        self._open_at_end = False  # the last segment fed ended inside a quotation: verdict pending
        self.sentences = sentences
        self.carry = carry
        self._carried = 0  # sentence lines the open quotations have run over

    def feed(self, segments) -> list[Issue]:
        issues: list[Issue] = []
        for seg in segments:
            self._settle(seg.text, issues)
            self._walk(seg, issues)
        return issues

    def end(self) -> list[Issue]:
        issues: list[Issue] = []
        self._settle("", issues, last=True)
        return issues

    def _settle(self, next_text: str, issues: list[Issue], last: bool = False) -> None:
        """The verdict on quotations open at the end of the previous segment, given the next one."""
        if not self._open_at_end:
            return
        self._open_at_end = False
        if self.sentences and not last and self._carried < self.carry:
            self._carried += 1  # a quoted sentence goes on in the next line
            self.reopen = next_text.lstrip()[:1] in ("“", '"')
            return
        self._carried = 0
        if next_text.lstrip()[:1] in ("“", '"') and not last:
            self.reopen = True  # a quotation running on into the next paragraph
        else:
            for o in self.stack:
                if self.sentences and not o.seg.text[:o.pos].strip():
                    continue  # a quoted sentence whose end a sentence split may have cut off
                issues.append(Issue("TQ201", o.seg, o.pos, o.pos + 1, _UNCLOSED, None))
            self.stack.clear()

    def _walk(self, seg: Segment, issues: list[Issue]) -> None:
        stack = self.stack
        text = seg.text
        count = sum(text.count(q) for q in DOUBLE_QUOTES)
        if count > MAX_MARKS:
            return  # not prose (a megabyte of “): left alone, so the work stays bounded
        debris = {d.quote for d in debris_spans(text)} if count else set()
        moji = [(s, e) for s, e, _ in mojibake_spans(text)] if count else []
        marks = [
            m.start() for m in _MARK_RE.finditer(text)
            if not any(s <= m.start() < e for s, e in moji)
        ]
        inches = _inch_marks(text, marks)
        marks = [i for i in marks if i not in inches]
        straight = [i for i in marks if text[i] == '"' and i not in debris]
        held = None  # a quotation carried from an earlier line, set aside while this line's pairs are read
        if stack and self.sentences and not self.reopen and straight and len(straight) == len(marks) \
                and len(straight) % 2 == 0 and all(_position(text, i) == FREE for i in straight):
            held, stack = stack, []  # tokenised quotes ('often " sick " this year') pair within their line
            self.stack = stack
        straight_ok = _straight_clearly_paired(text, straight, bool(stack))

        def spaces(i: int, role: str) -> None:
            if text[i] == '"' and not straight_ok:
                return  # be conservative with straight quotes
            if role == OPEN:
                run = _space_after(text, i)
                msg = _SPACE_IN_OPEN
            else:
                run = _space_before(text, i)
                msg = _SPACE_IN_CLOSE
            if run:
                issues.append(Issue("TQ203", seg, run[0], run[1], msg, "", certain(text, i, role)))

        for n, i in enumerate(marks):
            ch = text[i]
            if n == 0 and self.reopen:
                self.reopen = False
                spaces(i, OPEN)  # the reopening mark of a continued quotation
                continue
            if i in debris:
                if stack:
                    stack.pop()  # '. “,' closes the quotation; TQ204 reports it
                continue
            has_later = n + 1 < len(marks)
            pos = _position(text, i)
            if ch == "”" and not stack and pos in (CLOSER, FREE) and i and text[i - 1].isdigit():
                continue  # an inch mark: a 27” screen
            reversed_ = False
            if pos == OPENER:
                if ch != "“" and stack and not has_later and not _INTRODUCED.search(text, 0, i):
                    role = CLOSE  # '“We will win ”Zelensky': a closer with the space misplaced
                else:
                    role, reversed_ = OPEN, ch == "”"
            elif pos == CLOSER:
                role = CLOSE if stack else STRAY
                reversed_ = ch == "“" and bool(stack)
            elif ch == "“":
                if not stack or has_later:
                    role = OPEN
                else:
                    role, reversed_ = CLOSE, True
            elif ch == "”":
                if stack:
                    role = CLOSE
                elif has_later:
                    role, reversed_ = OPEN, True
                else:
                    role = STRAY
            elif not text[i + 1:].strip() and text[:i].strip():
                role = CLOSE if stack else STRAY  # 'his son Jack. "' ends the segment: nothing follows to quote
            else:
                role = CLOSE if stack else OPEN

            apostrophe = _for_apostrophe(text, i, role == STRAY) if ch == '"' and not stack else None
            if apostrophe:
                issues.append(Issue("TQ201", seg, i, i + 1, *apostrophe))
                continue
            if role == STRAY:
                issues.append(Issue("TQ201", seg, i, i + 1, _STRAY, None))
                continue
            if reversed_:
                message, turned = (_REVERSED_OPEN, "“") if role == OPEN else (_REVERSED_CLOSE, "”")
                issues.append(Issue("TQ202", seg, i, i + 1, message, turned, certain(text, i, role)))
            if role == OPEN:
                stack.append(_Open(seg, i))
            else:
                stack.pop()
            if pos in (FREE, OPENER, CLOSER):
                spaces(i, role)

        if held is not None:
            stack = self.stack = held + stack
        if stack:
            self._open_at_end = True
        else:
            self.reopen = False
            self._carried = 0
