r"""TQ807: compounds and names split by a spaced hyphen, a surface artifact of MT output that professional
translation does not have.

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
from ...text.splits import source_compound, source_phrase

#: Two words around a spaced hyphen; the second is read ahead, so that in "A - B - C" the pair "B - C" is
#: read too ("officials - every - one").
_SPACED_HYPHEN = re.compile(r"(?<![\w-])([^\W\d_]+) - (?=([^\W\d_]+)(?![\w-]))")
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
    With a source, a hyphenated word of the source rendered part by part around a spaced hyphen is
    flagged too, whatever the words: "door - word" for "porte-parole", "supports - throat" for
    "soutiens-gorge", "celle - ci", "Karl - Theodor", and a French inversion ("says - it" for "dit-il",
    "writes - she" for "écrit-elle"), each part the same word, a cognate, a glossary rendering or, for
    a function word, one of data/sentences_hyphen_french_parts.tsv ("him - even" for "lui-même",
    "those - ci", "Between - time" for "Entre-temps"); not where the source types its dashes as
    hyphens ("Ue- confirment"). So is a French phrase rendered word for word around a spaced hyphen,
    two content words of the source side by side or joined by "de" ("rights - human" for "droits de
    l'homme", "Brotherhood - Muslim" for "Frères musulmans"), and a word whose glossary rendering is
    the two words ("estate - real" for "immobilier"). In "A - B - C", B alone between dashes ("who -
    literally - work") is read only as a split word or a source compound ("every - one"); a chain
    flagged is one finding ("vis - à - vis"). A particle made plural ends a compound ("add - ons").
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
    Flag: Their hopes were short - lived in the war - torn, century - old city.
    Okay: The hopes of the city - old and new alike - were short-lived.
    Flag: The door - word of Vodafone declined to comment. <<< Le porte-parole de Vodafone n'a pas souhaité commenter.
    Flag: This will also reduce the costs, says - it. <<< Cela réduira aussi les coûts, dit-il.
    Flag: Defence Minister Karl - Theodor zu Guttenberg resigned - after a plagiarism row. <<< Le ministre Karl-Theodor zu Guttenberg a démissionné - après un scandale de plagiat.
    Okay: The vote - the first in years - was close, he said. <<< Le vote, le premier depuis des années, était serré, a-t-il dit.
    Okay: The scientists - concludes the EU executive - confirm it. <<< Les scientifiques-conclue l'exécutif Ue- confirment.
    Flag: He defended the rights - human and the Brotherhood - Muslim. <<< Il a défendu les droits de l'homme et les Frères musulmans.
    Flag: The estate - real market fell. <<< Le marché immobilier a chuté.
    Okay: Others - literally - work in hell. <<< D'autres travaillent littéralement en enfer.
    Flag: Its officials - every - one of them - agreed to the add - ons and the sit - ins.
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
                  "sentences_hyphen_units.txt", "sentences_hyphen_french_parts.tsv", "fidelity_glossary_fr_en.tsv",
                  "fidelity_function_words.txt", "fidelity_french_function_words.txt")

    def check(self, doc, ctx):
        sources = doc.source.segments if doc.source is not None else None
        for i, seg in enumerate(doc.segments):
            if " - " in seg.text:
                yield from self._check(doc, seg, sources[i].text if sources is not None else None)

    def _check(self, doc, seg, source):
        flagged_end = -1  # where the last pair flagged ends: "vis - à - vis" is one finding
        for m in _SPACED_HYPHEN.finditer(seg.text):
            first, second = m.group(1), m.group(2)
            end = m.end(2)
            after = seg.text[end:]
            if m.start() < flagged_end:
                flagged_end = end  # the rest of a chain flagged ("Saint - Germain - en - Laye")
                continue
            if seg.text.endswith(" - ", 0, m.start()):  # "A - B - C": B alone, set off by dashes ("who -
                # literally - work"), unless a word split ("every - one") or a hyphenated word of the source
                verdict = (source is not None and source_compound(first, second, source)) \
                    or self._judge(first, second, source)
                if verdict:
                    flagged_end = end
                    yield self._finding(doc, seg, m.start(), end, first, second, verdict)
                continue
            peut_etre = first.lower() in _MODALS and second.lower() in ("be", "being")  # not "maybe": reworded
            verdict = (_french_shape(first, second, after) or self._judge(first, second, source)) if peut_etre \
                else (self._judge(first, second, source) or _french_shape(first, second, after))
            if verdict is None and source is not None:
                verdict = source_compound(first, second, source) or source_phrase(first, second, source)
            if verdict is None:
                continue
            if verdict[1] is None and _DASH_AFTER.match(seg.text, end):
                continue  # "the Antonia Fortress - Praetorium - where…": a name set off by a pair of dashes
            flagged_end = end
            yield self._finding(doc, seg, m.start(), end, first, second, verdict)

    def _finding(self, doc, seg, start, end, first, second, verdict):
        kind, suggestion = verdict
        name = first[:1].isupper() and second[:1].isupper() and " " in (suggestion or "")
        return self.finding(doc, seg, start, end, kind, suggestion,
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
                first.lower() in _NUMBER_WORDS and second.lower() in word_set("sentences_hyphen_units.txt")) or (
                second.lower() in _PARTICLE_PLURALS and len(first) >= 2 and first.islower()):
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


#: A particle made a plural noun, the second part of a compound only ("add-ons", "sit-ins", "hold-ups").
_PARTICLE_PLURALS = frozenset({"ons", "ins", "ups", "offs", "outs", "overs", "downs", "aways", "bys"})
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
