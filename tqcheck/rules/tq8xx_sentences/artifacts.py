r"""TQ807, TQ808: surface artifacts of MT output that professional translation does not have.

Measured on the shared real data (benchmarks/accuracy.py): Google and Bing split about one
line in fifteen with a spaced hyphen ("States - United", "so - called", "week - end"); the
professional newstest translations and the post-edits have none of these.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...model import Severity
from ...registry import SegmentRule, register
from ...text.data import table, word_set
from ...text.fold import strip_accents
from ...text.lexicon import zipf
from ...text.numwords import TENS, UNITS
from ...text.places import is_place
from ...text.sentences import is_debris_line
from ...text.spans import strip_span

_SPACED_HYPHEN = re.compile(r"(?<![\w-])([^\W\d_]+) - ([^\W\d_]+)(?![\w-])")
#: A hyphenated French name in the source ("Etats-Unis", "Moyen-Orient", "Grande-Bretagne").
_SOURCE_NAME_COMPOUND = re.compile(r"(?<![\w-])[A-ZÀ-Ý][^\W\d_]*-[A-ZÀ-Ý][^\W\d_]*")
#: A dash of the source (spaced hyphen, en or em dash, double hyphen): a spaced hyphen may translate it.
_SOURCE_DASH = re.compile(r"\s[-–—]\s|[–—]|--")
#: A dash closing a parenthesis opened by the spaced hyphen before it: " - where", " - which".
_DASH_AFTER = re.compile(r" - (?:where|which|who|whose|when|the|a|an|and|but|as|in|on|at|of|to|with|for|from|by)\b")
#: Two words whose joined form is this common in English are one word split ("can - not", "week - end").
JOINED_MIN_ZIPF = 3.0
#: ...unless the first part alone is this common (the joined form would then be a coincidence)...
FIRST_PART_MAX_ZIPF = 6.5
#: ...but for two short parts whose joined form is itself a common word ("with - in", "on - line",
#: "it - self"): a closed compound of two function words, not a coincidence.
SHORT_PARTS_MAX_LETTERS = 4
SHORT_PARTS_JOINED_MIN_ZIPF = 4.5


@register
class SpacedHyphenCompound(SegmentRule):
    r"""A compound or a name split by a spaced hyphen ("States - United", "so - called", "week - end").

    MT renders the French hyphen of "États-Unis", "soi-disant", "week-end" or "peut-être" as a
    spaced hyphen between the English words, sometimes in French word order. English writes the
    compound closed or hyphenated ("weekend", "so-called") and the name in its own order ("United
    States"). Flagged: two words around " - " whose joined form is a common English word
    ("can - not", "may - be"); a prefix that English hyphenates ("anti - American", "post - war",
    "ex - KGB", "so - called"), not before a function word; a compound English hyphenates
    ("follow - up", "like - minded", data/sentences_hyphen_compounds.txt), a number word and a unit
    ("two - year") or two demonyms ("Mexican - American"); two capitalised words the source has side by side ("Jacques -
    Duchesneau", "York - New" for "New York"), or when the source has a hyphenated name and no dash.
    French hyphenated forms rendered word for word are flagged too: verb-subject inversion after a
    modal, or after an auxiliary in a question ("can - it survive?", "Is - it conceivable?"),
    "peut-être" ("can - be"), "-même" ("himself - even"), a number ("seventy - two"), "al - Qaeda",
    a French place name ("Clichy - la - Garenne", "Saint - Germain"); and an English compound
    adjective ("Zurich - based bank", "state - owned firms", data/sentences_hyphen_heads.txt) unless
    a preposition, article or pronoun follows its head ("the protests - led by students - grew").
    A spaced hyphen used as a dash between clauses ("the vote - the first in years - was close") is
    left alone. The fix is the closed or hyphenated form, or the source's name in its order (unsafe:
    an editor checks the order); a split hyphenated name has no suggestion.

    Flag: Talks with the States - United resumed. <<< Les pourparlers avec les Etats-Unis ont repris.
    Flag: He can - not come this week - end.
    Flag: It is on - line with - in a week, and the site it - self is new.
    Flag: Talks between the Republic - Czech and the Kingdom - United resumed.
    Flag: the so - called anti - American protests
    Okay: The vote - the first in years - was close.
    Okay: Iraq - Drone attack foiled at Baghdad airport
    Okay: He said it was well - the talks went well. <<< Il a dit que c'était bien - les pourparlers ont bien marché.
    Flag: It gave him a two - year respite and a follow - up visit.
    Flag: Councillor of York - New, Jacques - Duchesneau said. <<< Conseiller de New York, Jacques Duchesneau a dit.
    Okay: the so-called anti-American protests on the weekend
    Flag: But this image can - it survive a further decline?
    Flag: Is - it really conceivable that the talks resume?
    Flag: The negotiations can - be resumed next week.
    Flag: Their article was a case in him - even, but the consequences were grave.
    Flag: Seventy - two percent of Saudis agreed, said a Zurich - based bank.
    Flag: Mexican - American voters and like - minded groups met Israeli - Palestinian envoys.
    Flag: the commanders of al - Qaeda met in Saint - Denis and Clichy - la - Garenne.
    Flag: The state - owned firms of the US - led coalition bought hold - ups.
    Flag: He fled empty - handed to the Middle - East and the Austro - Hungarian border.
    Okay: The question is - it always was - whether the vote can be held.
    Okay: The protests - led by students - grew, and the bank - based in Zurich - said so.
    Okay: Dependence on Russia - even if it takes the face of a partner - is a risk.
    Okay: They criticised him - even his friends did.
    Okay: the dollar fell well - above its value against the euro - and the yen rose.
    Okay: They approved the reform - made public on Monday. Then came the plan - run jointly.
    Okay: In four hours, said Jacques - the driver - it was done. <<< En quatre heures, a dit Jacques, le chauffeur, c'était fait.
    Okay: the two - the minister and his aide - left early.
    Okay: It starts at the Antonia Fortress - Praetorium - where the trial took place, near the Holy Sepulchre. <<< Il commence à la forteresse Antonia (le prétoire), où s'est tenu le procès, près du Saint-Sépulcre.
    """

    code = "TQ807"
    name = "spaced-hyphen-compound"
    category = "fluency/spelling"
    severity = Severity.MINOR
    fix_safety = "safe"  # a closed or hyphenated compound; split names have no suggestion
    data_files = ("sentences_hyphen_prefixes.txt", "untranslated_english_markers.txt", "sentences_hyphen_compounds.txt",
                  "sentences_hyphen_heads.txt", "sentences_split_names.txt",
                  "fidelity_places.tsv", "fidelity_name_forms.tsv",
                  "sentences_hyphen_units.txt")

    def check(self, doc, ctx):
        sources = doc.source.segments if doc.source is not None else None
        for i, seg in enumerate(doc.segments):
            if " - " in seg.text:
                yield from self._check(doc, seg, sources[i].text if sources is not None else None)

    def _check(self, doc, seg, source):
        for m in _SPACED_HYPHEN.finditer(seg.text):
            first, second = m.group(1), m.group(2)
            after = seg.text[m.end():]
            peut_etre = first.lower() in _MODALS and second.lower() in ("be", "being")  # not "maybe": reworded
            verdict = (_french_shape(first, second, after) or self._judge(first, second, source)) if peut_etre \
                else (self._judge(first, second, source) or _french_shape(first, second, after))
            if verdict is None:
                continue
            if verdict[1] is None and _DASH_AFTER.match(seg.text, m.end()):
                continue  # "the Antonia Fortress - Praetorium - where…": a name set off by a pair of dashes
            kind, suggestion = verdict
            name = first[:1].isupper() and second[:1].isupper() and " " in (suggestion or "")
            yield self.finding(doc, seg, m.start(), m.end(), kind, suggestion,
                               severity=Severity.MAJOR if suggestion is None or name else None,
                               fix_safety="unsafe" if " " in (suggestion or "") else None)

    @staticmethod
    def _judge(first: str, second: str, source: str | None):
        joined = (first + second).lower()
        if len(joined) >= 5 and zipf(joined, "en") >= JOINED_MIN_ZIPF and (
                zipf(first, "en") < FIRST_PART_MAX_ZIPF or (
                    max(len(first), len(second)) <= SHORT_PARTS_MAX_LETTERS
                    and zipf(joined, "en") >= SHORT_PARTS_JOINED_MIN_ZIPF)):
            closed = first + second.lower() if first[:1].isupper() else joined
            return (f"'{first} - {second}' splits the word '{closed}' with a spaced hyphen (MT rendering a "
                    f"French hyphen); English writes '{closed}'", closed)
        if first.lower() in word_set("sentences_hyphen_prefixes.txt") and len(second) >= 3 \
                and second.lower() not in word_set("untranslated_english_markers.txt") \
                and second.lower() not in _NOT_MODIFIERS:  # "well - above": a dash before a preposition
            return (f"'{first} - {second}' splits a hyphenated compound with spaces; English writes "
                    f"'{first}-{second}'", f"{first}-{second}")
        pair = f"{first}-{second}".lower()
        compounds = word_set("sentences_hyphen_compounds.txt")
        if pair in compounds or (pair.endswith("s") and pair[:-1] in compounds) or (
                first.lower() in _NUMBER_WORDS and second.lower() in word_set("sentences_hyphen_units.txt")):
            return (f"'{first} - {second}' splits the compound '{first}-{second}' with spaces; English writes "
                    f"'{first}-{second}'", f"{first}-{second}")
        named = _split_names().get(f"{first} {second}".lower())
        if named or first[:1].isupper() and second[:1].isupper() and is_place(f"{first} {second}"):
            named = named or f"{first} {second}"  # "United - Nations", "Middle - East": a name split by a hyphen
            return (f"'{first} - {second}' splits the name '{named}' with a spaced hyphen; write '{named}'", named)
        named = _split_names().get(f"{second} {first}".lower())
        if named:  # "Union - European", "minister - prime": French word order
            return (f"'{first} - {second}' splits '{named}' with a spaced hyphen, in French word order; "
                    f"write '{named}'", named)
        if first[:1].isupper() and second[:1].isupper() and is_place(f"{second} {first}"):
            named = f"{second} {first}"  # "Republic - Czech", "Kingdom - United": MT kept the French order
            return (f"'{first} - {second}' splits the name '{named}' with a spaced hyphen, in French word order; "
                    f"write '{named}'", named)
        if first[:1].isupper() and second[:1].isupper() and source is not None:
            named = _source_name(first, second, source)
            if named:
                return (f"'{first} - {second}' splits the name '{named}' of the source with a spaced hyphen; "
                        f"write '{named}'", named)
        if first[:1].isupper() and second[:1].isupper() and source is not None \
                and _SOURCE_NAME_COMPOUND.search(source) and not _SOURCE_DASH.search(source):
            return (f"'{first} - {second}' splits a name with a spaced hyphen, as MT renders a hyphenated "
                    f"French name ({_SOURCE_NAME_COMPOUND.search(source).group(0)}); write the English name "
                    "in English word order", None)
        return None


#: Modal verbs: a modal, a spaced hyphen and a subject pronoun ("can - it survive?") is French
#: verb-subject inversion ("peut-il"); a modal and "- be" is French "peut-être" (perhaps).
_MODALS = frozenset("can could should would must might may will shall".split())
#: Auxiliaries inverted with their subject in a French question ("Is - it conceivable ...?").
_AUXILIARIES = frozenset("is are was were has have had does do did".split())
_SUBJECTS = frozenset("it he she they we you i one there".split())
#: "lui-même", "elle-même": a pronoun and "- even" is French "-même" (himself, itself) word for word.
_REFLEXIVES = frozenset("himself herself itself themselves myself yourself ourselves oneself".split())
_OBJECTS = frozenset("him her it them me us you".split())
#: Words that cannot modify a compound adjective's head ("except - led" is garbled "sauf-conduit").
_NOT_MODIFIERS = frozenset("except but and or than like unlike between among against without within about above "
                           "below under over after before since until during through".split())
_TENS, _UNITS = frozenset(TENS), frozenset(UNITS)
#: French particles inside a hyphenated place name ("Clichy-la-Garenne", "Saint-Germain-en-Laye").
_PLACE_PARTICLES = frozenset("la le les de du des en sur sous lès aux au".split())
#: What follows a compound adjective's head when the spaced hyphen is a dash instead ("the protests
#: - led by students - grew", "the plan - run jointly", "the report - made public"): a preposition, an
#: article, a pronoun, an adverb in -ly, or a word a participle takes after it (public, up, out...).
_AFTER_DASH = re.compile(r"\s*(?:(?:by|in|on|at|to|from|with|for|of|as|the|a|an|that|which|who|whose|when|where|"
                         r"it|he|she|they|we|this|these|those|his|her|its|their|public|up|out|off|down|away)\b|"
                         r"[^\W\d_]+ly\b)", re.IGNORECASE)


def _french_shape(first: str, second: str, after: str):
    """A French hyphenated form rendered word for word with spaced hyphens, or an English compound
    adjective split by them: (message, suggestion or None), else None. ``after`` is the text after
    the pair."""
    a, b = first.lower(), second.lower()
    dash_pair = " - " in after  # a second spaced hyphen: a parenthesis set off by dashes
    if a in _MODALS and b in _SUBJECTS and not dash_pair or (
            a in _AUXILIARIES and b in _SUBJECTS and "?" in after and not dash_pair):
        return (f"'{first} - {second}' is French verb-subject inversion ('peut-il', 'est-ce') rendered with a "
                f"hyphen; English writes '{first} {second}' or reorders the sentence", f"{first} {second}")
    if a in _MODALS and b in ("be", "being") and not dash_pair:
        return (f"'{first} - {second}' renders French 'peut-être' (perhaps, maybe) word for word", None)
    if b == "even" and (a in _REFLEXIVES or a in _OBJECTS and re.match(r"\s*(?:$|[,;:.!?)])", after)):
        return (f"'{first} - {second}' renders French '-même' (lui-même: himself, itself) word for word; "
                f"'{second}' is not meant", None)
    if a in _TENS and b in _UNITS:
        return (f"'{first} - {second}' splits the number '{first}-{second}' with spaces; English writes "
                f"'{first}-{second}'", f"{first}-{second}")
    if first == "al" and second[:1].isupper():
        return f"'al - {second}' splits an Arabic name with spaces; write 'al-{second}'", f"al-{second}"
    if first[:1].isupper() and (b in _PLACE_PARTICLES and re.match(r" - [A-ZÀ-Ý]", after) and zipf(a, "en") < 4.0
                                 or a in ("saint", "sainte") and second[:1].isupper()):
        return (f"'{first} - {second}' splits a French hyphenated name with spaces; write it with hyphens "
                f"('{first}-{second}...')", None)
    if first in _demonyms() and second in _demonyms() and not dash_pair and not _AFTER_DASH.match(after):
        return (f"'{first} - {second}' splits the compound '{first}-{second}' with spaces; English writes "
                f"'{first}-{second}'", f"{first}-{second}")
    if b in word_set("sentences_hyphen_heads.txt") and len(a) >= 2 and not _AFTER_DASH.match(after) \
            and a not in word_set("untranslated_english_markers.txt") and a not in _NOT_MODIFIERS and not dash_pair:
        return (f"'{first} - {second}' splits the compound adjective '{first}-{second}' with spaces; English "
                f"writes '{first}-{second}'", f"{first}-{second}")
    return None


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """English demonyms of fidelity_name_forms.tsv (Mexican, Israeli, Chinese, French): two of them
    with a spaced hyphen between are a split compound ("Mexican - American", "Israeli - Palestinian")."""
    forms = {f.strip() for row in table("fidelity_name_forms.tsv") for f in row[1].split("|")}
    return frozenset(f for f in forms if re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish|i|ch)", f) and not is_place(f))


@lru_cache(maxsize=1)
def _split_names() -> dict[str, str]:
    """data/sentences_split_names.txt: each name, lower-cased, to the name as English writes it."""
    return {name.lower(): name for name in word_set("sentences_split_names.txt")}


#: Number words that make a hyphenated compound with a unit noun ("two-year", "five-match").
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty "
    "hundred".split())


def _source_name(first: str, second: str, source: str) -> str | None:
    """The source's name ``first second`` (or ``second first``: French order, "Noizat - Pierre" for
    "Pierre Noizat"), as the source writes it, when the source has the two words side by side
    without a hyphen or dash between them; else None."""
    folded = strip_accents(source).lower()
    for a, b in ((first, second), (second, first)):
        m = re.search(rf"(?<![\w-]){re.escape(strip_accents(a).lower())} {re.escape(strip_accents(b).lower())}(?![\w-])",
                      folded)
        if m:
            return f"{a} {b}"
    return None


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
    lines). Names that English writes in lower case at the start are left alone: a particle before
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
        previous = ctx.state(self).get("previous", "")  # the line before this window's first
        for seg, src in zip(doc.segments, doc.source.segments):
            before, previous = previous, seg.text
            first = _FIRST_WORD.match(seg.text)
            letter = first.group(1)[:1] if first else ""
            if not letter.islower() or letter.upper() == letter or not _SOURCE_CAPITAL.match(src.text):
                continue  # (º is lower case and has no capital)
            if before.strip() and not _ENDS_SENTENCE.search(before):
                continue  # the line before ends mid-sentence: this one goes on with it
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
        ctx.state(self)["previous"] = previous

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
