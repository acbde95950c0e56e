"""TQ702-TQ703: false friends, calques and French acronyms that the aligned French source proves wrong.

Both rules read the source: an English word that is a fine word in itself ("formation", "CPI") is
reported only when the French of the same segment holds the French form it mistranslates.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from ...model import Severity
from ...registry import SegmentRule, register
from ...text.fold import strip_accents
from ...text.data import table
from ...text.sentences import article_pairs, is_sentence_start

_FOLDED = {"\u2019": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " "}
_APOSTROPHES = str.maketrans(_FOLDED)

#: French function words in a French form, and what each also matches (elision, contraction).
_FRENCH_FUNCTION = {
    "à": r"(?:a|au|aux)\s+",
    "de": r"(?:d'\s*|(?:de|du|des)\s+)",
    "le": r"(?:l'\s*|(?:le|la|les)\s+)",
    "la": r"(?:l'\s*|(?:le|la|les)\s+)",
    "les": r"(?:l'\s*|(?:le|la|les)\s+)",
}
#: Endings of a French -er verb (on the stem): enough of the present, past, imperfect, future and
#: participles for news copy.
_VERB_ENDINGS = ("e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "er", "ers", "ère", "ères", "ait",
                 "ais", "aient", "ai", "a", "ant", "era", "eront", "erait", "eraient", "erai", "erons",
                 "ions", "iez", "èrent")


def _french_word(word: str) -> str:
    """A folded French word with its inflections: -er verbs conjugated, other words +s/+x (-al also
    -aux). Feminines are listed in the table: a generic +e matched "magasines" for magasin."""
    w = strip_accents(word)
    if len(w) >= 5 and w.endswith("er"):
        endings = sorted({strip_accents(e) for e in _VERB_ENDINGS}, key=lambda e: (-len(e), e))
        return re.escape(w[:-2]) + "(?:" + "|".join(endings) + ")"
    if w.endswith("al"):  # national, nationale(s), nationaux
        return re.escape(w[:-2]) + r"(?:als?|aux)"
    return re.escape(w) + r"[sx]?"


def _french_form(form: str) -> str:
    """One French form (words, elided articles) as a pattern over folded source text."""
    out = []
    for word in form.translate(_APOSTROPHES).split():
        if word in _FRENCH_FUNCTION:
            out.append(_FRENCH_FUNCTION[word])
        elif re.match(r"^[dl]'", word):
            out.append(_FRENCH_FUNCTION["de" if word[0] == "d" else "le"] + _french_word(word[2:]) + r"\s+")
        else:
            out.append(_french_word(word) + r"\s+")
    last = out.pop()
    if last.endswith(r"\s+"):
        last = last[: -len(r"\s+")] + r"(?![\w])"
    else:  # a final de/le: elided, or a whole word
        last = last.replace(r"\s*", "").replace(r")\s+", r")(?![\w])")
    return r"(?<![\w'])" + "".join(out) + last


def _anchor(form: str) -> str | None:
    """A literal every match of ``_french_form(form)`` holds (the longest stem of its words that are
    not function words), so that a source without it is passed over without running the pattern;
    None when the form is function words only."""
    stems = []
    for word in form.translate(_APOSTROPHES).split():
        if word in _FRENCH_FUNCTION:
            continue
        w = strip_accents(word[2:] if re.match(r"^[dl]'", word) else word)
        stems.append(w[:-2] if (len(w) >= 5 and w.endswith("er")) or w.endswith("al") else w)
    return max(stems, key=len) if stems else None


def _english_word(word: str) -> str:
    """An English word with its inflections (-s, -es, -ed, -ing, with a final e dropped or a final
    consonant doubled, -y to -ies/-ied); -ise also matches -ize."""
    w = word.lower()
    if w.endswith("e"):
        forms = [w, w + "s", w + "d", w[:-1] + "ing"]
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms = [w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    else:
        forms = [w, w + "s", w + "es", w + "ed", w + "ing"]
        if re.search(r"[^aeiou][aeiou][bdglmnprt]$", w):
            forms += [w + w[-1] + "ed", w + w[-1] + "ing"]
    alternation = "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))
    return alternation.replace("is", "i[sz]") if re.search(r"is(e|ation)", w) else alternation


def _english_phrase(phrase: str, inflect: bool) -> str:
    """A phrase with a space or hyphen between words; with ``inflect`` each word of 4+ letters may
    be inflected (renderings and exceptions); without, only a one-word phrase is (the false friends:
    "in term" must not match "in terms")."""
    words = phrase.split()
    parts = []
    for w in words:
        if len(w) >= 4 and (inflect or len(words) == 1):
            parts.append("(?:" + _english_word(w) + ")")
        else:
            parts.append(re.escape(w))
    return r"(?<![\w'\-])" + r"[\s\-]+".join(parts) + r"(?![\w\-])"


def _alternatives(cell: str, inflect: bool) -> str | None:
    if cell == "-":
        return None
    return "(?i)" + "|".join(_english_phrase(p.strip(), inflect) for p in cell.split("|"))


@cache
def _rx(pattern: str) -> re.Pattern:
    """``pattern`` compiled when a segment first needs it: most entries' English patterns are never
    needed in a run (their French form is in no source), and compiling all 150 entries' took half of
    the start-up of a check."""
    return re.compile(pattern)


class _Entry(NamedTuple):
    """A row's patterns, as sources for ``_rx``."""

    anchors: tuple[str, ...] | None  # one literal of each French form (None: search the source always)
    french: str
    unless: str | None
    false_friend: str
    renderings: str
    okay_in: str | None
    severity: Severity
    row: tuple[str, ...]


@lru_cache(maxsize=1)
def _entries() -> tuple[_Entry, ...]:
    out = []
    for row in table("calques_false_friends.tsv"):
        french, false_friend, renderings, severity, okay_in, _note = row
        forms = french.split("|")
        unless = [f[1:] for f in forms if f.startswith("!")]
        anchors = [_anchor(f) for f in forms if not f.startswith("!")]
        shortest = {a for a in anchors if a is not None and not any(b and b != a and b in a for b in anchors)}
        out.append(_Entry(
            None if None in anchors else tuple(sorted(shortest)),
            "|".join(_french_form(f) for f in forms if not f.startswith("!")),
            "|".join(map(_french_form, unless)) if unless else None,
            _alternatives(false_friend, inflect=False),
            _alternatives(renderings, inflect=True),
            _alternatives(okay_in, inflect=True),
            Severity(severity),
            row,
        ))
    return tuple(out)


_RUN_RE = re.compile(r"\w+")
_HEAD_RE = re.compile(r"^\w{3}")


@lru_cache(maxsize=1)
def _by_head() -> tuple[dict[str, tuple[int, ...]], frozenset[int]]:
    """The entries by the first three letters of their anchors, and those to try on every source.

    An anchor starts a word of the folded source (a French form's words follow a space, an
    apostrophe or the start of the form), so a source whose words start with none of an entry's
    three-letter heads cannot hold its anchors."""
    index: dict[str, set[int]] = {}
    always = set()
    for i, entry in enumerate(_entries()):
        if entry.anchors is None or not all(_HEAD_RE.match(a) for a in entry.anchors):
            always.add(i)
            continue
        for a in entry.anchors:
            index.setdefault(a[:3], set()).add(i)
    return {head: tuple(sorted(ids)) for head, ids in index.items()}, frozenset(always)


def _candidates(folded: str) -> list[_Entry]:
    """The entries whose anchors may be in the folded source, in the table's order."""
    index, always = _by_head()
    picked = set(always)
    for head in index.keys() & {run[:3] for run in _RUN_RE.findall(folded)}:
        picked.update(index[head])
    entries = _entries()
    return [entries[i] for i in sorted(picked)]


def _fold_source(text: str) -> str:
    for old, new in _FOLDED.items():  # str.replace: translate with a table is slow on non-ASCII text
        text = text.replace(old, new)
    return strip_accents(text)


def _name_like(text: str, start: int, hit: str) -> bool:
    """A capitalised hit mid-sentence is part of a name ("Reunion Island", "the Chicago Tribune"),
    unless the whole segment is in capitals."""
    return hit[:1].isupper() and not is_sentence_start(text, start) and not text.isupper()


def _inside(spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


#: Segments longer than this (either side) are not prose and are not compared: 148 patterns over a
#: megabyte-long line would take seconds.
MAX_SEGMENT_CHARS = 10_000


@register
class FalseFriend(SegmentRule):
    """A false friend or calque the French source proves wrong (manifestation, formation, assister à).

    French words that look like English ones often mean something else: a manifestation is a
    demonstration, a formation is training, sensible is sensitive, assister à is to attend,
    actuellement is currently, a prise d'otages is a hostage-taking. The pairs are listed in
    calques_false_friends.tsv with the usual renderings. A pair is reported only when the aligned
    French segment holds the French form AND the translation the false friend (case-insensitive whole
    words, inflections allowed), and not when the translation also has one of the usual renderings (the
    translator used the right word; the cognate may translate something else), nor in the English
    phrases where the cognate is right ("manifestation of", "formation of"). A capitalised hit
    mid-sentence is taken for part of a name. No suggestion: the right word depends on the context.

    Flag: Thousands joined the manifestation in Paris. <<< Des milliers de personnes ont rejoint la manifestation à Paris.
    Flag: He assisted at the ceremony on Sunday. <<< Il a assisté à la cérémonie dimanche.
    Flag: The company is actually in talks with the unions. <<< L'entreprise est actuellement en négociation avec les syndicats.
    Flag: The price of petrol rose on Monday. <<< Le prix du pétrole a augmenté lundi.
    Flag: a sensible rise in unemployment <<< une hausse sensible du chômage
    Flag: The taking of hostages lasted six hours. <<< La prise d'otages a duré six heures.
    Flag: The teachers followed a formation in Lyon. <<< Les enseignants ont suivi une formation à Lyon.
    Okay: Thousands joined the demonstration in Paris. <<< Des milliers de personnes ont rejoint la manifestation à Paris.
    Okay: The crisis is a manifestation of distrust. <<< La crise est une manifestation de la défiance.
    Okay: their triumphant manifestations of joy <<< leurs manifestations de joie triomphantes
    Okay: This is a sensible decision. <<< C'est une décision raisonnable.
    Okay: The formation of the government took weeks. <<< La formation du gouvernement a pris des semaines.
    Okay: A lie spotter studies question formation and timing. <<< Il examine la formation de la question et le temps de réponse.
    Flag: The Kurds have suffered the exactions of Saddam for decades. <<< Les Kurdes ont subi les exactions de Saddam pendant des décennies.
    Okay: The demonstration, a manifestation of anger, drew thousands. <<< La manifestation a réuni des milliers de personnes.
    Okay: He assisted the victims and attended the ceremony. <<< Il a aidé les victimes et assisté à la cérémonie.
    Okay: The price of petrol rose. <<< Le prix de l'essence a augmenté.
    Okay: She flew to Reunion Island on Monday. <<< Elle s'est rendue à la Réunion lundi.
    """

    code = "TQ702"
    name = "false-friend"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    needs = frozenset({"source"})
    data_files = ("calques_false_friends.tsv",)

    def check(self, doc, ctx):
        for _, seg, source in article_pairs(doc):
            if len(seg.text) <= MAX_SEGMENT_CHARS and len(source) <= MAX_SEGMENT_CHARS:
                yield from self.check_pair(doc, seg, source, ctx)

    def check_pair(self, doc, seg, source: str, ctx):
        folded = _fold_source(source)
        text = seg.text
        for entry in _candidates(folded):
            if entry.anchors is not None and not any(a in folded for a in entry.anchors):
                continue  # substring tests pass over most entries before any pattern runs
            if not _rx(entry.french).search(folded):
                continue  # the source decides first: most entries stop here, before the translation is read
            hits = [m for m in _rx(entry.false_friend).finditer(text) if not _name_like(text, m.start(), m.group(0))]
            if not hits or _rx(entry.renderings).search(text):
                continue
            if entry.unless is not None and _rx(entry.unless).search(folded):
                continue
            if ctx.non_english(seg) is not None:
                return  # a segment left in French is TQ601's, not a false friend
            okay = [m.span() for m in _rx(entry.okay_in).finditer(text)] if entry.okay_in else []
            french, _, renderings, _, _, note = entry.row
            for m in hits:
                if _inside(okay, *m.span()):
                    continue
                usual = ", ".join(f"'{r}'" for r in renderings.split("|")[:4])
                message = (f"'{m.group(0)}' is a false friend of French '{french.split('|')[0]}' in the source: "
                           f"{note}; usually {usual}")
                yield self.finding(doc, seg, m.start(), m.end(), message, None, severity=entry.severity)


@lru_cache(maxsize=1)
def _acronyms() -> tuple[re.Pattern, re.Pattern, dict[str, tuple[str, ...]]]:
    """Patterns for the translation and for the source (where an elided article may come first:
    "l'ASL"), and the rows by acronym."""
    rows = table("calques_acronyms.tsv")
    words = "|".join(map(re.escape, sorted((r[0] for r in rows), key=lambda a: (-len(a), a))))
    english = re.compile(r"(?<![\w'\u2019\-./])(?:" + words + r")(?![\w\-])")
    french = re.compile(r"(?<![\w\-./])(?:" + words + r")(?![\w\-])")
    return english, french, {r[0]: r for r in rows}


@register
class FrenchAcronymFromSource(SegmentRule):
    """A French acronym kept from the source where English has its own (CPI for ICC, BCE for ECB).

    These acronyms are also English ones (CPI is the consumer price index, BCE Before Common Era)
    or rare enough that TQ604 does not list them; here the French source decides: the acronym is
    reported when the aligned French segment has it too, in capitals, as a whole word. The table
    (calques_acronyms.tsv) is disjoint from TQ604's, so an acronym is never reported twice.

    Flag: The CPI issued an arrest warrant. <<< La CPI a émis un mandat d'arrêt.
    Flag: The BCE kept its rates unchanged. <<< La BCE a maintenu ses taux.
    Flag: the fighters of the ASL and the PAM <<< les combattants de l'ASL et le PAM
    Okay: The ICC issued an arrest warrant. <<< La CPI a émis un mandat d'arrêt.
    Okay: The CPI rose 0.3 percent in May. <<< L'indice des prix a progressé de 0,3 % en mai.
    Okay: The ECB kept its rates unchanged.
    Okay: the cpi and the Bce <<< la CPI et la BCE
    """

    code = "TQ703"
    fix_safety = "unsafe"
    name = "french-acronym-from-source"
    category = "terminology/wrong-term"
    severity = Severity.MAJOR
    needs = frozenset({"source"})
    data_files = ("calques_acronyms.tsv",)

    def check(self, doc, ctx):
        pattern, french, rows = _acronyms()
        for _, seg, source in article_pairs(doc):
            kept = {m.group(0) for m in french.finditer(source)}
            for m in pattern.finditer(seg.text) if kept else ():
                if m.group(0) in kept:
                    _, english, expansion = rows[m.group(0)]
                    message = f"French acronym '{m.group(0)}' ({expansion}) kept from the source; English uses '{english}'"
                    yield self.finding(doc, seg, m.start(), m.end(), message, english)
