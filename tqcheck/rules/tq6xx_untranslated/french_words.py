"""TQ605: French words left inside otherwise English sentences, judged by word frequencies.

The frequencies are wordfreq's (English and French, shipped with the package, read
offline); wordfreq is imported the first time the rule meets a word worth looking up,
and every lookup is cached. Only lowercase words (or a capitalised first word of a
sentence) are looked at: capitalised runs are names.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...model import Document, Segment, Severity
from ...registry import Context, SegmentRule, register
from ...text.bilingual import renderings
from ...text.lexicon import zipf
from ...text.numbers import months, weekdays
from ...text.places import is_place
from ...text.sentences import ends_with_abbreviation, is_sentence_start
from ...text.spans import inside
from .common import FRENCH_LETTERS_RE as _FRENCH_LETTERS_RE, accented as _accented, english_frequency as _english
from .common import french_spelling, skipped_spans
from .source_words import WORD_RE as _WORD_RE, SourceWords, function_homograph_left, function_homographs
from .source_words import function_words as _function_words, homograph_frequencies, homograph_left, lower_in_source

#: With the source: a word of the aligned source segment is French when its French zipf
#: frequency tops its English one by SOURCE_MARGIN and its English one is below SOURCE_EN_MAX
#: (démarche 4.5/1.1 is French; détente 3.9/2.3 and rapprochement 4.0/2.6 are English).
SOURCE_MARGIN = 1.5
SOURCE_EN_MAX = 2.0
#: ...or, whatever its English frequency, when its French zipf tops its English one by this much
#: (et 7.3/4.7, pour 7.0/4.1, société 5.5/2.7; not piste 4.6/2.4, car, comment, zone).
SOURCE_COMMON_MARGIN = 2.5
#: Without the source, more evidence: French zipf of at least LEXICON_FR_MIN, English below
#: LEXICON_EN_MAX, and an accent or a French ending (or a French zipf of LEXICON_FR_SURE).
LEXICON_FR_MIN = 3.0
#: A word of the source that English does not know (zipf 0) and French does, this often, is French,
#: unless its ending is an English one too: wordfreq's English list stops at rare words
#: (tergiversations is English; cathodique, sudiste, asticots are not).
UNKNOWN_FR_MIN = 2.0
_ENGLISH_ENDING_RE = re.compile(r"(?:tions?|sions?|ments?|ables?|ibles?|ives?|ances?|ences?|isms?|ists?|ities|ures?)$")
LEXICON_EN_MAX = 1.0
LEXICON_FR_SURE = 4.5
#: A capitalised word this much more French than English heads a French name whose lowercase words
#: are left alone (Caisse nationale d'assurance maladie; not Hitler et Stalin).
NAME_HEAD_MARGIN = 1.0
#: Words glued together ("personnesrassemblées", "derencontrer"): each part this frequent in French.
GLUED_PART_FR_MIN = 3.0

_ELISIONS = frozenset({"l", "d", "qu", "n", "s", "c", "j", "m", "t", "jusqu", "lorsqu", "puisqu"})
_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
# Bing's tokenised elisions: "l ' économie", "d ' une".
_SPACED_ELISION_RE = re.compile(r"(?<![\w'\u2019])(?:l|d|qu|n|j) ['\u2019](?= ?[^\W\d_\"\u201c])")
# Verb, participle and adjective endings English words do not have (démarchons, surenchérissaient,
# bâillonnera, baptismaux).
# ("-ions" after t, s or x and "-ions" as "-ons" are English too: nations, tergiversations.)
_FRENCH_ENDING_RE = re.compile(r"(?:aient|ait|aux|èrent|erai|eras|era|eront|erait|(?<![tsx])ions|iez|(?<!i)ons|ées?|és)$")
_CAMEL_RE = re.compile(r"^([a-zà-ÿ]{2,})([A-ZÀ-Ý][a-zà-ÿ]+)$")
# Words that may continue a French name after its capitalised words ("Observatoire syrien des droits de
# l'homme", "Caisse nationale d'assurance maladie").
# The only short words a glued pair may have: French articles, prepositions and pronouns.
_SHORT_WORDS = frozenset("à au aux de des du en et il la le les ne par qui que sa se ses son sur un une".split())
_ARTICLES = frozenset({"le", "la", "les"})


#: An English word (zipf PHRASAL_EN_MIN or more) followed by one of these particles is an English
#: phrasal verb, not the French word it also spells ("to pour over the petitions", not "pour": for).
PHRASAL_EN_MIN = 3.5
_PARTICLES = frozenset("over into onto out down up off away".split())
_NAME_PARTICLES = frozenset({"de", "des", "du", "la", "le", "les", "et", "en", "sur", "aux", "au", "à", "pour"})


@lru_cache(maxsize=65536)
def _verdict(word: str, in_source: bool) -> tuple[float, float] | None:
    """``(French zipf, English zipf)`` when ``word`` (lowercase, one word) is French and not
    English, else None; with ``in_source`` the word also stands in the aligned source."""
    if len(word) < 2 or not french_spelling(word):
        return None
    fr, en = zipf(word, "fr"), _english(word)
    french_shape = _accented(word) or bool(_FRENCH_ENDING_RE.search(word))
    if in_source:
        # wordfreq's English list stops at rare words (zipf 0 is "unknown", not "not English"):
        # an unknown word with an English shape needs to be a common French one (tergiversations).
        if en < SOURCE_EN_MAX and fr - en >= SOURCE_MARGIN and (en > 0 or french_shape or fr >= LEXICON_FR_MIN):
            return fr, en
        # A rare inflection wordfreq does not know, copied from the source: démarchons, bâillonnera;
        # or a French word English does not know at all (cathodique, stipulant).
        if en == 0 and len(word) >= 6 and (french_shape or fr >= UNKNOWN_FR_MIN and not _ENGLISH_ENDING_RE.search(word)):
            return fr, en
        # A common French word that English writes only in names and borrowings (et, pour, gens,
        # société): far more French than English, on the word's own frequencies.
        if fr >= LEXICON_FR_MIN and fr - zipf(word, "en") >= SOURCE_COMMON_MARGIN:
            return fr, zipf(word, "en")
    if en < LEXICON_EN_MAX and fr >= LEXICON_FR_MIN and (fr >= LEXICON_FR_SURE or french_shape):
        return fr, en
    return None


@lru_cache(maxsize=65536)
def _never_french(lower: str) -> bool:
    """True when ``FrenchWord._judge`` finds nothing in ``lower`` whatever the source holds and however
    it is capitalised: each hyphenated part has no verdict, in the source or not, and no two French
    words can be glued in it. Most words of a translation are these; they are passed over at once."""
    if "'" in lower:
        return False  # an elision is judged on its own terms
    if "-" not in lower:
        en, fr = zipf(lower, "en"), zipf(lower, "fr")
        if homograph_frequencies(fr, en) or lower in function_homographs():
            return False  # a French word English spells too: judged against the translation (homograph_left)
        if en >= SOURCE_EN_MAX and not (fr >= LEXICON_FR_MIN and fr - en >= SOURCE_COMMON_MARGIN):
            return True  # a common English word no more French than English: no test of _verdict passes
    if any(_verdict(p, True) or _verdict(p, False) for p in {lower, *lower.split("-")}):
        return False
    return "-" in lower or not 6 <= len(lower) <= GLUED_MAX_LETTERS or zipf(lower, "en") > 0 \
        or zipf(lower, "fr") >= GLUED_PART_FR_MIN


@lru_cache(maxsize=65536)
def _passed_over(token: str) -> bool:
    """Is a token of _WORD_RE a word no test can find French in (``_never_french``), and no two
    words run together (avecWillard)? Cached per token, as its words are."""
    word = token.replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return (word.islower() or word[0].isupper()) and _never_french(word.lower())


def _french_leaning(word: str) -> bool:
    return word in _NAME_PARTICLES or zipf(word, "fr") > zipf(word, "en")


#: Two French words run together are at most this long ("personnesrassemblées" is 20).
GLUED_MAX_LETTERS = 40


def _glued(word: str, source: frozenset | None) -> str | None:
    """"personnes rassemblées" for "personnesrassemblées": two common French words run together, one
    at least French and not English (both French-leaning will do when both stand in the source)."""
    if not 6 <= len(word) <= GLUED_MAX_LETTERS or zipf(word, "en") > 0 or zipf(word, "fr") >= GLUED_PART_FR_MIN:
        return None  # (a longer "word" is no two words run together, and splitting it would cost n² look-ups)
    for i in range(2, len(word) - 2):
        a, b = word[:i], word[i:]
        if any(len(p) <= 3 and p not in _SHORT_WORDS for p in (a, b)):
            continue  # "asphaltenes" is no "asphalte nes"
        if min(zipf(a, "fr"), zipf(b, "fr")) < GLUED_PART_FR_MIN:
            continue
        in_a, in_b = source is not None and a in source, source is not None and b in source
        if _verdict(a, in_a) or _verdict(b, in_b) or (in_a and in_b and _french_leaning(a) and _french_leaning(b)):
            return f"{a} {b}"
    return None


def _in_address(text: str, start: int, end: int) -> bool:
    """Part of a web or mail address (www.justiceinitiative.org) or a file name."""
    return (start > 0 and text[start - 1] in "./@") or (text[end:end + 1] in "./@" and text[end + 1:end + 2].isalnum())


@register
class FrenchWord(SegmentRule):
    """A French word left inside an otherwise English sentence (démarche, également, avec).

    With the source, a lowercase word of the translation that also stands in the aligned
    French segment is reported when wordfreq ranks it far more French than English
    (French zipf at least 1.5 above its English zipf, English below 2.0), or when it is an
    inflection too rare for wordfreq with an accent or a French verb ending (démarchons,
    bâillonnera), or when it is far more French than English (zipf 1.5 above)
    though English spells it too (pays, eau, libre, presse) and no other word of
    the translation is one of its English renderings (fidelity_glossary_fr_en.tsv;
    not the words English uses in their French sense,
    untranslated_english_homographs.txt: accord, dossier, milieu, tranche).
    Without the source the bar is higher: French zipf 3.0 or more, English
    below 1.0, and an accent or a French ending (or French zipf 4.5 or more). Words run
    together from the source (personnesrassemblées, avecWillard) and tokenised elisions
    (l ' économie) are reported too. Names (capitalised runs, and the lowercase words that
    continue a French name: Caisse nationale d'assurance maladie), loanwords English uses
    (untranslated_loanwords.txt: coup d'état, rapprochement, laïcité), Latin phrases
    (untranslated_latin.txt), short quotations (“laïcité”; not one everyday word, "système"), a
    French name glossed in parentheses after its English one ("Educational Progress (Evaluation nationale du progrès…)") and the
    words TQ602 lists are left alone, and so is a segment TQ601 finds wholly foreign.

    Flag: the ministry's démarche was criticised <<< la démarche du ministère a été critiquée
    Flag: the firm will également cut jobs <<< l'entreprise va également supprimer des emplois
    Flag: in other pays, the eau is libre <<< dans d'autres pays, l'eau est libre
    Okay: he pays for water in the country <<< il paie l'eau dans le pays
    Flag: access to informations on publics deficits <<< l'accès aux informations sur les déficits publics
    Okay: public information on the deficits and the riches of the few <<< les informations publiques sur les déficits et les riches
    Okay: the accord put the dossier and the first tranche on the ski pistes <<< l'accord a mis le dossier et la première tranche sur les pistes de ski
    Flag: For a long time, we démarchons for a market. <<< Depuis longtemps, nous démarchons pour un marché.
    Flag: Obama spoke to 20 000 personnesrassemblées in the rain.
    Flag: the opposition will be silenced, the report said également.
    Flag: an Ifop survey published in l ' Humanité
    Flag: Aujourd'hui, the city is calm. <<< Aujourd'hui, la ville est calme.
    Flag: Si, on Thursday, Rajchl is elected, many will be displeased. <<< Si, jeudi, Rajchl est élu, cela ne plaira pas.
    Flag: A stylist must know comment to soften wide shoulders. <<< La styliste doit savoir comment affiner des bras larges.
    Flag: Comment do you cope with the tours? <<< Comment gérez-vous vos tournées ?
    Okay: No comment, he said, and left by car. <<< Pas de commentaire, a-t-il dit, avant de partir en voiture.
    Okay: He explained how to comment on the car. <<< Il a expliqué comment commenter la voiture, car c'était utile.
    Flag: Troops feel plus pity than respect, as last an. <<< Les troupes ressentent plus de pitié que de respect, comme l'an dernier.
    Okay: Two plus two is four, an hour later, as a year ago. <<< Deux plus deux font quatre, une heure plus tard, comme il y a un an.
    Flag: Dans Lyman's case, she reported it at once. <<< Dans le cas de Lyman, elle l'a signalé aussitôt.
    Flag: Depuis 24 April 1990 it has sent images. <<< Depuis le 24 avril 1990, il envoie des images.
    Okay: Le Monde and La Paz reported it. <<< Le Monde et La Paz l'ont rapporté.
    Flag: the pact between Hitler et Stalin, and the Arts et Métiers school <<< le pacte entre Hitler et Staline, et l'école des Arts et Métiers
    Flag: Lyon et Marseille were revived by this government. <<< Lyon et Marseille ont été relancés par ce Gouvernement.
    Okay: figures of the National Assessment of Educational Progress (Evaluation nationale du progrès de l'enseignement) show a gap. <<< les chiffres du National Assessment of Educational Progress (Evaluation nationale du progrès de l'enseignement) montrent un écart.
    Flag: the new law (loi sur la sécurité intérieure) was passed. <<< la nouvelle loi sur la sécurité intérieure a été adoptée.
    Okay: the coup d'état failed, and the rapprochement with Paris was a fait accompli.
    Okay: the judges met to pour over the petitions. <<< les juges se sont réunis pour examiner les pétitions.
    Okay: his wife went to the French lycée in Los Angeles, 50 centimes a litre <<< sa femme est allée au lycée français de Los Angeles, 50 centimes le litre
    Flag: the judges met pour the petitions. <<< les juges se sont réunis pour les pétitions.
    Okay: Marine Le Pen walked down the Champs-Élysées <<< Marine Le Pen a descendu les Champs-Élysées
    Okay: France defends its “laïcité”, the strict separation of church and state.
    Flag: it will be put to a referendum "very bientôt." <<< il fera "très bientôt" l'objet d'un référendum.
    Okay: she gripped the barre and made a "deep plié." <<< elle a saisi la barre et a fait un "grand plié".
    Flag: it had a small cathodique ray tube. <<< il avait un petit tube cathodique.
    Flag: they want a commitment without ambigüités, and soon. <<< ils veulent un engagement sans ambigüités, et vite.
    Okay: the party, called együtt, won seats. <<< le parti, appelé együtt, a gagné des sièges.
    Okay: their endless tergiversations annoyed everyone. <<< leurs tergiversations sans fin ont agacé tout le monde.
    Okay: Smith et al. found that the study was flawed.
    Okay: that old Latin maxim qui tacet consentere videtur: who is silent consents <<< cette maxime latine qui tacet consentere videtur : qui ne dit mot consent
    Okay: according to the Caisse nationale d'assurance maladie, costs rose.
    Okay: the pistes were closed and the bourgeoisie stayed home.
    Okay: Charest said so, and Total agreed. <<< Charest l'a dit, Total aussi.
    """

    code = "TQ605"
    fix_safety = "unsafe"
    name = "french-word"
    category = "accuracy/untranslated"
    severity = Severity.MAJOR
    data_files = (
        "untranslated_loanwords.txt", "untranslated_latin.txt", "untranslated_exceptions.txt",
        "untranslated_function_words.tsv", "untranslated_english_homographs.txt", "fidelity_glossary_fr_en.tsv",
        "untranslated_function_homographs.tsv", "untranslated_homograph_contexts.tsv",
    )
    options = ("langid-min-chars", "langid-min-prob")

    def check(self, doc: Document, ctx: Context):
        for i, seg in enumerate(doc.segments):
            source = doc.source.segments[i].text if doc.source is not None else None
            yield from self.check_segment(doc, seg, ctx, source)

    def check_segment(self, doc: Document, seg: Segment, ctx: Context, source: str | None = None):
        hits = list(self._candidates(seg.text, source, "TQ602" in ctx.rules_in_force or not ctx.rules_in_force))
        if not hits or ctx.non_english(seg) is not None:
            return
        skipped = skipped_spans(seg.text)
        for start, end, message in hits:
            if not inside(skipped, start, end):
                yield self.finding(doc, seg, start, end, message)

    def _candidates(self, text: str, source: str | None, tq602: bool):
        src = SourceWords(source) if source is not None else None
        after_elision, elisions = set(), []
        for m in _SPACED_ELISION_RE.finditer(text):
            after_elision.add(m.end() + (text[m.end():m.end() + 1] == " "))
            elisions.append(m.span())
            yield m.start(), m.end(), (
                f"French elided article '{m.group(0)}' left in English text; translate the phrase"
            )
        if all(map(_passed_over, _WORD_RE.findall(text))):
            return  # every word is passed over (most segments): no token to walk
        tokens = list(_WORD_RE.finditer(text))
        for k, m in enumerate(tokens):
            if _passed_over(m.group(0)):
                continue  # most words
            word = m.group(0).replace("\u2019", "'")
            if word.endswith("'s"):
                word = word[:-2]
            start, end = m.start(), m.start() + len(word)
            if start in after_elision or inside(elisions, start, start + 1) or _in_address(text, start, end):
                continue
            camel = _CAMEL_RE.match(word)
            if camel:
                head = camel.group(1)
                if _verdict(head, src is not None and head in src) or head in _function_words():
                    yield start, end, (
                        f"French word '{head}' run into '{camel.group(2)}'; translate it and part the words"
                    )
                continue
            if "'" in word and word.rsplit("'", 1)[1][:1].isupper():
                continue  # l'Observatoire, d'Orsay: a name (French forms of names are TQ603's)
            capital = word[0].isupper()
            if capital and not self._lone_initial(text, tokens, k, word):
                continue  # a name, an acronym or a headline
            lower = word.lower()
            if tq602 and not capital and lower in _function_words():
                continue  # TQ602's (which takes lowercase words only)
            if lower in months() or lower in weekdays():
                continue  # TQ405's: a French month or weekday name, with its English name as the fix
            if lower in _ARTICLES and k + 1 < len(tokens) and tokens[k + 1].group(0)[:1].isupper() and (
                text[end:tokens[k + 1].start()] == " "
            ):
                continue  # an article of a French name written in lowercase: le Havre, les Misérables
            if capital and source is not None and not lower_in_source(lower, source, LEXICON_FR_SURE):
                continue  # the source has the word only capitalised: a name (Charest)
            found = self._judge(lower, src, capital)
            if found is None and src is not None and lower in src and (why := function_homograph_left(lower, text, source, start)):
                found = f"French word '{lower}' left in English text: {why}"
            if found is None and src is not None and not capital and lower in src and homograph_left(lower, text, source):
                found = (f"French word '{lower}' left in English text: it stands in the source, and no word of the "
                         f"translation renders it ({', '.join(renderings(lower)[:3])}); translate it")
            if found is None or self._continues_name(text, tokens, k) or self._between_names(text, tokens, k):
                continue
            if zipf(lower, "en") >= PHRASAL_EN_MIN and k + 1 < len(tokens) and tokens[k + 1].group(0) in _PARTICLES:
                continue  # an English verb with its particle: "pour over", "pour into"
            yield start, end, found

    @staticmethod
    def _lone_initial(text: str, tokens: list, k: int, word: str) -> bool:
        """A capitalised word worth a look: one word (no hyphen, no elision), first of a sentence (not
        after "Mr."), not followed by another capitalised word (Le Pen), not in capitals."""
        start = tokens[k].start()
        if word.isupper() or "-" in word or not is_sentence_start(text, start):
            return False
        if ends_with_abbreviation(text[:start].rstrip()):
            return False
        if word.lower() in _function_words() or word == "Et":
            return True  # "Dans Lyman's case", "Depuis 24 April", "Et Pena Nieto": no name starts with these
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        return not (nxt and nxt.group(0)[0].isupper() and not text[tokens[k].end():nxt.start()].strip())

    def _judge(self, lower: str, src: frozenset | None, capital: bool = False) -> str | None:
        """The message for a French word (lowercased), or None. A capitalised word is judged on its
        frequencies alone (a rare capitalised word is a name)."""
        if capital:
            # with the source, the word must stand there in lowercase (not as a name: Charest)
            in_source = src is not None and lower in src
            if in_source and lower in _function_words():  # "Si, on Thursday, ..." for "Si, jeudi, ..."
                return f"French word '{lower}' left in English text ({_function_words()[lower]}); translate it"
            verdict = _verdict(lower, in_source) if src is None or in_source else None
            if verdict and verdict[0] >= (LEXICON_FR_MIN if in_source else LEXICON_FR_SURE):
                return self._message(lower, verdict, in_source)
            return None
        parts = lower.split("'")
        if len(parts) == 2 and parts[0] in _ELISIONS:
            rest = parts[1]
            # the elision is French already; the word after it needs only lean French
            if rest and (_accented(rest) or zipf(rest, "fr") > _english(rest)) and _english(rest) < SOURCE_EN_MAX:
                return f"French words '{lower}' left in English text; translate them"
            return None
        for part in lower.split("-"):
            in_source = src is not None and part in src
            verdict = _verdict(part, in_source)
            if verdict:
                return self._message(part, verdict, in_source)
        if "-" not in lower and "'" not in lower:
            glued = _glued(lower, src)
            if glued:
                return f"French words '{glued}' run together and left in English text; translate them"
        return None

    @staticmethod
    def _message(word: str, verdict: tuple[float, float], in_source: bool) -> str:
        fr, en = verdict
        return (
            f"French word '{word}' left in English text (wordfreq zipf: French {fr:.1f}, English {en:.1f}"
            f"{'; it stands in the source' if in_source else ''}); translate it"
        )

    @staticmethod
    def _between_names(text: str, tokens: list, k: int) -> bool:
        """Is token ``k`` a particle inside a name (Arts et des Lettres, Bill de Blasio)? "et" is, only between
        words of which one is French (Arts et Métiers; not "Hitler et Stalin": the French "and" left in)."""
        particle = tokens[k].group(0).lower()
        if particle not in _NAME_PARTICLES:
            return False

        def capital_at(j: int, step: int) -> str | None:
            while 0 <= j < len(tokens):
                a, b = (tokens[j].end(), tokens[j + 1].start()) if step < 0 else (tokens[j - 1].end(), tokens[j].start())
                word = tokens[j].group(0)
                if text[a:b].strip() or word[:1].isupper():
                    return None if text[a:b].strip() else word
                if word.lower() not in _NAME_PARTICLES:
                    return None
                j += step
            return None

        names = [w for w in (capital_at(k - 1, -1), capital_at(k + 1, 1)) if w is not None]
        if particle == "et" and len(names) == 2 and all(is_place(w) for w in names):
            return False  # "Lyon et Marseille": two places, and the French "and" between them
        return len(names) == 2 and (particle != "et" or any(_FRENCH_LETTERS_RE.match(w.lower()) and (_accented(w) or zipf(
            w.lower(), "fr") - zipf(w.lower(), "en") >= NAME_HEAD_MARGIN) for w in names))  # not Jágr et Voráček

    @staticmethod
    def _continues_name(text: str, tokens: list, k: int) -> bool:
        """Does token ``k`` continue a capitalised French name ("Caisse nationale d'assurance maladie")?"""
        j = k - 1
        while j >= 0 and not text[tokens[j].end():tokens[j + 1].start()].strip():
            word = tokens[j].group(0).replace("\u2019", "'")
            head = word.split("'")[-1]
            if head[:1].isupper():  # a French name: Caisse, Observatoire (not Congress et the White House,
                # nor a city: Lyon et Marseille)
                return zipf(head.lower(), "fr") - zipf(head.lower(), "en") >= NAME_HEAD_MARGIN and not is_place(head) \
                    and _FRENCH_LETTERS_RE.match(head.lower()) is not None  # not Atlántico
            if not _french_leaning(head.lower()):
                return False
            j -= 1
        return False
