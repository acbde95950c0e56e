"""TQ501, TQ504: one name spelled two ways, in one document or across the files of a run.

Names are grouped by a transliteration-aware key (``tqcheck.text.names.name_key``) in
one pass: no word is compared with every other word. The names of a document are
collected once (``ctx.shared``) for both rules.
"""
from __future__ import annotations

import re

from ...model import Document, Finding, Severity
from ...registry import Context, CorpusRule, DocumentRule, register
from ...text.data import word_set
from ...text.names import NameCollector, merge_one_letter_variants, pair_variants, preferred_in, variant_roots

#: In a file of one sentence a line, whose stories may not be marked, two spellings are compared only
#: within this many segments of each other (a news story runs to about 30 sentences).
SENTENCE_NEIGHBOURHOOD = 40


_COMPOUND_BEFORE = re.compile(r"[^\W\d_]+ ?- ?$")
_COMPOUND_AFTER = re.compile(r" ?- ?[^\W\d_]")


_WORD_BEFORE = re.compile(r"([^\W\d_]+)(?: (?:de|du|des|of))? $")
_WORD_AFTER = re.compile(r" ([^\W\d_]+)")


def _in_compound_name(seg, start: int, end: int) -> bool:
    """Is the word part of an organisation's own name, which keeps its own spelling: a hyphenated name
    with a capitalised other part ("Héma-Québec"), or an accented place name next to an institution word
    ("Union Montréal", "Université de Montréal", "Montréal Impact"; data/names_institution_words.txt)?"""
    text = seg.text
    if "-" in text[max(0, start - 2):start] or "-" in text[end:end + 2]:  # no hyphen next to it: no compound
        before = _COMPOUND_BEFORE.search(text, max(0, start - 40), start)
        after = _COMPOUND_AFTER.match(text, end)
        if bool(before and before.group(0)[0].isupper()) or bool(after and after.group(0).lstrip(' -')[:1].isupper()):
            return True
    if text[start:end].isascii():
        return False  # only a native accented spelling is the institution's own
    institutions = word_set("names_institution_words.txt")
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text, end)
    return bool(before and before.group(1) in institutions) or bool(after and after.group(1) in institutions)


def document_names(window: Document, ctx: Context):
    """``NameCollector.result()`` over the document so far, ``window`` included (each window is
    collected once per document, whichever rule asks first), with the glossary's forms left out."""
    collector = ctx.shared(NameCollector, ctx.glossary.variant_spans, _in_compound_name)
    collector.add(window)
    return collector.result()


@register
class NameDrift(DocumentRule):
    """One name spelled two ways in one document (Houthis/Huthis, Qassem/Qasem).

    Machine translation carries over the French transliteration of a name in
    some sentences and the English one in others, so one person, group or place
    appears under two spellings and a reader may take them for two. Names are
    compared through a transliteration-aware key: diacritics dropped (Goïta/
    Goita), French ch = English sh, ou = u, kh = h, doubled letters single
    (Qassem/Qasem), and for long names any interior vowels (Soleimani/Suleimani);
    names of six letters or more that differ by one vowel inside or a final h
    (Zawahiri/Zawahri, Falluja/Fallujah) are one name too, but not by a final
    vowel (Karim/Karima).
    Every occurrence of the less frequent spelling is reported (on a tie, the
    later one), with the other spelling as the suggestion. Distinct names that
    the key would merge (Colombia/Columbia, Douma/Duma) are listed in
    names_distinct.tsv; given names that different people spell differently
    (Mohammed/Muhammad, Hassan/Hasan) in names_given.txt; and two spellings
    each followed by a different surname (Philip Lowe, Phillip Schofield) are
    taken for two people.

    Where a glossary speaks, this rule keeps quiet and follows it: the forms a
    glossary forbids (Hachd al-Chaabi in the default glossary) are left to the
    glossary rules (TQ502, TQ603, TQ604, TQ701), and a spelling a glossary
    requires, or ``--prefer`` names, is the reference whatever the counts.

    Flag: the Houthis attacked.\\nHouthis fighters and other Huthis factions paraded.
    Flag: Mali's leader Assimi Goïta spoke.\\nThe junta of Colonel Assimi Goita said no.
    Flag: General Qassem Soleimani was killed.\\nThe killing of Qasem Soleimani in Baghdad.
    Flag: with Abu Obeida al-Jarrah in the car\\nthe tomb of Abou Obeida al-Jarrah
    Flag: General Soleimani was killed.\\nThe killing of General Suleimani angered Iran.
    Okay: Iran and Iraq, Austria and Australia, Niger and Nigeria, Sudan and Sedan.
    Okay: the Iraqi army in Iraq and the Iranian envoy in Iran; Swedes in Sweden.
    Okay: Slovakia and Slovenia, Mali and Malia, Colombia and Columbia University.
    Okay: Hassan Nasrallah met Hasan Turkmani.\\nMohammed bin Salman called Mohammad Javad Zarif.
    Okay: Philip Lowe met Phillip Schofield and Stephen Fry met Stephan Weil.
    Okay: Karim Benzema met Karima Delli; Michel Barnier met Michele Bachmann.
    Okay: President Hollande flew to Holland; Australia and Austria; Salah met Saleh.
    Okay: The army staged a coup.\\nAt the World Cup, a Coup Leader banner was seen.
    Okay: the Syrian town of Douma and the Russian Duma; Argentine and Argentina.
    Okay: Qassem Soleimani and Iran’s Qassem Soleimani, Iran's envoy to O’Brien and O'Brien.
    Okay: the leaders of Hachd al-Chaabi met.\\nHachd al-Chaabi fighters and other Hashd factions paraded.
    Okay: Kenneth Starr spoke.\\nThe film Star Wars opened, and the Princess met two princes.
    Okay: the Héma - Québec blood agency said.\\nDonors in Quebec and across Quebec were asked.
    Okay: contracts in Montreal were paid to Union Montréal, the mayor's party.\\nMontreal police and the Université de Montréal.
    Flag: contracts in Montreal were paid.\\nThe mayor of Montréal said Montreal police would act.
    """

    code = "TQ501"
    fix_safety = "unsafe"
    name = "name-drift"
    category = "terminology/inconsistent"
    severity = Severity.MAJOR
    data_files = ("names_distinct.tsv", "names_given.txt", "names_institution_words.txt")
    options = ("prefer", "glossary", "default-glossary")

    def feed(self, window: Document, ctx: Context):
        document_names(window, ctx)
        return ()

    def end(self, doc: Document, ctx: Context):
        glossary = ctx.glossary
        # The forms a glossary forbids are left to the glossary rules (TQ502, TQ603, TQ604, TQ701).
        groups, named, followers = document_names(doc, ctx)
        groups = merge_one_letter_variants(groups)  # Zawahiri/Zawahri, Falluja/Fallujah
        near = SENTENCE_NEIGHBOURHOOD if ctx.layout is not None and ctx.layout.lines == "sentences" else None
        findings = []
        for key, spellings in groups.items():
            if sum(s in named for s in spellings) < 2:
                continue  # one spelling (most names): nothing to compare
            # A spelling seen only at sentence starts may be an ordinary word.
            # A spelling inside a hyphenated name (Héma-Québec) is that name's own: it neither drifts nor
            # makes another spelling drift.
            real = {s: [o for o in occ if not o.compound] for s, occ in spellings.items() if s in named}
            real = {s: occ for s, occ in real.items() if occ}
            if len(real) < 2:
                continue
            preferred = preferred_in(real, glossary.preferred.get(key))
            for canonical, variant in self._variants(real, followers, preferred):
                variant_occ = real[variant]
                if near is not None:  # one sentence a line: the other spelling must be in the same passage
                    variant_occ = [o for o in variant_occ
                                   if any(abs(o.index - c.index) <= near for c in real[canonical])]
                findings.extend(self._report(doc, canonical, real[canonical], variant, variant_occ,
                                             canonical == preferred))
        return findings

    @staticmethod
    def _variants(spellings: dict[str, list], followers: dict[str, set[str]],
                  preferred: str | None = None) -> list[tuple[str, str]]:
        """``(canonical, variant)`` pairs: the preferred spelling first, then the most used (on a tie, the first)."""
        order = sorted(spellings, key=lambda s: (s != preferred, -len(spellings[s]), spellings[s][0].index,
                                                 spellings[s][0].start))
        return pair_variants(order, followers)

    def _report(self, doc, canonical, canonical_occ, variant, variant_occ, preferred=False):
        if not variant_occ:
            return
        first = canonical_occ[0].line
        n = len(canonical_occ)
        where = f"line {first}" + (f", {n} times" if n > 1 else "")
        message = (
            f"'{variant}' is spelled '{canonical}' elsewhere in this document ({where}); use one spelling"
            + (f" ('{canonical}' is the preferred spelling)" if preferred else "")
        )
        for m in variant_occ:
            yield self.finding(doc, *m.segment(), message, canonical)


@register
class CorpusNameDrift(CorpusRule):
    """One name spelled differently in different files of the run (Hashd in one story, Hachd in the next).

    Readers notice when Monday's story and Tuesday's spell a name differently.
    Spellings are grouped by the transliteration key of TQ501 over the whole
    run (one dictionary, no all-pairs comparison); the usual spelling is the one
    most files use (``--prefer`` or a glossary's required term overrides), and
    a file that uses another spelling, and only that one, is flagged on every
    occurrence, citing a file and line with the usual one. A file that uses
    both spellings is TQ501's. The precision guards of TQ501 apply: distinct
    names, given names, spellings seen only at sentence starts, two spellings
    followed by different surnames, forms a glossary forbids. In the examples
    ``===`` separates files.

    Flag: General Qassem Soleimani was killed.\\n===\\nQassem Soleimani's funeral.\\n===\\nthe killing of Qasem Soleimani
    Flag: the Houthis attacked\\n===\\nthe Houthis said\\n===\\nthe Huthis denied\\n===\\nthe Houthis again
    Okay: General Qassem Soleimani was killed.\\n===\\nQassem Soleimani's funeral.\\n===\\nthe killing of Qassem Soleimani
    Okay: Philip Lowe spoke\\n===\\nPhillip Schofield spoke\\n===\\nPhilip Lowe again
    Okay: Iran and Iraq\\n===\\nIraq and Iran\\n===\\nColombia and Columbia University
    Okay: the leaders of Hachd al-Chaabi met\\n===\\nthe Hashd factions\\n===\\nthe Hashd again
    Flag: Ayman al-Zawahiri spoke\\n===\\nAyman al-Zawahiri again\\n===\\nAyman al-Zawahri said
    """

    code = "TQ504"
    fix_safety = "unsafe"
    name = "corpus-name-drift"
    category = "terminology/inconsistent"
    severity = Severity.MAJOR
    data_files = ("names_distinct.tsv", "names_given.txt", "names_institution_words.txt")
    options = ("prefer", "glossary", "default-glossary")
    ships_state = True

    def __init__(self, severity: Severity | None = None) -> None:
        super().__init__(severity)
        #: per document: its path and, per name key, each spelling's occurrences as
        #: Mentions: where each is and its text, never the segment (its text would stay
        #: in memory for the whole run: every segment with a name, of every file)
        self._docs: list[tuple[str, dict[str, dict[str, tuple]]]] = []
        self._named: set[str] = set()
        self._followers: dict[str, set[str]] = {}
        self._preferred: dict[str, str] = {}

    def observe(self, window: Document, ctx: Context) -> None:
        document_names(window, ctx)  # collected as the windows come, shared with TQ501

    def end_document(self, doc: Document, ctx: Context) -> tuple:
        """The document's state: its path, its name groups, the spellings seen as names, their followers."""
        groups, named, followers = document_names(doc, ctx)
        compact = {
            key: {s: tuple(occ) for s, occ in spellings.items()}
            for key, spellings in groups.items()
        }
        return doc.path, compact, named, followers

    def merge(self, state: tuple, ctx: Context) -> None:
        path, compact, named, followers = state
        self._preferred = ctx.glossary.preferred
        self._named |= named
        for spelling, keys in followers.items():
            self._followers.setdefault(spelling, set()).update(keys)
        self._docs.append((path, compact))

    def finish(self):
        if len(self._docs) < 2:
            return  # one file: every spelling is in it, and what it spells two ways is TQ501's
        # one-letter variants (Zawahiri/Zawahri) are one name across files too
        every: dict[str, dict[str, None]] = {}
        for _, groups in self._docs:
            for key, spellings in groups.items():
                every.setdefault(key, {}).update(dict.fromkeys(s for s in spellings if s in self._named))
        self._roots = variant_roots(every)
        self._members: dict[str, list[str]] = {}
        for key, root in self._roots.items():
            self._members.setdefault(root, []).append(key)
        usage: dict[str, dict[str, list[int]]] = {}  # key -> spelling -> documents using it
        for i, (_, groups) in enumerate(self._docs):
            for key, spellings in groups.items():
                for s in spellings:
                    if s in self._named:
                        usage.setdefault(self._roots.get(key, key), {}).setdefault(s, []).append(i)
        for key, spellings in usage.items():
            if len(spellings) < 2:
                continue
            yield from self._drift(key, spellings)

    def _occurrences(self, i: int, root: str) -> dict[str, tuple]:
        """Document ``i``'s spellings of the name keyed ``root`` (its own key and its variants')."""
        groups = self._docs[i][1]
        out = dict(groups.get(root, {}))
        for key in self._members.get(root, ()):
            out.update(groups.get(key, {}))
        return out

    def _drift(self, key: str, spellings: dict[str, list[int]]):
        preferred = preferred_in(spellings, self._preferred.get(key))

        def weight(s):
            occurrences = sum(len(self._occurrences(i, key)[s]) for i in spellings[s])
            return (s != preferred, -len(spellings[s]), -occurrences, spellings[s][0])

        for canonical, variant in pair_variants(sorted(spellings, key=weight), self._followers):
            cited = spellings[canonical][0]
            path = self._docs[cited][0]
            first = self._occurrences(cited, key)[canonical][0]
            line = first.origin.position(first.start)[0] if first.origin is not None else first.line
            n = len(spellings[canonical])
            where = f"{path}, line {line}" + (f"; {n} files in all" if n > 1 else "")
            message = (f"'{variant}' is spelled '{canonical}' in other files of this run ({where}); "
                       f"use one spelling across the corpus"
                       + (f" ('{canonical}' is the preferred spelling)" if canonical == preferred else ""))
            for i in spellings[variant]:
                doc_path, mine = self._docs[i][0], self._occurrences(i, key)
                if sum(1 for s in mine if s in self._named) > 1:
                    continue  # the file uses more than one spelling: TQ501 reports it
                for m in mine[variant]:
                    yield self.finding(Document(doc_path, []), *m.segment(), message, canonical)
