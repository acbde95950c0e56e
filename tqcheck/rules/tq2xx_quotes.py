r"""TQ2xx: quote punctuation: unbalanced, reversed and spaced quotes, punctuation debris
around quotes, and French guillemets left in English.

TQ201-TQ203 report what one walker over the document's double quote marks finds
(``tqcheck.text.quotes.QuoteWalker``, shared by the three through ``ctx.shared``);
TQ204 reports ``debris_spans``; TQ205 is a pattern.
"""
from __future__ import annotations

import re

from ..model import Document, Severity
from ..registry import Context, DocumentRule, RegexRule, SegmentRule, register
from ..text.quotes import Issue, QuoteWalker, debris_spans
from ..text.sentences import is_debris_line

class _Walk:
    """One QuoteWalker per document; each window walked once, whichever of TQ201-TQ203 asks first."""

    def __init__(self, sentences: bool = False) -> None:
        self.walker = QuoteWalker(sentences)
        self._window: tuple | None = None
        self._end: list[Issue] | None = None

    def feed(self, window: Document) -> list[Issue]:
        if self._window is None or self._window[0] is not window:
            self._window = (window, self.walker.feed(window.segments))
        return self._window[1]

    def end(self) -> list[Issue]:
        if self._end is None:
            self._end = self.walker.end()
        return self._end


def _sentences(ctx: Context) -> bool:
    """Does the file hold one sentence per line (so a quotation may go on over the next lines)?"""
    return ctx.layout is not None and ctx.layout.lines == "sentences"


class _QuoteWalkRule(DocumentRule):
    """Base for the rules the walker feeds: one walker per document, each window walked once."""

    def feed(self, window: Document, ctx: Context) -> list:
        return self._mine(window, ctx.shared(_Walk, _sentences(ctx)).feed(window))

    def end(self, doc: Document, ctx: Context) -> list:
        return self._mine(doc, ctx.shared(_Walk, _sentences(ctx)).end())

    def _mine(self, doc: Document, issues: list[Issue]) -> list:
        return [self.finding(doc, i.seg, i.start, i.end, i.message, i.suggestion,
                             fix_safety="safe" if i.safe else None)
                for i in issues if i.code == self.code]


# --------------------------------------------------------------------------- rules


@register
class UnbalancedQuote(_QuoteWalkRule):
    r"""Unbalanced double quotes in a paragraph: an opening quote never closed, or a stray closing one.

    Every “ needs its ”. The one exception is English's convention for a quotation
    running over several paragraphs: each earlier paragraph is left unclosed and
    the next reopens with “, so a paragraph ending inside a quotation is fine when
    the next one starts with a quote mark. An unclosed quote is reported at its
    opening mark, a stray closing quote at its own position. Apostrophes and
    single quotes are not counted (’ is also the apostrophe). A straight double
    quote typed for the apostrophe of a possessive (investors" spotlight,
    Kepler"s school: 24 of the 47 in professional newstest) says so, with the
    apostrophe as the fix.

    Flag: “The new dates will be announced later, after talks with the election authority, the spokesman added.\nColonel Assimi Goïta took power in 2020.
    Flag: The minister said the talks had failed.” Nobody disagreed.
    Flag: He called it “a sham and left the room.
    Flag: France is now in the investors" spotlight.
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
    fix_safety = "unsafe"
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
    fix_safety = "unsafe"
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
    fix_safety = "safe"
    name = "quote-punctuation-debris"
    category = "fluency/punctuation"
    severity = Severity.MAJOR

    requires = re.compile("[“”\"]")  # every kind of debris has a quote mark

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
    fix_safety = "safe"
    name = "guillemets"
    category = "fluency/punctuation"
    severity = Severity.MINOR
    data_files = ("sentences_debris_lines.txt",)
    # Linear on any input: the spaces after an opening guillemet are taken at once (an atomic
    # group, written as a lookahead and its backreference for Python 3.10); the quotation
    # starts and ends with a non-space, so spaces are never split between it and the marks;
    # a lone closing mark's spaces are matched from the start of their run only.
    pattern = re.compile(
        r"«(?=(?P<s0>\s*))(?P=s0)(?P<inner>(?:[^\s«»](?:[^«»]*[^\s«»])?)?)\s*»"
        r"|‹(?=(?P<s1>\s*))(?P=s1)(?P<inner1>(?:[^\s‹›«»](?:[^‹›«»]*[^\s‹›«»])?)?)\s*›"
        r"|(?P<lopen>«\s*)|(?P<lclose>(?<!\s)\s*»)"
    )
    requires = re.compile("[«»‹]")
    _INNER_SPACES = re.compile(r"(?<=‘)\s+|(?<!\s)\s+(?=’)")

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
