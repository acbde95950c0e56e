"""Named entities other than countries and cities that a translation replaced by another of their kind
(TQ917's ``entity`` shape): "Peugeot announced" for "Renault a annoncé", "Asia must respond" for
"L'Europe doit réagir", "The Elysee denied it" for "Le Kremlin a démenti".

data/fidelity_entities.tsv lists the entities of news English by kind: world regions, companies, media,
organisations written as words, parties, seats of power, rivers and seas (countries and cities are
text/places.py's). An entity of the table in the translation that is nowhere in its source in any form,
while the source names an entity of the same kind that the translation has in no spelling or English
form (fidelity_name_forms.tsv: Tamise = Thames, Moyen-Orient = Middle East), is a replacement. Both
sides must show it, as for places: a translator who renders "le constructeur" as "Renault" adds a name
but loses none, and "Le Kremlin a démenti" rendered "Moscow denied" is a metonymy of another kind.
Names that are also common English words (Apple, Orange, Total, Shell) are not in the table: a
capitalised word starting a sentence would read as one.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .alternation import alternation
from .crossnames import SourceName, carried, same_word
from .data import table
from .places import english_forms, fold_phrase
from .swaps import CAPITALISED_RE, SourceSegment, Swap
from .tokens import word_parts


@lru_cache(maxsize=1)
def entity_table() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern finding the entities of the table in English text, and each one's kind by its folded name."""
    rows = table("fidelity_entities.tsv")
    kinds = {fold_phrase(r[0]): r[1] for r in rows}
    # without its article too: a French source's name starts after it ("selon Le Monde" names "Monde")
    kinds.update({key: kind for name, kind in list(kinds.items()) if (key := _ARTICLE_RE.sub("", name)) not in kinds})
    return re.compile(rf"(?<![\w-])(?:{alternation(r[0] for r in rows)})(?![\w])"), kinds


_ARTICLE_RE = re.compile(r"^(?:the|le|la|les|l) ")


@lru_cache(maxsize=1)
def _heads() -> frozenset[str]:
    """The first word of each entity of the table: a translation with none of them has no entity (most)."""
    return frozenset(r[0].split()[0] for r in table("fidelity_entities.tsv"))


def entity_kinds(name: SourceName) -> set[str]:
    """The kinds of entity a source name is, by its whole name (Le Monde: "monde"), its English phrases
    (Croix-Rouge: Red Cross) and, for a name of one word, its spellings and English forms (Tamise:
    Thames); not by one word of a longer name ("Croix" of the Croix-Rouge is not the daily La Croix)."""
    kinds = entity_table()[1]
    forms = {fold_phrase(name.text), *(fold_phrase(p) for p in name.phrases)}
    if len(name.own) == 1:
        forms |= english_forms(name)
    return {kinds[f] for f in forms if f in kinds}


def entities_swapped(src: SourceSegment, text: str) -> list[Swap]:
    """The entities of the table in ``text`` that replace an entity of the same kind of ``src``, as ``Swap``s
    of kind ``entity`` (in text order), or else the organisations' acronyms (``acronyms_swapped``)."""
    return _named_swapped(src, text) or acronyms_swapped(src, text)


def _named_swapped(src: SourceSegment, text: str) -> list[Swap]:
    if _heads().isdisjoint(CAPITALISED_RE.findall(text)):
        return []  # no entity of the table in the translation (most segments)
    pattern, kinds = entity_table()
    found = list(pattern.finditer(text))
    folded = f" {fold_phrase(text)} " if found else ""
    lost = [(name, named) for name in src.all_names
            if (named := entity_kinds(name)) and not _kept(name, text, folded)
            ] if found else []
    out = []
    for m in found if lost else ():
        words = fold_phrase(m.group(0))
        if words in src.english or all(src.has(w) for w in words.split()) or _acronym_in(m.group(0), src.text):
            continue  # the source has it, in some form (l'UE: the European Union)
        old = next((name for name, named in lost if kinds[words] in named
                    and english_forms(name).isdisjoint(words.split())), None)  # North and South America: no swap
        if old is not None:
            out.append(Swap("entity", old.text, m.start(), m.end(), m.group(0)))
    return out


def _kept(name: SourceName, text: str, folded: str) -> bool:
    """Whether ``text`` (``folded``: its words folded, between spaces) names ``name``: a name of one word
    in any spelling (``carried``: Hizbollah for Hezbollah), a longer one whole, in its own or an English
    form, or word for word (Al-Qaïda: al-Qaeda); not by a word it shares with another name of its kind
    ("Party" of the Republican Party does not carry the Parti socialiste, nor "Union" the Union européenne)."""
    phrases = {fold_phrase(name.text), *(fold_phrase(p) for p in name.phrases)}
    if any(f" {phrase} " in folded for phrase in phrases if phrase):
        return True
    if all(" " not in phrase for phrase in phrases):
        return carried(name, text) is not None
    words = [folded_word for _, folded_word in word_parts(text)]
    return all(any(same_word(own, w) for w in words) for own in fold_phrase(name.text).split() if len(own) >= 3)


_ACRONYM_RE = re.compile(r"(?<![\w-])[A-Z]{2,}(?![\w-])")


@lru_cache(maxsize=1)
def _english_acronyms() -> dict[str, str]:
    """French acronyms and their English ones (UE: EU, BCE: ECB), from the acronym tables."""
    return {row[0]: row[1] for name in ("untranslated_acronyms.tsv", "calques_acronyms.tsv") for row in table(name)}


def _acronym_in(entity: str, source: str) -> bool:
    """Whether ``source`` writes ``entity`` as an acronym, English or French ("UE" for the European Union)."""
    initials = "".join(w[0] for w in entity.split() if w[:1].isupper())
    acronyms = _ACRONYM_RE.findall(source)
    return len(initials) > 1 and any(a == initials or _english_acronyms().get(a) == initials for a in acronyms)


def _stand_in(english: str, french: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A description standing for an entity ("the group"; in lower case: "the Association" is a name), its
    nouns anywhere in the translation, and the French nouns they render, also as the head of a name ("le
    groupe Renault", "l'ONG Human Rights Watch")."""
    return (re.compile(rf"(?<![\w-])[Tt]he (?:{english})(?![\w-])"), re.compile(rf"(?<![\w-])(?:{english})(?:s|es)?(?![\w-])"),
            re.compile(rf"(?<![\w-])(?:{french})s?(?![\w-])", re.IGNORECASE))


#: What stands for an entity of each kind whose name the translation dropped, and the French nouns it renders.
_STAND_INS = {
    "company": _stand_in("company|group|firm|carmaker|manufacturer|maker|bank|airline|giant|operator|retailer"
                         "|insurer|conglomerate|multinational", "groupe|société|entreprise|firme|constructeur|"
                         "fabricant|banque|compagnie|géant|opérateur|distributeur|assureur|conglomérat|multinationale"),
    "organisation": _stand_in("organisation|organization|NGO|movement|militia|agency|charity",
                              "organisation|ONG|mouvement|milice|agence|organisme"),
    "media": _stand_in("newspaper|daily|paper|weekly|channel|broadcaster|agency|magazine|network",
                       "journal|quotidien|hebdomadaire|chaîne|agence|magazine|réseau"),
    "party": _stand_in("party", "parti|formation"),
    "river": _stand_in("river", "fleuve|rivière"),
}
#: Any of the descriptions, in one pass (most translations have none).
_ANY_DESCRIPTION_RE = re.compile("|".join(f"(?:{description.pattern})" for description, _, _ in _STAND_INS.values()))
_HEAD_GAP_RE = re.compile(r"[ \u00a0]*(?:[ld]['\u2019]|(?:[Ll]es?|[Ll]a)[ \u00a0])?[ \u00a0]*$")  # le quotidien Le Monde


def entities_dropped(src: SourceSegment, text: str, before: Sequence[str] = ()) -> list[Swap]:
    """An entity of ``src`` that ``text`` names in no form, while a description of its kind stands in it
    ("the carmaker" for "Renault"), either one more than the source has of the French nouns it renders,
    or where the source heads the name with one ("the group" for "le groupe Renault"); as a ``Swap`` of
    kind ``dropped`` on the description. Not when one of ``before``, the story's segments just before,
    names it (an anaphor)."""
    if not _ANY_DESCRIPTION_RE.search(text):
        return []
    for kind, (description, nouns, french) in _STAND_INS.items():
        m = description.search(text)
        if m is None:
            continue
        more = len(nouns.findall(text)) > len(french.findall(src.text))
        folded = f" {fold_phrase(text)} "
        for name in src.all_names:
            if kind not in entity_kinds(name) or _kept(name, text, folded):
                continue
            at = src.text.find(name.text)
            headed = at > 0 and any(h.end() == at or _HEAD_GAP_RE.fullmatch(src.text, h.end(), at)
                                    for h in french.finditer(src.text, 0, at))
            if (more or headed) and not any(_kept(name, b, f" {fold_phrase(b)} ") for b in before):
                return [Swap("dropped", name.text, m.start(), m.end(), m.group(0))]
    return []


#: The English acronyms of organisations among those of the acronym tables (not GDP, VAT, HIV, NGO:
#: things and kinds, nor the countries, USSR, DRC): one of them new to a translation whose source lost
#: another is a replacement ("The UN held a summit" for "L'Otan a tenu un sommet").
ORGANISATION_ACRONYMS = frozenset(
    "AQIM ASEAN AU AfDB BIS CIS CJEU EBRD ECB ECHR ECOWAS EEC EFSF EFTA EIB ESA ESM EU FSA IAEA ICAO ICC ICJ "
    "ICRC ICTR ICTY IEA ILO IMF IOC IPCC ISIL NATO OAS OAU OECD OIC OPCW OPEC PFLP PLO SDF STL UN UNAIDS "
    "UNCTAD UNDP UNHCR UNODC UNSC WADA WAEMU WFP WHO WMO WTO".split())
_ACRONYM_WORD_RE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*[A-Z](?![\w-])|(?<![\w-])[A-Z][a-z]{2,5}(?![\w-])")


def acronyms_swapped(src: SourceSegment, text: str) -> list[Swap]:
    """An organisation's acronym (ORGANISATION_ACRONYMS) new to ``src`` in ``text``, where an organisation
    acronym of the source ("l'Otan", "le FMI") is lost: in ``text`` neither as written, nor in English
    (NATO), nor spelled out (the initials of a capitalised run: North Atlantic Treaty Organization)."""
    new = [m for m in _ACRONYM_RE.finditer(text) if m.group(0) in ORGANISATION_ACRONYMS]
    if not new:
        return []  # (most segments)
    english = _english_acronyms()
    written = {w.upper(): w for w in _ACRONYM_WORD_RE.findall(src.text)}  # l'Otan, l'ONU
    source = set(written)
    named = source | {english[a] for a in source if a in english} | _initials(src.text) | {
        "".join(w[0].upper() for w in phrase.split()) for n in src.names for phrase in n.phrases}
    kept = {m.group(0) for m in _ACRONYM_RE.finditer(text)} | _initials(text)
    lost = [a for a in sorted(source) if english.get(a, a) in ORGANISATION_ACRONYMS and english.get(a, a) not in kept
            and a not in kept]
    out = []
    for m in new if lost else ():  # (UNSC for "le Conseil de sécurité de l'ONU" keeps the UN: no swap)
        if m.group(0) not in named and not any(m.group(0).startswith(english.get(a, a)) for a in lost):
            out.append(Swap("entity", written[lost[0]], m.start(), m.end(), m.group(0)))
    return out


_RUN_RE = re.compile(r"[A-Z][\w'-]*(?:[ \u00a0]+(?:(?:of|for|the|and|on|de|des|du|la|le|pour|et)[ \u00a0]+)*[A-Z][\w'-]*)+")


def _initials(text: str) -> set[str]:
    """The initials of each run of capitalised words of ``text`` (United Nations: UN; International Monetary
    Fund: IMF), small words left out."""
    return {"".join(w[0] for w in re.findall(r"[A-Z][\w'-]*", run)) for run in _RUN_RE.findall(text)}
