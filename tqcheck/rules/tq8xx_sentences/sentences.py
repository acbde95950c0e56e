r"""TQ8xx: broken sentences and debris: split sentences, stray capitals, doubled words,
scraping debris, HTML left-overs and mojibake.

Abbreviations, scraping markers and mojibake are found by ``tqcheck.text.sentences``
and ``tqcheck.text.mojibake``, which the quote and source rules use too.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from itertools import pairwise

from ...model import Severity
from ...registry import RegexRule, SegmentRule, register
from ...text.data import word_set
from ...text.fold import strip_accents
from ...text.mojibake import mojibake_spans
from ...text.numbers import ENGLISH_MONTHS, weekdays
from ...text.sentences import debris_token_spans, ends_with_abbreviation, is_debris_line

# --------------------------------------------------------------------------- rules


@register
class BrokenSentence(RegexRule):
    r"""Full stop followed by a lowercase word inside a paragraph: a sentence split apart.

    English starts every sentence with a capital, so "Saturday. al-Khazali" means
    either a spurious full stop tore one sentence in two (MT often does this
    around a name it moved, as in "blasted Qais on Saturday. al-Khazali") or the
    next sentence lost its capital. The span runs from the full stop through the
    lowercase word; the fix needs a reader, so there is no suggestion.

    Not flagged: a full stop that ends an abbreviation or initial (a.m., p.m.,
    U.S., e.g., etc., vs., Gen., et al., Jan.: the list is in
    data/sentences_abbreviations.txt), an ellipsis, a word written with an inner
    capital (iPhone, eBay, mRNA), a web address, a scraping marker (TQ804's).

    Flag: “They reached you everywhere on Iraqi soil”, blasted Qais on Saturday. al-Khazali, leader of a faction.
    Flag: The ministry counted 757,000 demonstrators on Tuesday. the CGT union claimed nearly two million.
    Flag: The vote was postponed. it will take place in March.
    Okay: The attack, which occurred around 4:30 a.m. (8:30 p.m. Sunday EST), was not claimed.
    Okay: The U.S. military and the U.N. refugee agency, e.g. the UNHCR, and Gen. Smith et al. in Des Moines.
    Okay: The talks stalled... then resumed… and ended.
    Okay: Apple sold the phone. iPhone sales rose, and eBay shares fell.
    Okay: It happened at 10 a.m. local time in the St. Louis area, approx. two miles away.
    Okay: He was born in Washington, D.C. in 1950, and J. K. Rowling was there.
    Okay: The contract went to the HIB Kft. company, and George Bush Sr. and his son were there.
    Okay: the contract went to the hib kft. company , and george bush sr. and his son were in st. petersburg .
    """

    code = "TQ801"
    name = "broken-sentence"
    category = "fluency/grammar"
    severity = Severity.MAJOR
    data_files = ("sentences_abbreviations.txt",)
    pattern = re.compile(r"(?<=[^\s.…])\.\s+(?P<word>[a-z][\w’'-]*)(?=(?P<rest>\S*))")
    requires = re.compile(r"\.\s+[a-z]")
    _INNER_CAPITAL = re.compile(r"[a-z]+[A-Z]")
    _ADDRESS = re.compile(r"^[.][A-Za-z]|/|@")

    def match(self, m, seg):
        text, word = seg.text, m.group("word").rstrip("’'-")
        if self._INNER_CAPITAL.match(word):
            return None  # iPhone, eBay, mRNA
        if self._ADDRESS.search(m.group("word")[len(word):] + m.group("rest")):
            return None  # a web or mail address: "www.afp.com", "afp.com/en"
        if ends_with_abbreviation(text[: m.start() + 1]):
            return None
        w_start = m.start("word")
        if any(s <= w_start < e for s, e in debris_token_spans(text)):
            return None  # "said. source site-593756" is TQ804's
        return (
            f"a full stop followed by the lowercase word '{word}': the sentence seems split apart "
            "(a spurious full stop inside one sentence, often around a name MT moved) or the next "
            "sentence lost its capital; English starts every sentence with a capital letter",
            None,
            m.start(),
            w_start + len(word),
        )


@lru_cache(maxsize=1)
def _calendar_names() -> frozenset[str]:
    """English weekday and month names (always capitalised)."""
    return frozenset(ENGLISH_MONTHS) | frozenset(weekdays().values())


@register
class CapitalAfterQuoteComma(RegexRule):
    r"""Capitalised reporting verb after a quotation and its comma ("“, Specified the official").

    After '“…,”' an English sentence goes on in lower case: '“We will win,” said
    the minister'. MT from French ('», a précisé le responsable') often keeps a
    capital, usually with the quote mark misplaced as well ('. “, Specified the
    person in charge'). A name after the quotation is normal English ('“We will
    win,” Zelensky said'), so only reporting verbs and similar lowercase words
    (data/sentences_speech_verbs.txt) are flagged, or any capitalised word
    followed by "the"/"a"... after the misplaced '“,'. The fix lower-cases it; it
    is safe for a reporting verb of the list (never a name there), unsafe for the
    other capitalised words (a name or a title may follow the quotation).

    Flag: contractors and civilian personnel. “, Specified the person in charge on condition of anonymity.
    Flag: “The government remains attached to the timetable. “, Declared Colonel Abdoulaye Maïga.
    Flag: “We will not give up,” Said the minister on Tuesday.
    Flag: “We will not give up”, Added the minister.
    Okay: “We will not give up,” Zelensky said on Tuesday.
    Okay: “We will not give up,” said the minister, and “Never,” Said Jalili told reporters.
    Okay: “We will not give up,” The Guardian quoted him as saying.
    Okay: “It is over,” Le Monde reported, “and the vote is lost,” French President Emmanuel Macron added.
    Okay: “We will win the war. “, Monday the minister left.
    """

    code = "TQ802"
    fix_safety = "unsafe"
    name = "capital-after-quote-comma"
    category = "fluency/spelling"
    severity = Severity.MINOR
    data_files = ("sentences_speech_verbs.txt", "numbers_french_weekdays.tsv")
    pattern = re.compile(
        r"(?P<mark>“,|[”\"],|,[”\"])[ \u00a0]+(?P<word>[A-Z][a-z]+)\b(?![’'-]\w)(?P<after>[ \u00a0]+\S+)?"
    )
    requires = re.compile(r"[“”\"],|,[”\"]")
    span_group = "word"
    _DETERMINERS = frozenset("the a an his her its their this that one some".split())

    def match(self, m, seg):
        word = m.group("word")
        lower = word.lower()
        after = (m.group("after") or "").strip()
        next_capital = after[:1].isupper()
        if lower in word_set("sentences_speech_verbs.txt"):
            if lower == "said" and next_capital:
                return None  # Said is also a given name: “…,” Said Jalili told
        elif not (m.group("mark") == "“," and after.lower() in self._DETERMINERS) or word in _calendar_names():
            return None  # "“, Monday the minister said": a weekday or month keeps its capital
        return (
            f"'{word}' is capitalised after the quotation's closing comma; the sentence goes on, "
            f"so English writes it in lower case ('“…,” {lower} …')",
            lower,
        )

    def match_fix_safety(self, m):
        return "safe" if m.group("word").lower() in word_set("sentences_speech_verbs.txt") else None


#: The word right after a match, for TQ803's "step by step by| step".
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


@register
class DoubledWord(RegexRule):
    r"""The same word twice in a row ("the the").

    A doubled word is a slip that MT and editing both produce; English keeps one.
    Correct doublings ("had had", "that that", "is is", "bye bye") and names
    ("Walla Walla", "Bora Bora", "Sirhan Sirhan") are allowed: the list is in
    data/sentences_doubled_ok.txt. So is an object pronoun followed by the same word
    opening a clause or a noun phrase after a verb such as "tell" ("tell you you
    should", "told her her son"; data/sentences_object_clause_verbs.txt). A pair of capitalised words is taken for a
    name, unless a source is given and does not have it ("Every Every", "Irina
    Irina" for "Irina Iarovaïa" are slips). Two words said
    twice ("have allowed have allowed") are flagged as well, but not the
    deliberate "more and more and more". The suggestion is the word(s) once.

    Flag: The examination of the the text opened on Monday.
    Flag: The The minister said it was over.
    Flag: He said that he would would come.
    Flag: Every Every day I am making progress. <<< Chaque jour je progresse.
    Flag: a trouble-maker trouble-maker, and the earth's earth's pull.
    Flag: which would have allowed have allowed stricter application
    Flag: The dollar was was then devalued, and the crisis is is accelerating.
    Flag: a capacity that is given to us to us men, and help to rescue to rescue its economy
    Flag: "He's from He's from Texas," she said, and joined the organisation's the organisation's campaign.
    Flag: It measures the degree to degree to which prices rise.
    Okay: The debt will grow faster and faster and with it the expenses, again and again and again.
    Flag: The bill was backed by Irina Irina Yarovaya. <<< Le projet est soutenu par Irina Iarovaïa.
    Okay: She had had enough, she said, and that that was the end.
    Okay: Boredom is the brain's way to tell you you should be doing something else.
    Okay: The police told her her son was safe, and I bet you you can't.
    Okay: What it is is a disaster, bye bye, ha ha. What he was was brave.
    Okay: It went on and on and on, and they talked over and over and over again.
    Okay: The giant pandas Huan Huan and Yuan Zi live in Beauval; Walla Walla and Bora Bora.
    Okay: Boutros Boutros-Ghali, the bye-bye, and well, well, well.
    Okay: The score was 10 10 at half-time, and Sirhan Sirhan was there.
    Okay: Sirhan Sirhan was there. <<< Sirhan Sirhan était là.
    Okay: Tap Tap connects smartphones; Every Every is a band.
    Okay: Prices rose more and more and more, step by step by step, day after day after day.
    """

    code = "TQ803"
    fix_safety = "safe"
    name = "doubled-word"
    category = "fluency/grammar"
    severity = Severity.MINOR
    data_files = ("sentences_doubled_ok.txt", "sentences_object_clause_verbs.txt")
    #: Pronouns that are correct doubled after a verb of ``sentences_object_clause_verbs.txt``.
    _OBJECT_THEN_CLAUSE = frozenset(("you", "her"))
    #: A word, with its hyphenated parts and its 's ("trouble-maker trouble-maker", "earth's earth's").
    pattern = re.compile(r"(?<![\w’'-])([^\W\d_]+(?:[-’'][^\W\d_]+)*)\s+(\1)(?![\w’'-])", re.IGNORECASE)
    #: Two words said twice ("have allowed have allowed", "expect too expect too").
    _PAIR = re.compile(r"(?<![\w’'-])(([^\W\d_]+(?:[-’'][^\W\d_]+)*)\s+([^\W\d_]+(?:[-’'][^\W\d_]+)*))\s+(\2\s+\3)(?![\w’'-])",
                       re.IGNORECASE)  # (with their 's and hyphens: "He's from He's from")
    #: A pair linked by a conjunction is said on purpose ("more and more and more", "faster and faster
    #: and with it"); by one of _PAIR_LINKS, when its first word comes a third time ("step by step by
    #: step", "day after day after day"; not "the degree to degree to which").
    _PAIR_CONJUNCTIONS = frozenset(("and", "or"))
    _PAIR_LINKS = frozenset("after by for in over to upon".split())
    #: "What it is is…", "what matters was was…" : a clause subject before a doubled is/was.
    _WHAT_BEFORE = re.compile(r"(?i)\bwhat(?:\s+[^\W\d_]+){1,2}\s+$")
    _FUNCTION_WORDS = frozenset("a an and at by for from in is of on that the to was with".split())
    #: The source text of the segment being checked (None: no source), set by ``check`` for ``match``.
    _source: str | None = None

    #: The runs of word characters a doubling is made of: a doubled word is two equal runs in a row, a
    #: doubled pair two runs equal to the runs two places on; a segment with neither is passed over.
    _RUNS = re.compile(r"[\w’'-]+")

    def check(self, doc, ctx):
        sources = doc.source.segments if doc.source is not None else None
        for i, seg in enumerate(doc.segments):
            runs = self._RUNS.findall(seg.text.lower())
            if not any(a == b for a, b in pairwise(runs)) and not any(a == b for a, b in zip(runs, runs[2:])):
                continue  # no word nor pair of words said twice (nearly every segment)
            self._source = sources[i].text if sources is not None else None
            yield from self.check_segment(doc, seg, ctx)
            for m in self._PAIR.finditer(seg.text):
                first, second = m.group(2).lower(), m.group(3).lower()
                if first == second or first == "and" or second in self._PAIR_CONJUNCTIONS \
                        or second in self._PAIR_LINKS and self._third(seg.text, m.end(), first):
                    continue  # said on purpose
                yield self.finding(doc, seg, m.start(), m.end(),
                                   f"doubled words '{m.group(0)}': the words are repeated by mistake", m.group(1))

    def match(self, m, seg):
        first, second = m.group(1), m.group(2)
        if f"{first} {second}".lower() in word_set("sentences_doubled_ok.txt"):
            return None
        if first.lower() in self._OBJECT_THEN_CLAUSE and self._after_clause_verb(seg.text, m.start()):
            return None  # "tell you you should", "told her her son": object, then the clause
        if first.lower() in ("is", "was") and self._WHAT_BEFORE.search(seg.text, 0, m.start()):
            return None  # "what it is is a disaster", "what he was was brave"
        if first[:1].isupper() and second[:1].isupper() and first.lower() not in self._FUNCTION_WORDS \
                and self._a_name(first, second):
            return None  # a name: Huan Huan, Pago Pago
        return (f"doubled word '{first} {second}': the word is repeated by mistake", first)

    @staticmethod
    def _third(text: str, end: int, word: str) -> bool:
        """Does ``word`` come a third time right after ``end`` ("step by step by| step")?"""
        m = _NEXT_WORD.match(text, end)
        return m is not None and m.group(1).lower() == word

    @staticmethod
    def _after_clause_verb(text: str, start: int) -> bool:
        """Is the word before ``start`` a verb taking a person and a clause ("tell", "told")?"""
        before = text[:start].split()
        return bool(before) and before[-1].lower() in word_set("sentences_object_clause_verbs.txt")

    def _a_name(self, first: str, second: str) -> bool:
        """Is the capitalised pair a name written twice (Huan Huan, Sirhan Sirhan)? With a source, only
        when the source has it too ("Irina Irina" for "Irina Iarovaïa", "Every Every" are slips); without
        one, always, but for a sentence-initial function word ("The The")."""
        if self._source is None:
            return True  # "Tap Tap", a service's name, is also an English word: no way to tell
        return strip_accents(f"{first} {second}").lower() in strip_accents(self._source).lower()


@register
class ScrapingDebris(SegmentRule):
    r"""Web-page debris in the translation: "source site-59", "Read also: …", share buttons.

    Text scraped from a web page brings along things that are not part of the
    article: scraping markers ("source site-593756"), related-story links ("Read
    also: …"), share buttons, ads, newsletter and cookie notices, lone URLs.
    They are additions to the translation; delete them. A whole segment of debris
    is flagged whole (patterns in data/sentences_debris_lines.txt); a scraping
    marker inside a segment is flagged on the marker.

    Flag: source site-59
    Flag: Read also: In Mali, the junta demands the withdrawal “without delay” of the UN mission
    Flag: Share on Facebook
    Flag: The ministry denied it, the spokesman said. source site-593756
    Flag: https://www.afp.com/en/news/123
    Okay: Photos obtained by AFP from the same source show what remains of the projectiles.
    Okay: Share prices fell on Tuesday, and the launch site-selection process resumed.
    Okay: Read the statement carefully, he said; also read the fine print.
    Okay: Advertisement revenue fell 4.9 percent, the company said.
    """

    code = "TQ804"
    fix_safety = "safe"
    name = "scraping-debris"
    category = "accuracy/addition"
    severity = Severity.MAJOR
    data_files = ("sentences_debris_lines.txt",)

    def check_segment(self, doc, seg, ctx):
        text = seg.text
        if is_debris_line(text):
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            yield self.finding(
                doc, seg, start, end,
                "scraping debris: this line is web-page boilerplate (a link, button, notice or "
                "marker), not part of the article; delete it",
                "",
            )
            return
        for start, end in debris_token_spans(text):
            yield self.finding(
                doc, seg, start, end,
                f"scraping debris: '{text[start:end]}' is a marker left by the web scraper, not "
                "part of the article; delete it",
                "",
            )


@register
class HtmlEntity(RegexRule):
    r"""HTML character reference or tag left in the text ("&amp;", "&#39;", "<br>").

    The text went through HTML and came out undecoded: "Standard &amp; Poor's",
    "the country&#39;s data", a stray "<br>" or "</p>". Readers see the markup.
    The suggestion is the decoded character, or nothing for a tag.
    Ampersands in names ("AT&T", "R&D", "Q&A") are not references.

    Flag: The rating agency Standard &amp; Poor’s is following the reform.
    Flag: The company is holding the country&#39;s data hostage.
    Flag: He said &quot;never&quot; and left.<br>
    Flag: The vote was postponed.</p>
    Okay: Q&A: what AT&T and R&D spending mean, according to S&P and M&A bankers.
    Okay: The ratio was 3 < 4 > 2, and x&y; stayed.
    Okay: Standard & Poor’s said the outlook was stable.
    """

    code = "TQ805"
    fix_safety = "safe"
    name = "html-entity"
    category = "other/markup"
    severity = Severity.MAJOR
    pattern = re.compile(
        r"(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
        r"|&(?:amp|quot|nbsp|lt|gt)(?![\w;]))"
        r"|(?P<tag></?(?:a|abbr|b|blockquote|br|center|div|em|figcaption|figure|font|h[1-6]|hr|i|iframe"
        r"|img|li|ol|p|script|section|small|span|strong|style|sub|sup|table|tbody|td|th|thead|tr|u|ul)"
        r"(?:\s[^<>]*)?/?>)",
        re.IGNORECASE,
    )
    requires = re.compile("[&<]")

    def match(self, m, seg):
        if m.group("entity"):
            decoded = html.unescape(m.group(0))
            if decoded == m.group(0):
                return None  # not a known reference: "x&y;"
            shown = {"\u00a0": "no-break space"}.get(decoded, f"'{decoded}'")
            return (
                f"HTML character reference '{m.group(0)}' left in the text; it should read {shown}",
                decoded,
            )
        return (f"HTML tag '{m.group(0)}' left in the text; delete it", "")


@register
class Mojibake(SegmentRule):
    r"""Mojibake: UTF-8 text misread as Windows-1252 or Latin-1 ("Ã©" for "é", "â€™" for "’").

    When UTF-8 bytes are decoded as Windows-1252, each accented letter or curly
    quote turns into two or three junk characters: "ElysÃ©e", "the worldâ€™s",
    "â€œ". A run is reported only when re-encoding it gives valid, shorter UTF-8
    text; the suggestion is that repaired text. Correct accented words (Élysée,
    Mélenchon, Goïta, São Paulo, Âge) never decode that way and are not flagged.

    Flag: At the ElysÃ©e, the entourage of the head of state assures it.
    Flag: Mali remains one of the worldâ€™s poorest countries.
    Flag: He said â€œnoâ€ and left.
    Flag: They met at the cafÃ© in SÃ£o Paulo, voilÃ  tout.
    Okay: President Emmanuel Macron met Jean-Luc Mélenchon at the Élysée Palace.
    Okay: Colonel Assimi Goïta flew to São Paulo; Âge tendre was on at the Théâtre.
    Okay: A coup d’état, the café’s crème brûlée, Łódź and Gdańsk, Straße, “Fuß”, “ADIÓS”, ESPAÑA’s.
    Okay: SÃO PAULO and MANHÃ were in capitals, 2×3 metres at 20°C, ½ of it, ©AFP.
    """

    code = "TQ806"
    fix_safety = "safe"
    name = "mojibake"
    category = "fluency/spelling"
    severity = Severity.MAJOR

    def check_segment(self, doc, seg, ctx):
        for start, end, fixed in mojibake_spans(seg.text):
            run = seg.text[start:end]
            yield self.finding(
                doc, seg, start, end,
                f"mojibake '{run}': UTF-8 text misread as Windows-1252/Latin-1; it should read '{fixed}'",
                fixed,
            )
