r"""TQ2xx: quote punctuation: unbalanced, reversed and spaced quotes, punctuation debris
around quotes, and French guillemets left in English.

TQ201-TQ203 come from one walker over the document's double quote marks (“ ” ").
It keeps a stack of open quotations, carried from one segment (paragraph) to the
next for the English convention that a quotation running over several paragraphs
leaves each earlier paragraph unclosed and reopens the next with “. Each mark's
role (opening or closing) is read from its context first: after the start of the
line, a space or an opening bracket and before a word it opens; after a word and
before a space, punctuation or the end of the line it closes. A mark whose
context says neither ("” All over”" at the start, "word“word") takes its role
from the stack. Apostrophes (’ ') and single quotes (‘ ’) are never counted: ’ is
also the apostrophe, so single quotes cannot be balanced reliably.

The walker skips the quote marks inside TQ204's debris spans (". “," is reported
once, as debris, and closes the quotation it ends) and inside mojibake ("â€“"
contains “ and is TQ806's).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Document, Segment, Severity
from ..registry import Context, DocumentRule, RegexRule, SegmentRule, register
from .sentences import ends_with_abbreviation, is_debris_line, mojibake_spans

DOUBLE_QUOTES = "“”\""
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
    out = []
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


class QuoteWalker:
    """TQ201-TQ203 issues, in one pass over the quote marks of a document fed segment by segment.

    Open quotations are carried from one segment to the next; whether a segment that
    ends inside one leaves it unclosed depends on the next segment (does it reopen
    with a quote mark?), so that verdict waits for the next segment, or ``end()``.
    """

    def __init__(self) -> None:
        self.stack: list[_Open] = []
        self.reopen = False  # the previous segment ended inside a quotation and this one reopens it
        self._open_at_end = False  # the last segment fed ended inside a quotation: verdict pending

    def feed(self, segments) -> list[Issue]:
        issues: list[Issue] = []
        for seg in segments:
            self._settle(seg.text, issues)
            self._walk(seg, issues)
        return issues

    def end(self) -> list[Issue]:
        issues: list[Issue] = []
        self._settle("", issues)
        return issues

    def _settle(self, next_text: str, issues: list[Issue]) -> None:
        """The verdict on quotations open at the end of the previous segment, given the next one."""
        if not self._open_at_end:
            return
        self._open_at_end = False
        if next_text.lstrip()[:1] in ("“", '"'):
            self.reopen = True  # a quotation running on into the next paragraph
        else:
            for o in self.stack:
                issues.append(Issue("TQ201", o.seg, o.pos, o.pos + 1, _UNCLOSED, None))
            self.stack.clear()

    def _walk(self, seg: Segment, issues: list[Issue]) -> None:
        stack = self.stack
        text = seg.text
        debris = {d.quote for d in debris_spans(text)}
        moji = [(s, e) for s, e, _ in mojibake_spans(text)]
        marks = [
            i for i, ch in enumerate(text)
            if ch in DOUBLE_QUOTES and not any(s <= i < e for s, e in moji)
        ]
        inches = _inch_marks(text, marks)
        marks = [i for i in marks if i not in inches]
        straight = [i for i in marks if text[i] == '"' and i not in debris]
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
                issues.append(Issue("TQ203", seg, run[0], run[1], msg, ""))

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
                if ch != "“" and stack and not has_later:
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
            else:
                role = CLOSE if stack else OPEN

            if role == STRAY:
                issues.append(Issue("TQ201", seg, i, i + 1, _STRAY, None))
                continue
            if reversed_:
                if role == OPEN:
                    issues.append(Issue("TQ202", seg, i, i + 1, _REVERSED_OPEN, "“"))
                else:
                    issues.append(Issue("TQ202", seg, i, i + 1, _REVERSED_CLOSE, "”"))
            if role == OPEN:
                stack.append(_Open(seg, i))
            else:
                stack.pop()
            if pos in (FREE, OPENER, CLOSER):
                spaces(i, role)

        if stack:
            self._open_at_end = True
        else:
            self.reopen = False


class _QuoteWalkRule(DocumentRule):
    """Base for the rules the walker feeds: one walker per document, each window walked once."""

    def feed(self, window: Document, ctx: Context) -> list:
        walker = ctx.memo("quotes.walker", QuoteWalker)
        walked = ctx.cache.get("quotes.window")
        if walked is None or walked[0] is not window:
            walked = ctx.cache["quotes.window"] = (window, walker.feed(window.segments))
        return self._mine(window, walked[1])

    def end(self, doc: Document, ctx: Context) -> list:
        issues = ctx.memo("quotes.end", lambda: ctx.memo("quotes.walker", QuoteWalker).end())
        return self._mine(doc, issues)

    def _mine(self, doc: Document, issues: list[Issue]) -> list:
        return [self.finding(doc, i.seg, i.start, i.end, i.message, i.suggestion) for i in issues if i.code == self.code]


# --------------------------------------------------------------------------- rules


@register
class UnbalancedQuote(_QuoteWalkRule):
    r"""Unbalanced double quotes in a paragraph: an opening quote never closed, or a stray closing one.

    Every “ needs its ”. The one exception is English's convention for a quotation
    running over several paragraphs: each earlier paragraph is left unclosed and
    the next reopens with “, so a paragraph ending inside a quotation is fine when
    the next one starts with a quote mark. An unclosed quote is reported at its
    opening mark, a stray closing quote at its own position. Apostrophes and
    single quotes are not counted (’ is also the apostrophe).

    Flag: “The new dates will be announced later, after talks with the election authority, the spokesman added.\nColonel Assimi Goïta took power in 2020.
    Flag: The minister said the talks had failed.” Nobody disagreed.
    Flag: He called it “a sham and left the room.
    Okay: “The first paragraph of a long quotation is not closed at its end.\n“The second paragraph reopens the quotation and closes it here,” the statement said.
    Okay: “He told me ‘never again,’ and then he left,” she said.
    Okay: Iran’s minister and the ministers' spokesman said they don't expect talks before the ’90s.
    Okay: "We will not give up," the minister said, using straight quotes.
    Okay: “Commanders’ revenge operations” can be read on a piece of black metal.
    Okay: He bought a 27" screen and said "it is fine".
    """

    code = "TQ201"
    name = "unbalanced-quote"
    category = "fluency/punctuation"
    severity = Severity.MAJOR


@register
class ReversedQuote(_QuoteWalkRule):
    r"""Quote mark turned the wrong way: a closing ” used to open, or an opening “ used to close.

    English opens a quotation with “ and closes it with ”. MT and keyboard
    substitutions swap them ("” All over ”", "the word“ he said"). Which way a mark
    should face is read from where it stands (after a space and before a word it
    opens; after a word it closes) and from whether a quotation is open. The
    suggestion is the mark turned the right way.

    Flag: ” All over ”
    Flag: He said ”never” and left.
    Flag: “We will win the war“ he said.
    Okay: “Two armed drones have targeted Baghdad airport,” an official told AFP.
    Okay: The drones were aimed at the “Diplomatic Support Center”, but were shot down.
    Okay: “He told me ‘never again,’ and then he left,” she said.
    Okay: (“Revenge operations”) and the “end of the combat mission”—the coalition said.
    """

    code = "TQ202"
    name = "reversed-quote"
    category = "fluency/punctuation"
    severity = Severity.MINOR


@register
class SpaceInsideQuotes(_QuoteWalkRule):
    r"""Space just inside quote marks (“ as soon as possible ”, attack. ”).

    French typography spaces its guillemets (« Partout ») and MT carries the
    spaces over to English quotes; English sets quote marks tight against the
    quoted words: “as soon as possible”. The span is the space(s); the fix deletes
    them. Straight quotes are checked only when the paragraph's straight quotes
    pair up unambiguously.

    Flag: The unions called on the government to withdraw the bill “ as soon as possible ” and announced new strikes.
    Flag: “There is no damage, but it is very dangerous to launch this type of attack. ”
    Flag: ” All over ”
    Flag: He said " never " and left.
    Okay: “There is no damage, but it is a civilian airport; it is very dangerous,” he said.
    Okay: He paused: “We will —” and then stopped; “… and so on,” she said.
    Okay: "We don't have the luxury of waiting," read a note circulated by the ministry.
    Okay: He bought a 27" screen, and the "crisis " cell met; then "the end.
    Okay: “First paragraph, unclosed.\n“Second paragraph, closed,” she said.
    """

    code = "TQ203"
    name = "space-inside-quotes"
    category = "fluency/punctuation"
    severity = Severity.MINOR


@register
class QuotePunctuationDebris(SegmentRule):
    r"""Punctuation debris around a quote mark (. “,  ”,.  ,”,  word “,  word“. at the end).

    MT renders the French '. »,' or ' »,' as a pile of marks around a quote
    ("contractors and civilian personnel. “, Specified the person in charge"):
    a full stop and a comma on both sides, often with the quote turned the wrong
    way. English closes the quotation once, with the comma (or full stop) inside:
    'personnel,” specified'. The span is the whole pile; the suggestion is the
    single mark and the closing quote. A full stop that ends an abbreviation
    ('the U.S.”,') and an ellipsis are not debris.

    Flag: houses “contractors and civilian personnel. “, Specified the person in charge.
    Flag: “The government remains attached to the timetable.”, declared the colonel.
    Flag: “It is over,”, he said.
    Flag: “It is over”,. Then he left.
    Flag: “This is the end of the war“.
    Flag: “We are responsible for logistics “, the official said.
    Okay: “Two armed drones have targeted Baghdad airport,” an official told AFP.
    Okay: They were “responsible for logistics”, “contractors and civilian personnel”.
    Okay: Domains such as “.com”, “.net” and “.org” were sold; “We shall see...” he said.
    Okay: “We want talks with the U.S.”, he said, and “…”, she replied.
    Okay: He said, “. . . and then we left,” and she said “...”.
    """

    code = "TQ204"
    name = "quote-punctuation-debris"
    category = "fluency/punctuation"
    severity = Severity.MAJOR

    def check_segment(self, doc, seg, ctx):
        for d in debris_spans(seg.text):
            yield self.finding(doc, seg, d.start, d.end, d.message, d.suggestion)


@register
class Guillemets(RegexRule):
    r"""French guillemets « » (or ‹ ›) left in English text.

    French quotes with guillemets and spaces inside them (« Partout »); English
    uses curly quotes set tight against the words (“Everywhere”), and ‘ ’ for
    quotes inside quotes. A quotation on one line is reported whole, with the
    curly-quote form as the suggestion; a lone guillemet on its own.

    Flag: to shouts of « 64 years, it’s no! », behind a banner.
    Flag: « Partout »
    Flag: He said: « we will fight until the end.
    Flag: The ‹ lame duck › label stuck.
    Okay: to shouts of “64 years, it’s no!”, behind a banner.
    Okay: He said: “we will fight ‘until the end,’ whatever happens.”
    Okay: The ratio was 3 << 4 and 5 >> 2 in the code.
    Okay: Read more »
    """

    code = "TQ205"
    name = "guillemets"
    category = "fluency/punctuation"
    severity = Severity.MINOR
    pattern = re.compile(
        r"«\s*(?P<inner>[^«»]*?)\s*»|‹\s*(?P<inner1>[^‹›«»]*?)\s*›"
        r"|(?P<lopen>«\s*)|(?P<lclose>\s*»)"
    )
    _INNER_SPACES = re.compile(r"(?<=‘)\s+|\s+(?=’)")

    def check_segment(self, doc, seg, ctx):
        if is_debris_line(seg.text):
            return  # "Read more »" is TQ804's, and goes
        yield from super().check_segment(doc, seg, ctx)

    def match(self, m, seg):
        if m.group("inner") is not None:
            if not m.group("inner"):
                return None
            inner = m.group("inner").replace("‹", "‘").replace("›", "’")
            inner = self._INNER_SPACES.sub("", inner)
            return (
                f"French guillemets '{m.group(0)}' left in English; English quotes with “ ” set "
                "tight against the words",
                f"“{inner}”",
            )
        if m.group("inner1") is not None:
            if not m.group("inner1"):
                return None
            return (
                f"French single guillemets '{m.group(0)}' left in English; English uses ‘ ’ for a "
                "quote inside a quote",
                f"‘{m.group('inner1')}’",
            )
        if m.group("lopen"):
            return ("French opening guillemet « left in English; English opens a quotation with “", "“")
        return ("French closing guillemet » left in English; English closes a quotation with ”", "”")
