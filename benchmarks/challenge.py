"""Challenge benchmark: inject controlled translation errors into professional translations
and measure how many of them tqcheck detects.

    python benchmarks/challenge.py [--data DIR] [--sets newstest2013,newstest2012]
                                   [--seed N] [--per-type N] [--types a,b] [--jobs N]
                                   [--markdown] [--json FILE] [--dump DIR]
                                   [--tqcheck "CMD"] [-- EXTRA TQCHECK ARGS]

For every set (``DIR/<set>.fr-en.{fr,en}``, one sentence per line, aligned; the set name
``wce-lig`` means ``DIR/wce-lig-dev/src.fr`` with the post-edits ``moses-postedit.en``) and every
perturbation type, ONE perturbed copy of the whole English file is built: about
``--per-type`` randomly chosen eligible lines are changed, all others are left as they are.
tqcheck is run once on the clean file and once per perturbed file (always with ``--src``), and

- a perturbed line is *detected* when the perturbed run reports on that line at least one
  finding more than the clean run did (compared as a multiset of rule codes per line);
- the rules credited for a detection are those whose count on the line grew;
- the false-alarm baseline is the clean run's findings per 100 segments (all of which are
  unperturbed professional translation);
- *collateral* counts the new findings that a perturbed file drew on lines that were NOT
  perturbed (document-level rules reacting to a change elsewhere).

Perturbation types (each applies only to lines where it is natural):

  number-changed   a number that has a counterpart in the French changed to a plausible value
  name-replaced    a proper name shared with the source replaced by another name of the same
                   kind taken from the corpus (city, country, surname), in all occurrences
  name-near        a person's surname shared with the source replaced by a surname of the corpus
                   alike in its letters (difflib ratio 0.6 or more: Kelly -> Kerry, Monti -> Monk,
                   as Castex -> Castro), in all occurrences
  name-removed     a proper name shared with the source deleted or replaced by a pronoun or
                   a description ("the official", "the country", "the city")
  french-word      a French word of the aligned source put in place of its English counterpart
  repeat           a word (or two) repeated ("the the", "Europe Europe")
  empty            the translation replaced by "." (sometimes "-", "Yes.", "...")
  unrelated        the translation replaced by the translation of a far-away segment
  lowercased       the segment lowercased (sometimes only its first letter)
  split-compound   a compound or multi-word name split with a spaced hyphen
                   ("States - United", "can - not", "well - known")
  truncated        the segment cut after its first third

Standard library only; deterministic for a given seed.
"""
from __future__ import annotations

import argparse
import collections
import difflib
import json
import math
import os
import random
import re
import shlex
import subprocess
import sys
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "real"))
DEFAULT_SEED = 20240611
DEFAULT_PER_TYPE = 150
DEFAULT_SETS = "newstest2013,newstest2012"

TYPES = [
    "number-changed",
    "name-replaced",
    "name-near",
    "name-removed",
    "french-word",
    "repeat",
    "empty",
    "unrelated",
    "lowercased",
    "split-compound",
    "truncated",
]

# --------------------------------------------------------------------------------------
# small helpers


def fold(s: str) -> str:
    """Lowercase and strip accents."""
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def contains_word(text: str, phrase: str, *, ignore_case: bool = False) -> bool:
    flags = re.IGNORECASE if ignore_case else 0
    return re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w])", text, flags) is not None


def contains_folded(text: str, phrase: str) -> bool:
    """``phrase`` occurs in ``text`` as whole words, ignoring case and accents
    (hyphens and apostrophes count as spaces)."""
    t = " " + re.sub(r"[\s\-'’]+", " ", fold(text)) + " "
    p = re.sub(r"[\s\-'’]+", " ", fold(phrase)).strip()
    return re.search(r"(?<![\w])" + re.escape(p) + r"(?![\w])", t) is not None


def line_rng(seed, kind: str, idx) -> random.Random:
    return random.Random(f"{seed}|{kind}|{idx}")


def cap_like(word: str, model: str) -> str:
    """``word`` capitalised like ``model`` (first letter)."""
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*")


# --------------------------------------------------------------------------------------
# gazetteers (English form -> French forms). Used only to know what KIND of name a
# token is and whether it has a counterpart in the source; replacements are drawn
# from the names actually seen in the corpus.

COUNTRIES = {
    "France": ["France"], "Germany": ["Allemagne"], "Spain": ["Espagne"], "Italy": ["Italie"],
    "Britain": ["Grande-Bretagne", "Royaume-Uni"], "Great Britain": ["Grande-Bretagne"],
    "United Kingdom": ["Royaume-Uni"], "United States": ["États-Unis", "Etats-Unis"],
    "China": ["Chine"], "Japan": ["Japon"], "Russia": ["Russie"], "Syria": ["Syrie"],
    "Iran": ["Iran"], "Iraq": ["Irak", "Iraq"], "Israel": ["Israël"], "Egypt": ["Égypte", "Egypte"],
    "Greece": ["Grèce"], "Portugal": ["Portugal"], "Belgium": ["Belgique"],
    "Switzerland": ["Suisse"], "Canada": ["Canada"], "Mexico": ["Mexique"],
    "Brazil": ["Brésil"], "Argentina": ["Argentine"], "India": ["Inde"], "Pakistan": ["Pakistan"],
    "Afghanistan": ["Afghanistan"], "Libya": ["Libye"], "Tunisia": ["Tunisie"],
    "Algeria": ["Algérie"], "Morocco": ["Maroc"], "Mali": ["Mali"], "Turkey": ["Turquie"],
    "Poland": ["Pologne"], "Ukraine": ["Ukraine"], "Austria": ["Autriche"],
    "Netherlands": ["Pays-Bas"], "Sweden": ["Suède"], "Norway": ["Norvège"],
    "Denmark": ["Danemark"], "Ireland": ["Irlande"], "Cuba": ["Cuba"], "Venezuela": ["Venezuela"],
    "Colombia": ["Colombie"], "Chile": ["Chili"], "Peru": ["Pérou"], "Australia": ["Australie"],
    "South Africa": ["Afrique du Sud"], "Nigeria": ["Nigeria", "Nigéria"], "Kenya": ["Kenya"],
    "Lebanon": ["Liban"], "Jordan": ["Jordanie"], "Saudi Arabia": ["Arabie saoudite"],
    "Qatar": ["Qatar"], "Yemen": ["Yémen"], "North Korea": ["Corée du Nord"],
    "South Korea": ["Corée du Sud"], "Vietnam": ["Vietnam", "Viêt Nam"],
    "Thailand": ["Thaïlande"], "Indonesia": ["Indonésie"], "Hungary": ["Hongrie"],
    "Czech Republic": ["République tchèque"], "Romania": ["Roumanie"], "Bulgaria": ["Bulgarie"],
    "Croatia": ["Croatie"], "Serbia": ["Serbie"], "Finland": ["Finlande"],
    "Scotland": ["Écosse", "Ecosse"], "England": ["Angleterre"], "Haiti": ["Haïti"],
    "Somalia": ["Somalie"], "Sudan": ["Soudan"], "Ethiopia": ["Éthiopie"],
    "Senegal": ["Sénégal"], "Cyprus": ["Chypre"], "Iceland": ["Islande"],
    "Luxembourg": ["Luxembourg"], "Bolivia": ["Bolivie"], "Ecuador": ["Équateur"],
    "Palestine": ["Palestine"], "Bosnia": ["Bosnie"], "Slovakia": ["Slovaquie"],
    "Estonia": ["Estonie"], "Latvia": ["Lettonie"], "Lithuania": ["Lituanie"],
    "Georgia": ["Géorgie"], "Kazakhstan": ["Kazakhstan"], "Uruguay": ["Uruguay"],
    "Paraguay": ["Paraguay"], "Cameroon": ["Cameroun"], "Rwanda": ["Rwanda"],
    "Bahrain": ["Bahreïn"], "Kuwait": ["Koweït"], "Taiwan": ["Taïwan", "Taiwan"],
    "Philippines": ["Philippines"], "Malaysia": ["Malaisie"], "Singapore": ["Singapour"],
    "Burma": ["Birmanie"], "Myanmar": ["Myanmar", "Birmanie"], "Sri Lanka": ["Sri Lanka"],
    "Bangladesh": ["Bangladesh"], "Nepal": ["Népal"], "Mongolia": ["Mongolie"],
    "New Zealand": ["Nouvelle-Zélande"], "Madagascar": ["Madagascar"], "Niger": ["Niger"],
    "Chad": ["Tchad"], "Ivory Coast": ["Côte d'Ivoire"], "Zimbabwe": ["Zimbabwe"],
}

CITIES = {
    "Paris": ["Paris"], "London": ["Londres"], "Lyon": ["Lyon"], "Marseille": ["Marseille"],
    "Lille": ["Lille"], "Toulouse": ["Toulouse"], "Bordeaux": ["Bordeaux"], "Nice": ["Nice"],
    "Nantes": ["Nantes"], "Strasbourg": ["Strasbourg"], "Montpellier": ["Montpellier"],
    "Rennes": ["Rennes"], "Grenoble": ["Grenoble"], "Toulon": ["Toulon"], "Lens": ["Lens"],
    "Cannes": ["Cannes"], "Versailles": ["Versailles"], "Saint-Etienne": ["Saint-Étienne", "Saint-Etienne"],
    "New York": ["New York"], "Washington": ["Washington"], "Los Angeles": ["Los Angeles"],
    "Chicago": ["Chicago"], "Boston": ["Boston"], "San Francisco": ["San Francisco"],
    "Miami": ["Miami"], "Detroit": ["Detroit", "Détroit"], "Houston": ["Houston"],
    "Berlin": ["Berlin"], "Munich": ["Munich"], "Frankfurt": ["Francfort"], "Hamburg": ["Hambourg"],
    "Madrid": ["Madrid"], "Barcelona": ["Barcelone"], "Rome": ["Rome"], "Milan": ["Milan"],
    "Naples": ["Naples"], "Venice": ["Venise"], "Brussels": ["Bruxelles"], "Geneva": ["Genève"],
    "Zurich": ["Zurich"], "Moscow": ["Moscou"], "Beijing": ["Pékin"], "Shanghai": ["Shanghai"],
    "Tokyo": ["Tokyo"], "Montreal": ["Montréal"], "Quebec": ["Québec"], "Toronto": ["Toronto"],
    "Vancouver": ["Vancouver"], "Ottawa": ["Ottawa"], "Laval": ["Laval"], "Athens": ["Athènes"],
    "Lisbon": ["Lisbonne"], "Vienna": ["Vienne"], "Amsterdam": ["Amsterdam"],
    "Warsaw": ["Varsovie"], "Prague": ["Prague"], "Budapest": ["Budapest"], "Cairo": ["Caire"],
    "Damascus": ["Damas"], "Baghdad": ["Bagdad"], "Tehran": ["Téhéran"],
    "Jerusalem": ["Jérusalem"], "Gaza": ["Gaza"], "Kabul": ["Kaboul"], "Istanbul": ["Istanbul"],
    "Ankara": ["Ankara"], "Hong Kong": ["Hong Kong"], "Mumbai": ["Bombay"], "Delhi": ["Delhi"],
    "Sydney": ["Sydney"], "Dubai": ["Dubaï"], "Beirut": ["Beyrouth"], "Tripoli": ["Tripoli"],
    "Benghazi": ["Benghazi"], "Tunis": ["Tunis"], "Algiers": ["Alger"], "Dakar": ["Dakar"],
    "Bamako": ["Bamako"], "Timbuktu": ["Tombouctou"], "Stockholm": ["Stockholm"],
    "Oslo": ["Oslo"], "Copenhagen": ["Copenhague"], "Dublin": ["Dublin"],
    "Edinburgh": ["Édimbourg"], "Manchester": ["Manchester"], "Liverpool": ["Liverpool"],
    "Seville": ["Séville"], "Florence": ["Florence"], "Turin": ["Turin"],
    "Havana": ["La Havane"], "Caracas": ["Caracas"], "Bogota": ["Bogota"], "Lima": ["Lima"],
    "Santiago": ["Santiago"], "Buenos Aires": ["Buenos Aires"], "Rio de Janeiro": ["Rio de Janeiro"],
    "Sao Paulo": ["São Paulo", "Sao Paulo"], "Mexico City": ["Mexico"], "Kiev": ["Kiev"],
    "Seoul": ["Séoul"], "Pyongyang": ["Pyongyang"], "Bangkok": ["Bangkok"],
}

# continents and world regions: places, never people ("Europe" after a given name elsewhere in the
# corpus made it a pooled surname, and "Europe" -> "Rove" a person replaced)
REGIONS = frozenset(
    """Europe Africa Asia America Americas Oceania Antarctica Arctic Eurasia Scandinavia Balkans Caribbean
    Maghreb Sahel Caucasus Siberia Levant Mediterranean Atlantic Pacific""".split()
)

# words that make a capitalised sequence an organisation / place, not a person
ORG_WORDS = set(
    """Party Union Bank Council Court House Street Centre Center Ministry Museum University
    College School Company Group Committee Commission Assembly Senate Congress Agency Institute
    Office Department Airport Station Hospital Church Cathedral Festival Cup League Club Times
    Post Journal News Press Airlines Motors Corporation Corp Inc Ltd Association Foundation
    Federation Fund Organisation Organization Authority Service Services Board Council Parliament
    Republic Kingdom States Nations Square Avenue Road Bridge Park River Lake Mountain Island
    Islands Ocean Sea Coast Valley Hall Tower Palace Theatre Theater Stadium Prize Award Awards
    Games Olympics Championship Tour Summit Forum Conference Front Movement Army Navy Police
    Guard Force Forces Team Brothers Sisters Hotel Market Exchange Index Act Law Plan Day Week
    Year Age War Revolution Empire Region Province County City Town Village District State
    Minister President Secretary Chief Director General Governor Mayor Prime Senator""".split()
)

TITLES = {
    "Mr": "he", "Mr.": "he", "Mrs": "she", "Mrs.": "she", "Ms": "she", "Ms.": "she",
    "Dr": "the doctor", "Dr.": "the doctor", "President": "the president",
    "Minister": "the minister", "Senator": "the senator", "Governor": "the governor",
    "Judge": "the judge", "Mayor": "the mayor", "General": "the general",
    "Prince": "the prince", "King": "the king", "Queen": "the queen",
    "Chancellor": "the chancellor", "Professor": "the professor", "Pope": "the pope",
    "Sheikh": "the sheikh", "Colonel": "the colonel", "Commissioner": "the commissioner",
    "Coach": "the coach", "Inspector": "the inspector",
}

FIRST_NAMES = set(
    """Aaron Adam Adrian Ahmed Alain Alan Albert Alejandro Alex Alexander Alexandre Alexei Ali
    Alice Alison Amanda Amy Andrea Andreas Andrew Andrei Andrzej Angela Anna Anne Annie Anthony
    Antoine Antonio Arnaud Arthur Barack Barbara Ben Benjamin Benoit Bernard Bill Bob Boris Brad
    Brian Bruce Bruno Carl Carlos Caroline Catherine Charles Charlotte Chris Christian Christine
    Christophe Christopher Claire Claude Colin Daniel Danielle David Denis Dennis Didier Diego
    Dmitry Dominique Donald Edward Elena Elizabeth Emily Emma Emmanuel Eric Eva Fabien Felipe
    Fernando Florence Francesco Francis Francisco François Frank Frederic Frédéric Gabriel Gary
    Gau George Georges Gérald Gerard Gérard Gilles Giorgio Guillaume Hans Harry Heinz Helen Hélène
    Henri Henry Hugo Ian Igor Isabelle Ivan Jack Jacques James Jan Jane Jean Jean-Claude
    Jean-François Jean-Luc Jean-Marc Jean-Marie Jean-Pierre Jeff Jennifer Jeremy Jérôme Jim Joe
    Johann John Jonathan Jorge José Joseph Juan Julia Julian Julie Julien Karel Karen Karl
    Katherine Kate Kevin Klaus Laura Laurent Leo Leon Linda Lisa Louis Luc Lucas Luis Maria Marc
    Marco Margaret Maria Marie Marine Mario Mark Martin Mary Matthew Maxime Michael Michel Michelle
    Miguel Mikhail Miloš Mohamed Mohammed Nadia Natalia Nathalie Nicolas Nicole Nikolai Olivier
    Oscar Pablo Pascal Patrick Paul Pedro Peter Petr Philip Philippe Pierre Rachel Rafael Ralph
    Raymond Rebecca Richard Robert Roberto Roger Romain Ronald Sam Samuel Sandra Sarah Sébastien
    Sergei Sergey Simon Sophie Stefan Stephen Steve Steven Susan Sylvie Thierry Thomas Tim Tom
    Tony Valerie Valérie Vaclav Václav Victor Vincent Vladimir Walter William Xavier Yves
    Zdenek Zdeněk""".split()
)

SURNAME_REPLACEMENTS_FALLBACK = [
    "Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Lefebvre", "Garnier", "Rousseau",
    "Castro", "Fournier", "Girard", "Bonnet", "Mercier", "Lambert", "Faure", "Chevalier",
]

# English word -> French forms (any one of them must occur in the aligned source)
EN_FR_FUNCTION = {
    # function words and adverbs
    "and": ["et"], "but": ["mais"], "with": ["avec"], "also": ["également", "aussi"],
    "very": ["très"], "however": ["cependant", "toutefois", "pourtant"],
    "already": ["déjà"], "still": ["encore", "toujours"], "without": ["sans"],
    "between": ["entre"], "because": ["parce que", "car"], "since": ["depuis"],
    "during": ["pendant", "lors"], "after": ["après"], "before": ["avant"],
    "against": ["contre"], "among": ["parmi"], "now": ["maintenant", "désormais"],
    "today": ["aujourd'hui"], "yesterday": ["hier"], "tomorrow": ["demain"],
    "often": ["souvent"], "always": ["toujours"], "never": ["jamais"], "here": ["ici"],
    "why": ["pourquoi"], "how": ["comment"], "where": ["où"], "when": ["quand", "lorsque"],
    "if": ["si"], "or": ["ou"], "for": ["pour"], "in": ["dans"], "on": ["sur"],
    "under": ["sous"], "towards": ["vers"], "according": ["selon"], "almost": ["presque"],
    "nearly": ["presque"], "especially": ["notamment", "surtout"],
    "particularly": ["particulièrement", "notamment"], "currently": ["actuellement"],
    "finally": ["enfin", "finalement"], "quickly": ["rapidement", "vite"],
    "recently": ["récemment"], "thus": ["ainsi"], "therefore": ["donc"], "so": ["donc", "alors"],
    "too": ["trop", "aussi"], "less": ["moins"], "more": ["plus"], "well": ["bien"],
    "who": ["qui"], "which": ["qui", "lequel", "laquelle"], "this": ["ce", "cette", "cet"],
    "these": ["ces"], "all": ["tous", "toutes", "tout"], "every": ["chaque"],
    "each": ["chaque"], "nothing": ["rien"], "only": ["seulement", "uniquement"],
    "together": ["ensemble"], "again": ["encore", "nouveau"], "soon": ["bientôt"],
}

EN_FR_CONTENT = {
    # nouns
    "government": ["gouvernement"], "minister": ["ministre"], "country": ["pays"],
    "countries": ["pays"], "company": ["entreprise", "société"],
    "companies": ["entreprises", "sociétés"], "city": ["ville"], "town": ["ville", "commune"],
    "year": ["année", "an"], "years": ["années", "ans"], "people": ["gens", "personnes"],
    "president": ["président"], "law": ["loi"], "world": ["monde"], "week": ["semaine"],
    "weeks": ["semaines"], "day": ["jour", "journée"], "days": ["jours"], "month": ["mois"],
    "months": ["mois"], "money": ["argent"], "work": ["travail"], "children": ["enfants"],
    "women": ["femmes"], "men": ["hommes"], "school": ["école"], "market": ["marché"],
    "price": ["prix"], "prices": ["prix"], "job": ["emploi", "poste"], "jobs": ["emplois"],
    "health": ["santé"], "crisis": ["crise"], "war": ["guerre"], "election": ["élection"],
    "elections": ["élections"], "party": ["parti"], "decision": ["décision"],
    "project": ["projet"], "problem": ["problème"], "problems": ["problèmes"],
    "measures": ["mesures"], "increase": ["hausse", "augmentation"], "house": ["maison"],
    "car": ["voiture"], "cars": ["voitures"], "life": ["vie"], "death": ["mort", "décès"],
    "tax": ["impôt", "taxe"], "debt": ["dette"], "bank": ["banque"], "banks": ["banques"],
    "court": ["tribunal", "cour"], "judge": ["juge"], "study": ["étude"],
    "research": ["recherche"], "students": ["étudiants", "élèves"], "team": ["équipe"],
    "players": ["joueurs"], "player": ["joueur"], "game": ["match", "partie"],
    "society": ["société"], "economy": ["économie"], "growth": ["croissance"],
    "unemployment": ["chômage"], "spending": ["dépenses"], "budget": ["budget"],
    "agreement": ["accord"], "deal": ["accord"], "talks": ["négociations", "pourparlers"],
    "step": ["démarche", "étape"], "approach": ["démarche", "approche"],
    "lawyer": ["avocat"], "lawyers": ["avocats"], "doctor": ["médecin"],
    "doctors": ["médecins"], "hospital": ["hôpital"], "town hall": ["mairie"],
    "mayor": ["maire"], "newspaper": ["journal"], "survey": ["sondage", "enquête"],
    "poll": ["sondage"], "inquiry": ["enquête"], "investigation": ["enquête"],
    "family": ["famille"], "families": ["familles"], "wife": ["femme", "épouse"],
    "husband": ["mari"], "father": ["père"], "mother": ["mère"], "son": ["fils"],
    "daughter": ["fille"], "friend": ["ami", "amie"], "friends": ["amis"],
    "building": ["bâtiment", "immeuble"], "street": ["rue"], "road": ["route"],
    "water": ["eau"], "energy": ["énergie"], "power": ["pouvoir", "puissance"],
    "rights": ["droits"], "freedom": ["liberté"], "security": ["sécurité"],
    "fear": ["peur", "crainte"], "rate": ["taux"], "level": ["niveau"], "area": ["zone", "région"],
    "region": ["région"], "border": ["frontière"], "army": ["armée"], "soldiers": ["soldats"],
    "attack": ["attaque", "attentat"], "victims": ["victimes"], "weather": ["météo", "temps"],
    "book": ["livre"], "song": ["chanson"], "film": ["long-métrage"], "show": ["spectacle"],
    "trial": ["procès"], "prison": ["prison"], "sentence": ["peine"], "police officers": ["policiers"],
    "shares": ["actions"], "sales": ["ventes"], "profit": ["bénéfice"], "profits": ["bénéfices"],
    "loss": ["perte"], "losses": ["pertes"], "ban": ["interdiction"], "reform": ["réforme"],
    # verbs / adjectives
    "said": ["a dit", "a déclaré", "a affirmé"], "explained": ["a expliqué", "explique"],
    "new": ["nouveau", "nouvelle", "nouveaux", "nouvelles"], "big": ["grand", "grande"],
    "large": ["grand", "grande", "important"], "small": ["petit", "petite"],
    "important": ["important", "importante"], "difficult": ["difficile"],
    "possible": ["possible"], "first": ["premier", "première"], "last": ["dernier", "dernière"],
    "next": ["prochain", "prochaine"], "good": ["bon", "bonne"], "bad": ["mauvais", "mauvaise"],
    "young": ["jeune", "jeunes"], "old": ["vieux", "vieille", "ancien"], "free": ["gratuit", "libre"],
}

# pure same-spelling pairs are not errors, drop them
EN_FR_CONTENT = {k: [f for f in v if fold(f) != fold(k)] for k, v in EN_FR_CONTENT.items()}
EN_FR_CONTENT = {k: v for k, v in EN_FR_CONTENT.items() if v}
EN_FR = {**EN_FR_FUNCTION, **EN_FR_CONTENT}

# countries that take "the" in English
THE_COUNTRIES = {"United States", "United Kingdom", "Netherlands", "Philippines", "Czech Republic",
                 "Ivory Coast"}

EN_NUM_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000,
}
FR_NUM_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "cent": 100, "mille": 1000,
}
NUM_WORD_NEIGHBOURS = {
    "two": ["three", "four"], "three": ["two", "four", "five"], "four": ["three", "five", "six"],
    "five": ["four", "six", "seven"], "six": ["five", "seven", "eight"],
    "seven": ["six", "eight", "nine"], "eight": ["seven", "nine", "six"],
    "nine": ["eight", "ten", "seven"], "ten": ["nine", "eleven", "twelve"],
    "eleven": ["ten", "twelve"], "twelve": ["eleven", "ten", "fifteen"],
    "fifteen": ["twelve", "twenty"], "twenty": ["thirty", "fifteen"],
    "thirty": ["twenty", "forty"], "forty": ["thirty", "fifty"], "fifty": ["forty", "sixty"],
    "hundred": ["thousand"], "thousand": ["hundred"],
}

FUNCTION_WORDS = set(
    """the a an of to in on at for with and or but is was are were has have had be been that
    this it its by from as said says not will would could can""".split()
)

# --------------------------------------------------------------------------------------
# corpus context


class Context:
    """Corpus-level knowledge shared by the perturbations: name pools, English vocabulary,
    capitalisation statistics. Build it with :func:`build_context`."""

    def __init__(self):
        self.cap_count: collections.Counter = collections.Counter()
        self.low_count: collections.Counter = collections.Counter()
        self.en_vocab: set[str] = set()
        self.surnames: list[str] = []
        self.cities: list[str] = []
        self.countries: list[str] = []
        self.names_cache: dict = {}

    def name_like(self, token: str) -> bool:
        """A capitalised token that is (almost) never written in lowercase in the corpus."""
        key = token.lower()
        cap, low = self.cap_count[key], self.low_count[key]
        if cap == 0:
            # unseen: trust its shape
            return token[:1].isupper() and key not in FUNCTION_WORDS
        return low <= cap * 0.1


def _sentence_starts(tokens: list[tuple[int, int, str]], line: str) -> set[int]:
    """Indices of tokens at a sentence start (line start, after .!?: or an opening quote)."""
    starts = set()
    for i, (s, _e, _w) in enumerate(tokens):
        before = line[:s].rstrip(" \"“‘'«(")
        if not before or before[-1] in ".!?:;":
            starts.add(i)
    return starts


def tokens_of(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(line)]


def build_context(pairs: list[tuple[str, str]]) -> Context:
    """Statistics and name pools from (fr, en) pairs."""
    ctx = Context()
    for _fr, en in pairs:
        toks = tokens_of(en)
        starts = _sentence_starts(toks, en)
        for i, (_s, _e, w) in enumerate(toks):
            for part in re.split(r"['’]", w)[:1]:
                ctx.en_vocab.add(fold(part))
            ctx.en_vocab.add(fold(w))
            if i in starts:
                continue
            if w[:1].isupper():
                ctx.cap_count[w.lower()] += 1
            elif w.islower():
                ctx.low_count[w.lower()] += 1
    # first names seen before a surname that also occurs after a title ("Mr Tremblay" and
    # "Gérald Tremblay"): a small bootstrap on top of FIRST_NAMES
    titled = set()
    for _fr, en in pairs:
        for m in re.finditer(r"(?<![\w])(?:Mr|Mrs|Ms|Dr|President|Senator|Minister)\.? ([A-Z][a-zà-ÿ]+)(?![\w])", en):
            titled.add(m.group(1))
    ctx.first_names = set()
    for _fr, en in pairs:
        for m in re.finditer(r"(?<![\w-])([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?) ([A-Z][a-zà-ÿ]+)(?![\w])", en):
            if m.group(2) in titled and m.group(1) not in TITLES and ctx.name_like(m.group(1)):
                ctx.first_names.add(m.group(1))
    surnames, cities, countries = set(), set(), set()
    for fr, en in pairs:
        for name, kind, _span in find_names(en, fr, ctx, pooled=False):
            if kind == "person":
                surnames.add(name.split()[-1])
            elif kind == "city":
                cities.add(name)
            elif kind == "country":
                countries.add(name)
    ctx.surnames = sorted(surnames) or list(SURNAME_REPLACEMENTS_FALLBACK)
    ctx.cities = sorted(cities | {"Lyon", "Lille", "Toulouse", "Bordeaux", "Marseille", "Nantes"})
    ctx.countries = sorted(countries | {"Belgium", "Spain", "Italy", "Germany", "Portugal"})
    ctx.surname_set = set(ctx.surnames)
    return ctx


# --------------------------------------------------------------------------------------
# names


def _gazetteer_hits(en: str, fr: str, table: dict, kind: str):
    out = []
    for name, fr_forms in table.items():
        if name in en and contains_word(en, name) and any(contains_folded(fr, f) for f in fr_forms):
            out.append((name, kind))
    # drop names inside longer hits ("Britain" inside "Great Britain")
    names = [n for n, _ in out]
    return [(n, k) for n, k in out if not any(n != m and n in m for m in names)]


PARTICLES = {"de", "du", "van", "von", "der", "la", "le", "al", "bin", "ben", "da", "di", "d'"}


def find_names(en: str, fr: str, ctx: Context, *, pooled: bool = True):
    cache = ctx.names_cache if pooled else {}
    key = (en, fr)
    if key not in cache:
        cache[key] = _find_names(en, fr, ctx, pooled)
    return list(cache[key])


def _find_names(en: str, fr: str, ctx: Context, pooled: bool):
    """Proper names of ``en`` that also occur in ``fr``: list of (name, kind, first span),
    kind in person / city / country. For a person, name is the full name as written
    without title ("Jean Castex"); the surname is its last word."""
    found = []
    geo = _gazetteer_hits(en, fr, COUNTRIES, "country") + _gazetteer_hits(en, fr, CITIES, "city")
    geo_words = set()
    for name, kind in geo:
        m = re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w])", en)
        found.append((name, kind, (m.start(), m.end())))
        geo_words.update(name.split())
    toks = tokens_of(en)
    starts = _sentence_starts(toks, en)
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if not w[:1].isupper():
            i += 1
            continue
        j = i
        # extend a run of capitalised tokens separated by single spaces (allow particles)
        while j + 1 < len(toks):
            ns, ne, nw = toks[j + 1]
            gap = en[toks[j][1]:ns]
            if gap != " ":
                break
            if nw[:1].isupper() or (nw in PARTICLES and j + 2 < len(toks) and toks[j + 2][2][:1].isupper()):
                j += 1
            else:
                break
        run = toks[i:j + 1]
        k0 = i
        titled = False
        # strip leading titles and sentence-initial ordinary words
        while run and (run[0][2] in TITLES or (k0 in starts and not ctx.name_like(run[0][2]))):
            if run[0][2] in TITLES:
                titled = True
            run = run[1:]
            k0 += 1
        i = j + 1
        if not run:
            continue
        words = [t[2] for t in run]
        surname = re.sub(r"['’]s$", "", words[-1])
        words[-1] = surname
        if (
            len(surname) < 3
            or surname.isupper()
            or any(w in ORG_WORDS for w in words)
            or any(w in geo_words for w in words)
            or surname in COUNTRIES
            or surname in CITIES
            or any(w in REGIONS for w in words)
            or not ctx.name_like(surname)
            or not contains_word(fr, surname)
        ):
            continue
        pooled_ok = pooled and surname in getattr(ctx, "surname_set", ())
        first_ok = len(words) >= 2 and words[0] in (FIRST_NAMES | getattr(ctx, "first_names", set()))
        if not (titled or first_ok or pooled_ok):
            continue
        if "'" in surname or "’" in surname:
            continue
        if len(words) >= 2 and not all(ctx.name_like(w) or w in PARTICLES for w in words):
            continue
        if len(words) > 4:
            continue
        full = " ".join(words)
        if not contains_word(fr, full):
            full = surname
        start = run[0][0] if full != surname else run[-1][0]
        found.append((full, "person", (start, start + len(full))))
    # de-duplicate by name
    seen, out = set(), []
    for name, kind, span in found:
        if name not in seen:
            seen.add(name)
            out.append((name, kind, span))
    return out


def _sub_all(text: str, name: str, repl: str) -> str:
    return re.sub(r"(?<![\w-])" + re.escape(name) + r"(?![\w])", lambda m: repl, text)


def perturb_name_replaced(en: str, fr: str, rng: random.Random, ctx: Context) -> str | None:
    names = find_names(en, fr, ctx)
    if not names:
        return None
    name, kind, _span = rng.choice(names)
    if kind == "person":
        old = name.split()[-1]
        pool = ctx.surnames
    elif kind == "city":
        old, pool = name, ctx.cities
    else:
        old, pool = name, ctx.countries
    choices = [p for p in pool if p != old and not contains_word(en, p)
               and not contains_folded(fr, p) and p not in old and old not in p]
    if not choices:
        return None
    if kind == "person" and rng.random() < 0.5:
        similar = [p for p in choices if p[0] == old[0]]
        if similar:
            choices = similar
    if kind == "country":
        same = [p for p in choices if (p in THE_COUNTRIES) == (old in THE_COUNTRIES)]
        choices = same or [p for p in choices if p not in THE_COUNTRIES] or choices
    new = rng.choice(choices)
    if kind == "country" and old in THE_COUNTRIES and new not in THE_COUNTRIES:
        # "the United States" -> "Japan", "The Netherlands" -> "Spain"
        out = re.sub(r"(?:(?<![\w])([Tt])he )?(?<![\w-])" + re.escape(old) + r"(?![\w])",
                     lambda m: new, en)
    else:
        out = _sub_all(en, old, new)
    return out if out != en else None


#: How alike (difflib ratio) a surname of the corpus must be to replace another in ``name-near``.
NEAR_RATIO = 0.6


def perturb_name_near(en: str, fr: str, rng: random.Random, ctx: Context) -> str | None:
    people = [name for name, kind, _span in find_names(en, fr, ctx) if kind == "person"]
    if not people:
        return None
    old = rng.choice(people).split()[-1]
    choices = [p for p in ctx.surnames if p != old and not contains_word(en, p) and not contains_folded(fr, p)
               and p not in old and old not in p
               and difflib.SequenceMatcher(None, p.lower(), old.lower()).ratio() >= NEAR_RATIO]
    if not choices:
        return None
    out = _sub_all(en, old, rng.choice(choices))
    return out if out != en else None


def perturb_name_removed(en: str, fr: str, rng: random.Random, ctx: Context) -> str | None:
    names = find_names(en, fr, ctx)
    rng.shuffle(names)
    for name, kind, _span in names:
        out = _remove_name(en, name, kind, rng)
        if out and out != en:
            return out
    return None


def _remove_name(en: str, name: str, kind: str, rng: random.Random) -> str | None:
    esc = re.escape(name)
    if kind == "person":
        # 1) apposition after a common noun: "the minister, Jean Castex, said" -> "the minister said"
        m = re.search(r"(?<=[a-z]), (?:(?:" + "|".join(map(re.escape, TITLES)) + r") )?" + esc + r", ", en)
        if m and rng.random() < 0.8:
            return en[:m.start()] + " " + en[m.end():]
        # 2) apposition before a description: "Jean Castex, 54, said" is rare; "..., said Jean Castex." -> "..., said the official."
        # 3) title + name
        titles = "|".join(sorted(map(re.escape, TITLES), key=len, reverse=True))
        m = re.search(r"(?<![\w])(" + titles + r") (?:[A-Z][\w'-]* )*?" + esc + r"(['’]s)?(?![\w])", en)
        if m:
            title = m.group(1)
            repl = TITLES[title]
            if m.group(2):
                repl = {"he": "his", "she": "her"}.get(repl, repl + "'s")
            elif repl in ("he", "she") and not _at_sentence_start(en, m.start()):
                repl = {"he": "him", "she": "her"}[repl] if _after_preposition(en, m.start()) else "the official"
            if _at_sentence_start(en, m.start()):
                repl = repl[:1].upper() + repl[1:]
            return en[:m.start()] + repl + en[m.end():]
        # 4) the name alone
        m = re.search(r"(?<![\w-])" + esc + r"(['’]s)?(?![\w])", en)
        if not m:
            return None
        start = _at_sentence_start(en, m.start())
        nxt = en[m.end():m.end() + 2]
        if not m.group(1) and re.search(r"(?<![\w])(?:the|a|an|The|A|An) $", en[:m.start()]) and re.match(r" [a-z]", nxt):
            # attributive: "the Obama administration" -> "the administration"
            return en[:m.start()] + en[m.end() + 1:]
        if m.group(1):
            repl = rng.choice(["his", "the official's"])
        elif start and re.match(r" [a-z]", nxt):
            repl = "he"
        else:
            repl = rng.choice(["the official", "the man", "the spokesman"])
        if start:
            repl = repl[:1].upper() + repl[1:]
        return en[:m.start()] + repl + en[m.end():]
    noun = "the country" if kind == "country" else "the city"
    m = re.search(r"(?:(?<![\w])[Tt]he )?(?<![\w-])" + esc + r"(['’]s)?(?![\w])", en)
    if not m:
        return None
    repl = noun + ("'s" if m.group(1) else "")
    if rng.random() < 0.25 and kind == "city" and re.search(r"(?:in|to|from) $", en[:m.start()]):
        # "in Lyon" -> "there" / "from there"
        pre = re.search(r"(in|to|from) $", en[:m.start()])
        repl = "there" if pre.group(1) in ("in", "to") else "from there"
        return en[:pre.start()] + repl + en[m.end():]
    if _at_sentence_start(en, m.start()):
        repl = repl[:1].upper() + repl[1:]
    return en[:m.start()] + repl + en[m.end():]


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \"“‘'«(")
    return not before or before[-1] in ".!?:"


def _after_preposition(text: str, pos: int) -> bool:
    return re.search(r"\b(to|for|with|by|from|against|about|of|on|at|told|asked|said)\s$", text[:pos]) is not None


# --------------------------------------------------------------------------------------
# numbers

EN_NUM_RE = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w]|[.,:/]\d)")
FR_NUM_RE = re.compile(r"(?<![\w.,:/])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d+))?(?![\w]|[.,:/]\d)")


def _fr_values(fr: str) -> set[float]:
    vals = set()
    for m in FR_NUM_RE.finditer(fr):
        ip = re.sub(r"[ \u00a0\u202f.]", "", m.group(1))
        v = float(ip + ("." + m.group(2) if m.group(2) else ""))
        vals.add(v)
    for w in re.findall(r"[a-zé]+", fr.lower()):
        if w in FR_NUM_WORDS:
            vals.add(float(FR_NUM_WORDS[w]))
    return vals


def _change_digits(digits: str, rng: random.Random) -> str:
    """Change one significant digit of an integer string by 1-3 (never the value itself)."""
    nz = [i for i, c in enumerate(digits) if c != "0"]
    pos = nz[-1] if rng.random() < 0.75 else rng.choice(nz)
    d = int(digits[pos])
    options = [d + k for k in (-3, -2, -1, 1, 2, 3) if 0 <= d + k <= 9]
    if pos == 0:
        options = [o for o in options if o != 0]
    if len(digits) == 1:
        options = [o for o in options if o >= 1]
    new = rng.choice(options)
    return digits[:pos] + str(new) + digits[pos + 1:]


def _group3(digits: str) -> str:
    return f"{int(digits):,}"


def change_number(tok_int: str, tok_dec: str | None, rng: random.Random) -> str:
    digits = tok_int.replace(",", "")
    if tok_dec:
        # decimal: change the last decimal digit (4.9 -> 4.6), or the integer part sometimes
        if rng.random() < 0.8 or digits == "0":
            dec = tok_dec
            d = int(dec[-1])
            opts = [d + k for k in (-3, -2, -1, 1, 2, 3) if 0 <= d + k <= 9]
            new = dec[:-1] + str(rng.choice(opts))
            return tok_int + "." + new
        return _change_digits(digits, rng) + "." + tok_dec
    n = int(digits)
    if len(digits) == 4 and 1800 <= n <= 2030 and "," not in tok_int:
        opts = [n + k for k in (-4, -3, -2, -1, 1, 2, 3) if n + k <= 2030]
        return str(rng.choice(opts))
    if digits.startswith("0"):
        return tok_int[:-1] + str((int(tok_int[-1]) + rng.choice([1, 2, 3])) % 10)
    if n <= 12:
        opts = [n + k for k in (-3, -2, -1, 1, 2, 3) if 0 < n + k]
        return str(rng.choice(opts))
    new = _change_digits(digits, rng)
    return _group3(new) if "," in tok_int else new


def perturb_number_changed(en: str, fr: str, rng: random.Random, ctx=None) -> str | None:
    fr_vals = _fr_values(fr)
    if not fr_vals:
        return None
    cands = []
    for m in EN_NUM_RE.finditer(en):
        v = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
        if v in fr_vals:
            cands.append(("digit", m))
    for m in re.finditer(r"(?<![\w-])(" + "|".join(EN_NUM_WORDS) + r")(?![\w-])", en, re.IGNORECASE):
        if float(EN_NUM_WORDS[m.group(1).lower()]) in fr_vals:
            cands.append(("word", m))
    if not cands:
        return None
    kind, m = rng.choice(cands)
    if kind == "digit":
        new = change_number(m.group(1), m.group(2), rng)
        if new == m.group(0):
            return None
    else:
        word = m.group(1)
        new = cap_like(rng.choice(NUM_WORD_NEIGHBOURS[word.lower()]), word)
    return en[:m.start()] + new + en[m.end():]


# --------------------------------------------------------------------------------------
# French words


def perturb_french_word(en: str, fr: str, rng: random.Random, ctx: Context | None = None) -> str | None:
    cands = []  # (start, end, french)
    for en_word, fr_forms in EN_FR.items():
        present = [f for f in fr_forms if contains_word(fr, f, ignore_case=True)]
        if not present:
            continue
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(en_word) + r"(?![\w'’-])", en, re.IGNORECASE):
            if m.group()[:1].isupper() and m.start() > 0 and not _at_sentence_start(en, m.start()):
                continue  # part of a name or title
            f = rng.choice(present)
            cat = "function" if en_word in EN_FR_FUNCTION else "content"
            cands.append((m.start(), m.end(), cap_like(f, m.group()), cat))
    # cognates copied from the source: économie -> economy, gouvernement -> government
    if ctx is not None:
        en_toks = [(s, e, w) for s, e, w in tokens_of(en) if w.islower() and len(w) >= 4]
        for fw in sorted(set(w for w in WORD_RE.findall(fr) if w.islower() and len(w) >= 5)):
            if fold(fw) in ctx.en_vocab or fw in ctx.en_vocab:
                continue
            best, best_r = None, 0.0
            ffw = fold(fw)
            for s, e, w in en_toks:
                if abs(len(w) - len(ffw)) > 3 or w[:1] != ffw[:1]:
                    continue
                sm = difflib.SequenceMatcher(None, ffw, w)
                if sm.real_quick_ratio() < 0.75 or sm.quick_ratio() < 0.75:
                    continue
                r = sm.ratio()
                if r > best_r:
                    best, best_r = (s, e, w), r
            if best and best_r >= 0.75:
                cands.append((best[0], best[1], fw, "cognate"))
    if not cands:
        return None
    # pick the kind of word first (function word, content word, cognate copied from the
    # source) so that frequent function words do not crowd out the rest
    cat = rng.choice(sorted(set(c[3] for c in cands)))
    s, e, f, _ = rng.choice([c for c in cands if c[3] == cat])
    return en[:s] + f + en[e:]


# --------------------------------------------------------------------------------------
# the simple ones


def perturb_repeat(en: str, fr: str, rng: random.Random, ctx=None) -> str | None:
    toks = [t for t in tokens_of(en) if len(t[2]) >= 1 and t[2] != "I"]
    if len(toks) < 3:
        return None
    caps = [t for t in toks if t[2][:1].isupper() and t[0] > 0]
    funcs = [t for t in toks if t[2].lower() in FUNCTION_WORDS]
    r = rng.random()
    if r < 0.35 and caps:
        pool = caps
    elif r < 0.7 and funcs:
        pool = funcs
    else:
        pool = toks
    i = toks.index(rng.choice(pool))
    s, e, w = toks[i]
    if rng.random() < 0.12 and i + 1 < len(toks) and en[e:toks[i + 1][0]] == " ":
        # a two-word repeat: "in the in the"
        e2 = toks[i + 1][1]
        return en[:e2] + " " + en[s:e2] + en[e2:]
    return en[:e] + " " + w + en[e:]


def perturb_empty(en: str, fr: str, rng: random.Random, ctx=None) -> str | None:
    if len(fr.split()) < 4:
        return None
    r = rng.random()
    if r < 0.6:
        return "."
    return rng.choice(["-", "Yes.", "No.", "...", "OK."])


def perturb_lowercased(en: str, fr: str, rng: random.Random, ctx=None) -> str | None:
    if len(en.split()) < 3:
        return None
    if rng.random() < 0.65:
        out = en.lower()
    else:
        first = re.search(r"[A-Za-zÀ-ÿ]", en)
        if not first or not en[first.start()].isupper():
            return None
        word = re.match(r"\w+", en[first.start():]).group()
        if word.isupper() and len(word) > 1 or word == "I":
            return None
        out = en[:first.start()] + en[first.start()].lower() + en[first.start() + 1:]
    return out if out != en else None


def perturb_truncated(en: str, fr: str, rng: random.Random, ctx=None) -> str | None:
    words = en.split()
    if len(words) < 9:
        return None
    k = math.ceil(len(words) / 3)
    out = " ".join(words[:k]).rstrip(",;:-–—")
    return out if out != en else None


CLOSED_COMPOUNDS = {
    "cannot": "can - not", "weekend": "week - end", "themselves": "them - selves",
    "himself": "him - self", "herself": "her - self", "itself": "it - self",
    "afternoon": "after - noon", "however": "how - ever", "nobody": "no - body",
    "anything": "any - thing", "everyone": "every - one", "something": "some - thing",
    "newspaper": "news - paper", "nonetheless": "none - theless", "worldwide": "world - wide",
    "football": "foot - ball", "headquarters": "head - quarters", "whatever": "what - ever",
    "outside": "out - side", "within": "with - in", "airport": "air - port",
    "everything": "every - thing", "somebody": "some - body", "nevertheless": "never - theless",
    "whereas": "where - as", "meanwhile": "mean - while", "throughout": "through - out",
    "overall": "over - all", "online": "on - line", "website": "web - site",
    "healthcare": "health - care", "lifetime": "life - time", "background": "back - ground",
}

MULTIWORD = [
    "United States", "United Kingdom", "United Nations", "European Union", "Middle East",
    "New York", "Great Britain", "Prime Minister", "prime minister", "Vice President",
    "vice president", "White House", "Wall Street", "Supreme Court", "South Africa",
    "North Korea", "South Korea", "Saudi Arabia", "Hong Kong", "Los Angeles", "Latin America",
    "National Assembly", "human rights", "interest rates", "climate change", "Security Council",
    "Federal Reserve", "Arab Spring", "World Cup", "Champions League", "New Orleans",
    "health care", "public opinion", "real estate", "stock market", "police officers",
    "Foreign Minister", "foreign minister", "Muslim Brotherhood", "Social Democrats",
]


def perturb_split_compound(en: str, fr: str, rng: random.Random, ctx=None) -> str | None:
    cands = []  # (start, end, replacement, category)
    for m in re.finditer(r"(?<![\w-])([A-Za-z]{2,})-([A-Za-z]{2,})(?![\w-])", en):
        cands.append((m.start(), m.end(), f"{m.group(1)} - {m.group(2)}", "hyphen"))
    for m in re.finditer(r"(?<![\w-])(" + "|".join(CLOSED_COMPOUNDS) + r")(?![\w-])", en, re.IGNORECASE):
        rep = cap_like(CLOSED_COMPOUNDS[m.group(1).lower()], m.group(1))
        cands.append((m.start(), m.end(), rep, "closed"))
    multi = list(MULTIWORD)
    if ctx is not None:
        multi += [n for n, _k, _s in find_names(en, fr, ctx) if len(n.split()) == 2]
    for phrase in multi:
        for m in re.finditer(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", en):
            a, b = phrase.split()
            if rng.random() < 0.6:
                rep = f"{b} - {a}"
                if a[:1].isupper() and not b[:1].isupper():
                    rep = rep[:1].upper() + rep[1:]
            else:
                rep = f"{a} - {b}"
            cands.append((m.start(), m.end(), rep, "multi"))
    if not cands:
        return None
    cats = sorted(set(c[3] for c in cands))
    cat = rng.choice(cats)
    s, e, rep, _ = rng.choice([c for c in cands if c[3] == cat])
    if s == 0 or _at_sentence_start(en, s):
        rep = rep[:1].upper() + rep[1:]
    return en[:s] + rep + en[e:]


def make_unrelated(lines: list[str], idx: int, rng: random.Random) -> str | None:
    """The translation of a far-away segment of similar length."""
    n = len(lines)
    en = lines[idx]
    nw = len(en.split())
    if nw < 5 or n < 20:
        return None
    gap = max(10, min(200, n // 10))
    fallback = None
    for _ in range(200):
        j = rng.randrange(n)
        if abs(j - idx) < gap or lines[j] == en or not lines[j].strip():
            continue
        if fallback is None:
            fallback = j
        if 0.6 * nw <= len(lines[j].split()) <= 1.6 * nw:
            return lines[j]
    return None if fallback is None else lines[fallback]


PERTURB = {
    "number-changed": perturb_number_changed,
    "name-replaced": perturb_name_replaced,
    "name-near": perturb_name_near,
    "name-removed": perturb_name_removed,
    "french-word": perturb_french_word,
    "repeat": perturb_repeat,
    "empty": perturb_empty,
    "lowercased": perturb_lowercased,
    "split-compound": perturb_split_compound,
    "truncated": perturb_truncated,
}


def perturb_line(kind: str, en_lines: list[str], fr_lines: list[str], idx: int,
                 seed, ctx: Context) -> str | None:
    """The perturbed form of line ``idx`` (None when the perturbation does not apply)."""
    rng = line_rng(seed, kind, idx)
    if kind == "unrelated":
        return make_unrelated(en_lines, idx, rng)
    out = PERTURB[kind](en_lines[idx], fr_lines[idx], rng, ctx)
    if out is None or out == en_lines[idx]:
        return None
    return out


def build_perturbed(kind: str, en_lines: list[str], fr_lines: list[str], seed, per_type: int,
                    ctx: Context, set_name: str = "") -> tuple[list[str], dict[int, str], int]:
    """(perturbed lines, {index: perturbed text}, number of eligible lines)."""
    order = list(range(len(en_lines)))
    random.Random(f"{seed}|order|{set_name}|{kind}").shuffle(order)
    out = list(en_lines)
    changed: dict[int, str] = {}
    eligible = 0
    for idx in order:
        if not en_lines[idx].strip():
            continue
        new = perturb_line(kind, en_lines, fr_lines, idx, f"{seed}|{set_name}", ctx)
        if new is None:
            continue
        eligible += 1
        if len(changed) < per_type:
            changed[idx] = new
            out[idx] = new
    return out, changed, eligible


# --------------------------------------------------------------------------------------
# running tqcheck


def _default_command() -> list[str]:
    for py in (sys.executable, os.path.join(REPO, ".venv", "bin", "python")):
        if not os.path.exists(py):
            continue
        try:
            r = subprocess.run([py, "-c", "import tqcheck.cli"], cwd=REPO,
                               capture_output=True, timeout=60)
        except OSError:
            continue
        if r.returncode == 0:
            return [py, "-m", "tqcheck"]
    return [sys.executable, "-m", "tqcheck"]


def run_tqcheck(cmd: list[str], en_path: str, fr_path: str, out_path: str,
                extra: list[str]) -> dict[int, collections.Counter]:
    """{line: Counter(rule codes)} of one run."""
    full = cmd + ["check", en_path, "--src", fr_path, "--format", "json", "--exit-zero",
                  "-o", out_path] + extra
    r = subprocess.run(full, cwd=REPO, capture_output=True, text=True, timeout=1800)
    if r.returncode != 0 or not os.path.exists(out_path):
        raise SystemExit(f"tqcheck failed ({r.returncode}): {' '.join(map(shlex.quote, full))}\n{r.stderr[-2000:]}")
    with open(out_path, encoding="utf-8") as fh:
        report = json.load(fh)
    per_line: dict[int, collections.Counter] = collections.defaultdict(collections.Counter)
    for f in report.get("files", []):
        for x in f.get("findings", []):
            line = x.get("line") or x.get("segment")
            if line is None:
                continue
            per_line[int(line)][x["rule"]] += 1
    return per_line


def read_lines(path: str) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def write_lines(path: str, lines: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def set_paths(data: str, set_name: str) -> tuple[str, str]:
    """(French source, English translation) of a set."""
    if set_name == "wce-lig":
        d = os.path.join(data, "wce-lig-dev")
        return os.path.join(d, "src.fr"), os.path.join(d, "moses-postedit.en")
    return os.path.join(data, f"{set_name}.fr-en.fr"), os.path.join(data, f"{set_name}.fr-en.en")


def evaluate_set(set_name: str, data: str, args, cmd: list[str], extra: list[str],
                 ctx: Context, types: list[str], workdir: str) -> dict:
    fr_path, en_path = set_paths(data, set_name)
    fr_lines, en_lines = read_lines(fr_path), read_lines(en_path)
    if len(fr_lines) != len(en_lines):
        raise SystemExit(f"{set_name}: {len(fr_lines)} French lines but {len(en_lines)} English lines")
    n = len(en_lines)
    jobs = {"clean": (en_path, {}, n)}
    for kind in types:
        lines, changed, eligible = build_perturbed(kind, en_lines, fr_lines, args.seed,
                                                   args.per_type, ctx, set_name)
        p = os.path.join(workdir, f"{set_name}.{kind}.en")
        write_lines(p, lines)
        jobs[kind] = (p, changed, eligible)
    def one(kind):
        p = jobs[kind][0]
        return kind, run_tqcheck(cmd, p, fr_path, os.path.join(workdir, f"{set_name}.{kind}.json"), extra)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = dict(pool.map(one, ["clean"] + types))
    clean = results["clean"]
    total_clean = sum(sum(c.values()) for c in clean.values())
    clean_rules = collections.Counter()
    for c in clean.values():
        clean_rules.update(c)
    out = {
        "segments": n,
        "clean": {
            "findings": total_clean,
            "findings_per_100": round(100 * total_clean / n, 2) if n else 0.0,
            "segments_flagged_per_100": round(100 * sum(1 for c in clean.values() if c) / n, 2) if n else 0.0,
            "by_rule": dict(clean_rules.most_common()),
        },
        "types": {},
    }
    details: dict[str, dict[int, list[str]]] = {}
    for kind in types:
        _p, changed, eligible = jobs[kind]
        run = results[kind]
        detected, rules, per_line = 0, collections.Counter(), {}
        for idx in changed:
            line = idx + 1
            new = run.get(line, collections.Counter()) - clean.get(line, collections.Counter())
            per_line[idx] = sorted(new)
            if new:
                detected += 1
                rules.update(new.keys())
        collateral = 0
        for line, c in run.items():
            if line - 1 in changed:
                continue
            collateral += sum((c - clean.get(line, collections.Counter())).values())
        details[kind] = per_line
        out["types"][kind] = {
            "n": len(changed),
            "eligible": eligible,
            "detected": detected,
            "rate": round(detected / len(changed), 4) if changed else None,
            "rules": dict(rules.most_common()),
            "collateral_new_findings": collateral,
        }
    if args.dump:
        d = os.path.join(args.dump, set_name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "perturbations.tsv"), "w", encoding="utf-8") as fh:
            fh.write("type\tline\toriginal\tperturbed\tdetected\tnew_rules\n")
            for kind in types:
                p, changed, _ = jobs[kind]
                write_lines(os.path.join(d, f"{kind}.en"), read_lines(p))
                for idx in sorted(changed):
                    new = details[kind][idx]
                    fh.write(f"{kind}\t{idx + 1}\t{en_lines[idx]}\t{changed[idx]}\t"
                             f"{'yes' if new else 'no'}\t{','.join(new)}\n")
    return out


def combine(results: dict[str, dict], types: list[str]) -> dict:
    tot = {"segments": 0, "clean": {"findings": 0, "by_rule": collections.Counter()}, "types": {}}
    flagged = 0.0
    for r in results.values():
        tot["segments"] += r["segments"]
        tot["clean"]["findings"] += r["clean"]["findings"]
        tot["clean"]["by_rule"].update(r["clean"]["by_rule"])
        flagged += r["clean"]["segments_flagged_per_100"] * r["segments"] / 100
    n = tot["segments"]
    tot["clean"]["findings_per_100"] = round(100 * tot["clean"]["findings"] / n, 2) if n else 0.0
    tot["clean"]["segments_flagged_per_100"] = round(100 * flagged / n, 2) if n else 0.0
    tot["clean"]["by_rule"] = dict(tot["clean"]["by_rule"].most_common())
    for kind in types:
        agg = {"n": 0, "eligible": 0, "detected": 0, "rules": collections.Counter(), "collateral_new_findings": 0}
        for r in results.values():
            t = r["types"][kind]
            agg["n"] += t["n"]
            agg["eligible"] += t["eligible"]
            agg["detected"] += t["detected"]
            agg["rules"].update(t["rules"])
            agg["collateral_new_findings"] += t["collateral_new_findings"]
        agg["rate"] = round(agg["detected"] / agg["n"], 4) if agg["n"] else None
        agg["rules"] = dict(agg["rules"].most_common())
        tot["types"][kind] = agg
    return tot


def _top(rules: dict, k: int = 3) -> str:
    return ", ".join(f"{r} {c}" for r, c in list(rules.items())[:k]) or "-"


def format_table(title: str, res: dict, types: list[str], markdown: bool) -> str:
    rows = []
    for kind in types:
        t = res["types"][kind]
        rate = "-" if t["rate"] is None else f"{100 * t['rate']:.0f}%"
        rows.append([kind, str(t["n"]), str(t["detected"]), rate, _top(t["rules"]),
                     str(t["collateral_new_findings"])])
    det = sum(res["types"][k]["detected"] for k in types)
    nn = sum(res["types"][k]["n"] for k in types)
    rows.append(["all", str(nn), str(det), f"{100 * det / nn:.0f}%" if nn else "-", "", ""])
    head = ["type", "n", "detected", "rate", "top rules (lines caught)", "collateral"]
    c = res["clean"]
    foot = (f"clean run: {c['findings']} findings on {res['segments']} unperturbed segments = "
            f"{c['findings_per_100']} findings per 100 segments "
            f"({c['segments_flagged_per_100']} per 100 segments flagged); by rule: {_top(c['by_rule'], 6)}")
    if markdown:
        lines = [f"**{title}**", "", "| " + " | ".join(head) + " |",
                 "|" + "|".join(["---", "--:", "--:", "--:", "---", "--:"]) + "|"]
        for r in rows:
            lines.append("| " + " | ".join(r) + " |")
        lines += ["", foot]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    fmt = lambda r: "  ".join(v.ljust(w) if i in (0, 4) else v.rjust(w) for i, (v, w) in enumerate(zip(r, widths)))  # noqa: E731
    lines = [title, fmt(head), fmt(["-" * w for w in widths])]
    lines += [fmt(r) for r in rows]
    lines.append(foot)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    extra: list[str] = []
    if "--" in argv:
        k = argv.index("--")
        argv, extra = argv[:k], argv[k + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA, help="directory of the real data (default %(default)s)")
    ap.add_argument("--sets", default=DEFAULT_SETS, help="comma-separated sets (default %(default)s)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--per-type", type=int, default=DEFAULT_PER_TYPE, help="perturbed lines per type and set")
    ap.add_argument("--types", default=",".join(TYPES), help="comma-separated perturbation types")
    ap.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1), help="tqcheck runs in parallel")
    ap.add_argument("--tqcheck", default=None, help='command that runs tqcheck (default: "PYTHON -m tqcheck")')
    ap.add_argument("--markdown", action="store_true", help="print README-ready Markdown tables")
    ap.add_argument("--json", dest="json_out", metavar="FILE", help="write the results as JSON")
    ap.add_argument("--dump", metavar="DIR", help="write the perturbed files and a TSV of the changes")
    args = ap.parse_args(argv)

    if not os.path.isdir(args.data):
        print(f"challenge: data directory {args.data} not found; nothing to do")
        return 0
    sets = [s for s in args.sets.split(",") if s]
    missing = [p for s in sets for p in set_paths(args.data, s) if not os.path.exists(p)]
    if missing:
        print(f"challenge: {', '.join(missing)} not found; nothing to do")
        return 0
    types = [t for t in args.types.split(",") if t]
    bad = [t for t in types if t not in TYPES]
    if bad:
        ap.error(f"unknown types: {', '.join(bad)} (known: {', '.join(TYPES)})")
    cmd = shlex.split(args.tqcheck) if args.tqcheck else _default_command()

    pairs = []
    for s in sets:
        fr_path, en_path = set_paths(args.data, s)
        fr, en = read_lines(fr_path), read_lines(en_path)
        pairs += list(zip(fr, en))
    ctx = build_context(pairs)

    results = {}
    with tempfile.TemporaryDirectory(prefix="tqcheck-challenge-") as work:
        for s in sets:
            results[s] = evaluate_set(s, args.data, args, cmd, extra, ctx, types, work)
    total = combine(results, types) if len(sets) > 1 else None

    blocks = []
    for s in sets:
        blocks.append(format_table(f"{s} (seed {args.seed}, up to {args.per_type} lines per type)",
                                   results[s], types, args.markdown))
    if total:
        blocks.append(format_table(f"all sets ({', '.join(sets)})", total, types, args.markdown))
    print("\n\n".join(blocks))
    if args.json_out:
        doc = {"seed": args.seed, "per_type": args.per_type, "sets": results, "command": cmd + ["check"] + extra}
        if total:
            doc["total"] = total
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=2, ensure_ascii=False)
            fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
