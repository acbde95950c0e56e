r"""TQ808, TQ809: segments in lower case, throughout or at their start, a surface artifact of MT output
that professional translation does not have (the spaced hyphens of TQ807 are in hyphens.py)."""
from __future__ import annotations

import re

from ...model import Severity
from ...registry import SegmentRule, register
from ...text.data import word_set
from ...text.fold import strip_accents
from ...text.sentences import is_debris_line
from ...text.spans import strip_span

#: A segment with no capital letter at all and at least this many words is lower-cased throughout...
LOWERCASE_MIN_WORDS = 6
#: ...when it also writes a name of its source in lower case, or is tokenised ("afghanistan .", " i ").
_TOKENISED = re.compile(r"\w [.,](?:\s|$)|(?<!\S)i(?!\S)")  # " ;" " !" may be French spacing (TQ301's)
_CAPITALISED = re.compile(r"(?<=[^\s.!?:;«“\"(])\s+([A-ZÀ-Ý][^\W\d_]{2,})")


@register
class LowercaseSegment(SegmentRule):
    r"""A whole segment in lower case (a tokenised or lower-cased MT output line).

    Statistical MT systems often output lower-cased, tokenised text ("we got out of afghanistan .");
    English capitalises the start of a sentence and names. A segment of six words or more with no
    capital letter at all is flagged when it writes a name of its source in lower case (a word the
    source capitalises inside a sentence: "afghanistan" for "Afghanistan") or is tokenised
    (punctuation set off by spaces, a lone "i"). A line continuing a sentence split over two lines,
    or a lower-case headline, has neither.

    Flag: we got out of afghanistan , the minister said on monday . <<< Nous sommes sortis d'Afghanistan, a dit lundi le ministre.
    Flag: the government said that the talks would resume next week in geneva . <<< Le gouvernement a dit que les pourparlers reprendraient à Genève.
    Flag: i think that the talks with the rebels will resume next week
    Okay: We got out of Afghanistan, the minister said on Monday. <<< Nous sommes sortis d'Afghanistan, a dit lundi le ministre.
    Okay: and invested in a freight railway, for example, a lubricant maker. <<< Mais au contraire Buffett s'attaque plutôt au frêt ferroviaire.
    Okay: the rates are climbing, the stock exchanges are wavering <<< les taux grimpent, les Bourses flanchent
    """

    code = "TQ808"
    name = "lowercase-segment"
    category = "fluency/spelling"
    severity = Severity.MINOR

    def check(self, doc, ctx):
        sources = doc.source.segments if doc.source is not None else None
        for i, seg in enumerate(doc.segments):
            text = seg.text
            if any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
                continue
            if len(text.split()) < LOWERCASE_MIN_WORDS:
                continue
            lowered = sources is not None and self._lowered_name(text, sources[i].text)
            if not (lowered or _TOKENISED.search(text)):
                continue
            start, end = strip_span(text)
            why = f"the name '{lowered}' of the source is" if lowered else "punctuation is set off as in tokenised text;"
            yield self.finding(doc, seg, start, end,
                               f"the segment is in lower case throughout and {why} written in lower case "
                               "(tokenised MT output); English capitalises the start of a sentence and names"
                               if lowered else
                               f"the segment is in lower case throughout and {why} English capitalises the "
                               "start of a sentence and names")

    @staticmethod
    def _lowered_name(text: str, source: str) -> str | None:
        """A word the source capitalises inside a sentence, written in lower case here (accents aside:
        "quebec" for "Québec")."""
        words = {strip_accents(w): w for w in re.findall(r"[^\W\d_]+", text)}
        for m in _CAPITALISED.finditer(source):
            key = strip_accents(m.group(1).lower())
            if key in words and m.group(1).lower() not in word_set("untranslated_foreign_markers.txt"):
                return words[key]
        return None


#: The first word of a segment: letters (with an apostrophe or hyphen inside), or nothing.
_FIRST_WORD = re.compile(r"[\s\"'“‘«(\[—–-]*([^\W\d_][\w’'.-]*)")
#: A line that ends a sentence (its last mark, closing quotes and brackets aside).
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
#: A source segment that starts with a capital letter (after quotes, brackets or a dash).
_SOURCE_CAPITAL = re.compile(r"[\s\"'“‘«(\[—–-]*[A-ZÀ-Ý]")


@register
class LowercaseStart(SegmentRule):
    r"""A segment that starts in lower case where its source starts with a capital.

    MT that lower-cases its output, and a sentence whose start was cut or glued to the previous
    line, begin in lower case ("he also admitted having organised an illegal fundraiser"); English
    starts every sentence with a capital letter. Flagged only with a source whose segment starts
    with a capital (a segment continuing a sentence of the line before starts in lower case in
    both), and not after a line that ends mid-sentence (a translator may carry a sentence over two
    lines), unless that line and its source are both unpunctuated (a headline) and this segment is a whole
    sentence. Names that English writes in lower case at the start are left alone: a particle before
    a capitalised name (de Gaulle, al-Assad, van Gogh, bin Salman), brands in camel case (iPhone,
    eBay), and web addresses. The fix capitalises the first letter.

    Flag: he also admitted having organised an illegal fundraiser. <<< Il a également reconnu avoir organisé une collecte illégale.
    Flag: “the talks will resume,” the minister said. <<< « Les pourparlers reprendront », a dit le ministre.
    Flag: it is important to note that, unlike quebec, american citizens have no id card. <<< Il est important de noter que, contrairement au Québec, les citoyens américains n'ont pas de carte.
    Okay: He also admitted having organised an illegal fundraiser. <<< Il a également reconnu avoir organisé une collecte illégale.
    Okay: de Villepin said on Monday that the talks had failed. <<< Dominique de Villepin a dit lundi que les pourparlers avaient échoué.
    Okay: al-Assad's forces shelled the city. <<< Les forces de Bachar al-Assad ont bombardé la ville.
    Okay: iPhone sales fell 5%. <<< Les ventes d'iPhone ont baissé de 5 %.
    Okay: and invested in a freight railway, for example. <<< et ont investi dans le fret ferroviaire, par exemple.
    Okay: eBay said on Monday that its sales rose. <<< EBay a dit lundi que ses ventes avaient augmenté.
    Okay: source site-59 <<< Les troupes sont parties.
    Okay: He claimed to invest only in firms he understands <<< Il dit investir dans les entreprises qu'il comprend.\nand invested in a freight railway. <<< Mais Buffett s'attaque au fret ferroviaire.
    Flag: Stolen car in Berlin <<< Voiture volée à Berlin\na man was driving a stolen car at night. <<< Un homme conduisait une voiture volée la nuit.
    Okay: Yoshihoko Noda <<< Yen fort\nthreatens fresh intervention on the exchange market <<< Noda menace d'une nouvelle intervention sur le marché des changes
    """

    code = "TQ809"
    name = "lowercase-start"
    category = "fluency/spelling"
    severity = Severity.MINOR
    fix_safety = "safe"  # the first letter capitalised; names written in lower case are not flagged
    data_files = ("sentences_name_particles.txt",)

    def check(self, doc, ctx):
        if doc.source is None:
            return
        state = ctx.state(self)
        previous = state.get("previous", "")  # the line before this window's first, and its source's
        previous_source = state.get("previous_source", "")
        for seg, src in zip(doc.segments, doc.source.segments):
            before, previous = previous, seg.text
            before_source, previous_source = previous_source, src.text
            first = _FIRST_WORD.match(seg.text)
            letter = first.group(1)[:1] if first else ""
            if not letter.islower() or letter.upper() == letter or not _SOURCE_CAPITAL.match(src.text):
                continue  # (º is lower case and has no capital)
            if before.strip() and not _ENDS_SENTENCE.search(before) and (
                    _ENDS_SENTENCE.search(before_source) or not _ENDS_SENTENCE.search(seg.text)):
                continue  # the line before ends mid-sentence: this one goes on with it (not a whole sentence
                # after a headline, a line unpunctuated in both languages)
            if is_debris_line(seg.text):
                continue  # "source site-59" is TQ804's, and goes
            word = first.group(1)
            if self._lowercase_name(word, seg.text[first.end():]):
                continue
            start = first.start(1)
            yield self.finding(
                doc, seg, start, start + len(word),
                f"the segment starts in lower case ('{word}') where its source starts with a capital; "
                "English starts a sentence with a capital letter", word[0].upper() + word[1:])
        state["previous"], state["previous_source"] = previous, previous_source

    @staticmethod
    def _lowercase_name(word: str, rest: str) -> bool:
        """Is ``word`` a name English writes in lower case: a particle before a capitalised name,
        a camel-case brand, a web address?"""
        if any(c.isupper() for c in word[1:]) or "." in word.rstrip("."):
            return True  # iPhone, eBay, afp.com
        head = re.split(r"[-’']", word.lower())[0]
        if head in word_set("sentences_name_particles.txt"):
            after = word[len(head) + 1:] if len(word) > len(head) + 1 else rest.lstrip()
            return after[:1].isupper()
        return False
