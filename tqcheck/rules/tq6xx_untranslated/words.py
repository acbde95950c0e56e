"""TQ602-TQ604: French function words, name forms and acronyms inside English, from word lists."""
from __future__ import annotations

import re
from functools import lru_cache

from ...model import Document, Segment, Severity
from ...registry import Context, DocumentRule, SegmentRule, register
from ...text.data import table
from ...text.fold import term_key
from ...text.sentences import is_sentence_start
from ...text.spans import inside
from .common import AFTER, BEFORE, alternation, excepted_spans

class _TableRule(SegmentRule):
    """Whole-word matches of a data table's first column, skipped in wholly foreign segments."""

    data_file: str
    #: What may not come right before a hit (by default: a letter, digit, hyphen or apostrophe).
    before = BEFORE
    #: The table is part of the default glossary: the rule is off with --no-default-glossary,
    #: and an entry a user glossary overrides is left to TQ502.
    glossary_entries = False

    @classmethod
    @lru_cache(maxsize=None)
    def _compiled(cls) -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
        rows = table(cls.data_file)
        lookup = {cls._norm(r[0]): r for r in rows}
        pattern = re.compile(cls.before + "(?:" + alternation([r[0] for r in rows], True) + ")" + AFTER)
        return pattern, lookup

    @staticmethod
    def _norm(s: str) -> str:
        return re.sub(r"[ \u00a0]+", " ", s.replace("\u2019", "'"))

    def check_segment(self, doc: Document, seg: Segment, ctx: Context):
        active = ctx.glossary.default_variants(self.code) if self.glossary_entries else None
        if active is not None and not active:
            return
        pattern, lookup = self._compiled()
        hits = list(pattern.finditer(seg.text))
        if not hits:
            return
        # A wholly foreign segment is TQ601's: do not report its words one by one too.
        if ctx.non_english(seg) is not None:
            return
        excepted = excepted_spans(seg.text)
        for m in hits:
            if inside(excepted, *m.span()) or not self.accept(m, doc, ctx):
                continue
            row = self._lookup(m)
            if active is not None and term_key(row[0]) not in active:
                continue
            message, suggestion = self.describe(m.group(0), row)
            yield self.finding(doc, seg, m.start(), m.end(), message, suggestion)

    def _lookup(self, m: re.Match) -> tuple[str, ...]:
        return self._compiled()[1][self._norm(m.group(0))]

    def accept(self, m: re.Match, doc: Document, ctx: Context) -> bool:
        return True

    def describe(self, text: str, row: tuple[str, ...]) -> tuple[str, str | None]:
        raise NotImplementedError


@register
class FrenchFunctionWords(_TableRule):
    """French function words (que, était, dans, avec, selon) left inside an English sentence.

    A partly translated sentence keeps French grammar words that English never
    uses. Only words that are not English words and do not occur in names or
    borrowings English keeps are listed: "de" (de facto, Charles de Gaulle),
    "le"/"la"/"des" (Le Pen, La Paz, Des Moines), "et" (et al.) and "est" (EST)
    are left out. Lowercase whole words only.

    Flag: the minister said que the reform était necessary
    Flag: the attack took place dans the night, selon the police
    Flag: He met the president avec his advisers.
    Okay: Charles de Gaulle airport, de facto rule, et al., 8:30 p.m. Sunday EST
    Okay: Marine Le Pen told Le Monde that La Paz and Des Moines are far apart.
    Okay: a rendez-vous with the raison d'être of the party, on the qui vive
    Okay: Que and Qui are names; the Ont. premier; Notre Dame won.
    """

    code = "TQ602"
    fix_safety = "unsafe"
    name = "french-function-words"
    category = "accuracy/untranslated"
    severity = Severity.MAJOR
    data_files = ("untranslated_function_words.tsv", "untranslated_exceptions.txt", "untranslated_latin.txt")
    options = ("langid-min-chars", "langid-min-prob")
    data_file = "untranslated_function_words.tsv"

    def describe(self, text, row):
        return f"French word '{text}' ('{row[1]}') left in English text; translate the phrase", None


_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
_LOOKBACK = 80  # characters: enough for the word before a hit, and keeps the search linear
_WORD_BEFORE_RE = re.compile(r"(?<![\w'\u2019-])([^\W\d_][\w'\u2019-]*)[ \u00a0]$")


@register
class FrenchExonym(_TableRule):
    """A French form of a place or person name inside English (Pékin, Londres, Poutine).

    French has its own forms of many foreign names; English uses its own
    (Beijing, London, Putin). Case-sensitive whole words, so the Quebec dish
    "poutine" is fine.

    Flag: a summit in Pékin with Vladimir Poutine
    Flag: the embassy in Le Caire and the consulate in Irak
    Flag: talks between the Etats-Unis and the Royaume-Uni
    Flag: Bachar al-Assad returned to Damas.
    Flag: the president of l'Irak
    Flag: In Londres, the talks resumed.
    Flag: closer to Vladimir Poutine’s Russia
    Flag: closer to Vladimir Putin’s Russie
    Okay: a summit in Beijing with Vladimir Putin, then a plate of poutine
    Okay: the embassy in Cairo and the consulate in Iraq; Kiev and Kyiv
    Okay: she won the Albert Londres prize for her reporting from London.
    Okay: thanks to Pascal Hambourg, who lives in Hamburg
    Okay: Bashar al-Assad returned to Damascus.
    """

    code = "TQ603"
    fix_safety = "unsafe"
    name = "french-exonym"
    category = "accuracy/untranslated"
    severity = Severity.MAJOR
    data_files = ("untranslated_exonyms.tsv", "untranslated_exceptions.txt", "untranslated_latin.txt")
    options = ("default-glossary", "glossary")
    data_file = "untranslated_exonyms.tsv"
    glossary_entries = True
    before = r"(?<![\w\-])"  # French elision counts: "l'Irak", "d'Allemagne"

    def accept(self, m, doc, ctx):
        # A place form right after a name mid-sentence is a surname: Albert Londres, Pascal Hambourg
        # (but not after a possessive: Poutine's Russie).
        if self._lookup(m)[2] != "place":
            return True
        before = _WORD_BEFORE_RE.search(m.string, max(0, m.start() - _LOOKBACK), m.start())
        if before is None or not before.group(1)[0].isupper() or _POSSESSIVE_RE.search(before.group(1)):
            return True
        return is_sentence_start(m.string, before.start())

    def describe(self, text, row):
        return f"French form '{text}' of a name; English writes '{row[1]}'", row[1]


_DEFINITION_RE = re.compile(r"\(([A-Z]{2,6})\)")
_CAPITALISED_RE = re.compile(r"[A-Z][\w'\u2019-]*")


def _defined_in_english(segments) -> set[str]:
    """The acronyms these segments spell out in English, as "Press Information Bureau (PIB)".

    The initials of the capitalised words just before "(ACRONYM)" must spell it;
    French expansions lowercase every word after the first ("Organisation des
    Nations unies (ONU)"), so they do not count.
    """
    defined = set()
    for seg in segments:
        for m in _DEFINITION_RE.finditer(seg.text):
            acr = m.group(1)
            words = seg.text[: m.start()].split()[-(len(acr) + 4):]
            initials = "".join(w[0] for w in words if _CAPITALISED_RE.fullmatch(w.strip(",;:")))
            if initials.endswith(acr):
                defined.add(acr)
    return defined


@register
class FrenchAcronym(_TableRule, DocumentRule):
    """A French acronym that has an English form (ONU, OTAN, UE, OMS, FMI, PIB).

    International bodies have English acronyms (UN, NATO, EU, WHO, IMF, GDP);
    the French ones mean nothing to an English reader. Whole words in capitals
    only; acronyms that are also common English ones (BCE, CPI) are not listed,
    and an acronym the document spells out in English ("Press Information
    Bureau (PIB)") is left alone.

    Flag: the ONU and the OTAN condemned the attack
    Flag: Iraq's PIB grew 4.9 percent, the FMI said.
    Flag: fighters of the EI group
    Okay: the UN and NATO condemned the attack, the IMF said
    Okay: the jihadist group Islamic State (IS) and the EU
    Okay: India's Press Information Bureau (PIB) said the PIB had no comment.
    Okay: the ancient city was founded in 300 BCE; the CPI rose.
    """

    code = "TQ604"
    fix_safety = "unsafe"
    name = "french-acronym"
    category = "terminology/wrong-term"
    severity = Severity.MAJOR
    data_files = ("untranslated_acronyms.tsv", "untranslated_exceptions.txt", "untranslated_latin.txt")
    options = ("default-glossary", "glossary")
    data_file = "untranslated_acronyms.tsv"
    glossary_entries = True
    before = r"(?<![\w'\u2019\-./])"  # not a file name or a macro (".UR/.UE")

    # An acronym may be spelled out anywhere in the document, after its first use too: the
    # hits wait for the last window.
    def check(self, doc, ctx):
        return DocumentRule.check(self, doc, ctx)

    def feed(self, window, ctx):
        state = ctx.state(self)
        state.setdefault("defined", set()).update(_defined_in_english(window.segments))
        state.setdefault("hits", []).extend(_TableRule.check(self, window, ctx))
        return ()

    def end(self, doc, ctx):
        state = ctx.state(self)
        defined = state.get("defined", set())
        return [f for f in state.get("hits", []) if f.text not in defined]

    def describe(self, text, row):
        return f"French acronym '{text}' ({row[2]}); English uses '{row[1]}'", row[1]
