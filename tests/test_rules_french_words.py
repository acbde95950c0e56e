"""TQ605: French words left inside English sentences (wordfreq frequencies), with and without the source."""
import pytest

from helpers import run_rules

pytest.importorskip("wordfreq")


def tq6(text):
    return [(f.rule, f.text) for f in run_rules(text, select=["TQ6"])]


def tq605(text):
    return [f.text for f in run_rules(text, select=["TQ605"])]


# (text in example syntax: translation <<< source, expected TQ605 spans)
FLAGGED = [
    # with the source: the word stands in the aligned French segment
    ("the ministry's démarche was criticised <<< la démarche du ministère a été critiquée", ["démarche"]),
    ("the firm will également cut jobs <<< l'entreprise va également supprimer des emplois", ["également"]),
    ("For a long time, we démarchons for a market. <<< Depuis longtemps, nous démarchons pour un marché.",
     ["démarchons"]),
    ("a settlement that bâillonnera the opposition <<< un règlement qui bâillonnera l'opposition", ["bâillonnera"]),
    ("according to figures of the syndicat of manufacturers <<< selon les chiffres du syndicat patronal",
     ["syndicat"]),
    # a capitalised first word that the source writes in lowercase
    ("Également, the firm cut jobs. <<< L'entreprise a également supprimé des emplois.", ["Également"]),
    # without the source: common French words with an accent or a French ending
    ("the firm will également cut jobs", ["également"]),
    ("the talks will end définitivement", ["définitivement"]),
    # glued words, camel-case glue, tokenised elisions
    ("Obama spoke to 20 000 personnesrassemblées in the rain.", ["personnesrassemblées"]),
    ("before flying to Kirkuk to derencontrer the commanders", ["derencontrer"]),
    ("He met avecWillard on Monday.", ["avecWillard"]),
    ("an Ifop survey published in l ' humanité", ["l '"]),
    ("the reputation d ' be the Silicon Valley", ["d '"]),
    # elided French words
    ("the vision qu'auront other countries", ["qu'auront"]),
    # a French word English spells too, with none of its renderings in the translation
    ("profits, other pays are richer <<< les profits, les autres pays sont plus riches", ["pays"]),
    ("the Mexican presse, and the industrie of gas <<< la presse mexicaine, et l'industrie du gaz",
     ["presse", "industrie"]),
    ("walked on eau, calmed the storm <<< marcha sur l'eau, calma la tempête", ["eau"]),
    # ... or fewer of them than the source has the word
    ("turned water into wine, walked on eau <<< changea l'eau en vin, marcha sur l'eau", ["eau"]),
    # a rare plural adjective copied from the source
    ("to enter the baptismaux waters <<< entrer dans les fonts baptismaux", ["baptismaux"]),
]

PASSED = [
    # loanwords English uses, by frequency or by the list
    "the coup d'état failed, and the rapprochement with Paris was a fait accompli.",
    "a period of détente; the communiqué spoke of entente and savoir-faire",
    "France defends its laïcité. <<< La France défend sa laïcité.",
    "his idées fixes and his raison d'être",
    # names: capitalised runs, French names continued in lowercase, names after Mr./Dr.
    "Marine Le Pen walked down the Champs-Élysées <<< Marine Le Pen a descendu les Champs-Élysées",
    "according to the Caisse nationale d'assurance maladie (CNAM), costs rose",
    "announced l'Observatoire syrien des droits de l'homme (OSDH).",
    "Dr. Décary said so. <<< Le Dr Décary l'a dit.",
    "Charest placed his bet on the North. <<< Charest mise sur le Nord.",
    "Jančura is ready to remove these services.",
    # quoted French terms
    "France defends its “laïcité”, the separation of church and state.",
    'a company producing "nano-diamants" in Kiev <<< une société produisant des "nano-diamants" à Kiev',
    # Latin
    "Smith et al. found that the study was flawed, a fortiori the second one.",
    "that old Latin maxim qui tacet consentere videtur: who is silent consents "
    "<<< cette maxime latine qui tacet consentere videtur : qui ne dit mot consent",
    # English words wordfreq ranks low, plurals of English words
    "his tergiversations in Libya <<< ses tergiversations en Libye",
    "the ski pistes, his certitudes and the legal imbroglios",
    "molecules called asphaltenes <<< des molécules appelées asphaltenes",
    # French words English spells in another sense, rendered elsewhere in the translation, or
    # used in English in their French sense
    "he pays for the water in the country <<< il paie l'eau dans le pays",
    "the free press <<< la presse libre",
    ("The accord put the dossier, the first tranche and the air sacs on the ski pistes "
     "<<< L'accord a mis le dossier, la première tranche et les sacs aériens sur les pistes de ski"),
    "his milieu, an ensemble of cadres <<< son milieu, un ensemble de cadres",
    # addresses, other languages
    "available on www.justiceinitiative.org <<< disponible sur www.justiceinitiative.org",
    "at the jánské lázně hotel <<< à l'hôtel jánské lázně",
]


@pytest.mark.parametrize("text,expected", FLAGGED)
def test_flags(text, expected):
    assert tq605(text) == expected


@pytest.mark.parametrize("text", PASSED)
def test_passes(text):
    assert tq605(text) == []


def test_function_words_stay_with_tq602_and_names_with_tq603():
    assert tq6("the minister said que the reform était necessary") == [("TQ602", "que"), ("TQ602", "était")]
    assert tq6("a summit in Pékin with the ministre <<< un sommet à Pékin avec le ministre") == [
        ("TQ603", "Pékin"), ("TQ605", "ministre")]
    # without TQ602 in force, TQ605 does not take its words either way: they are simply TQ602's
    assert tq605("the minister said que the reform") == []


def test_latin_is_not_french_for_tq602_either():
    text = "that old Latin maxim qui tacet consentere videtur: who is silent consents"
    assert tq6(text) == []


def test_a_wholly_french_segment_is_tq601s():
    text = "Selon le ministre, la démarche du gouvernement a été critiquée par les syndicats hier."
    assert [rule for rule, _ in tq6(text)] == ["TQ601"]


def test_message_gives_the_frequencies_and_the_source():
    [f] = run_rules("the ministry's démarche was criticised <<< la démarche du ministère", select=["TQ605"])
    assert "'démarche'" in f.message and "French 4.5, English 1.1" in f.message
    assert "stands in the source" in f.message
    assert f.severity.value == "major" and f.category == "accuracy/untranslated"


@pytest.mark.parametrize("text, flagged", [
    ("the alliance between Hitler et Stalin <<< l'alliance entre Hitler et Staline", ["et"]),
    ("a Religion et Sociology student <<< une étudiante en religion et sociologie", ["et"]),
    ("the Arts et Métiers school <<< l'école des Arts et Métiers", []),                  # a French name
    ("Commandeur des Arts et des Lettres <<< Commandeur des Arts et des Lettres", []),
    ("the Institut de Recherche et de Documentation <<< l'Institut de Recherche et de Documentation", []),
    ("Bill de Blasio won <<< Bill de Blasio a gagné", []),                               # not "et"
    ("Smith et al. found it <<< Smith et al. l'ont trouvé", []),
    # accents of another language make no French name (Czech, Spanish)
    ("Assists of Jágr et Voráček Helped Philadelphia <<< Les passes de Jágr et Voráček ont aidé Philadelphie", ["et"]),
    ("the École et Métiers school <<< l'école École et Métiers", []),
])
def test_et_between_names_of_no_french_leaning_is_french_left_in(text, flagged):
    assert [f.text for f in run_rules(text, select=["TQ605"])] == flagged


def test_the_english_homograph_list_holds_only_words_the_test_would_judge():
    """Every word of untranslated_english_homographs.txt is a glossary word far more French than
    English (else the list would excuse what nothing reports)."""
    from tqcheck.rules.tq6xx_untranslated.source_words import (
        HOMOGRAPH_FR_MIN,
        HOMOGRAPH_MARGIN,
    )
    from tqcheck.text.bilingual import renderings
    from tqcheck.text.data import word_list
    from tqcheck.text.lexicon import zipf


    for word in word_list("untranslated_english_homographs.txt"):
        assert renderings(word), word
        assert zipf(word, "fr") >= HOMOGRAPH_FR_MIN and zipf(word, "fr") - zipf(word, "en") >= HOMOGRAPH_MARGIN, word


def test_homograph_message_names_the_renderings():
    [f] = run_rules("other pays are richer <<< les autres pays sont plus riches", select=["TQ605"])
    assert "no word of the translation renders it (country, countries, nation)" in f.message


@pytest.mark.parametrize("text, flagged", [
    # "Et" starting a sentence is the French "and", whatever follows (never "et al.")
    ("Et Pena Nieto vowed to continue the war. <<< Et Pena Nieto a promis de continuer la guerre.", ["Et"]),
    ("Smith et al. found it. <<< Smith et al. l'ont trouvé.", []),
    # a French adverb or conjunction of TQ602's list starting a sentence, before a name too
    ("Ainsi Gucci simply becomes Lu-Gucci. <<< Ainsi Gucci devient Lu-Gucci.", ["Ainsi"]),
    # a quotation of one everyday French word is a word MT left, not a term quoted on purpose
    ('In Montreal, the corruption "système" ran smoothly. <<< À Montréal, le "système" de corruption fonctionnait.',
     ["système"]),
    ("France defends its “laïcité”, the separation of church and state. <<< La France défend sa « laïcité ».", []),
    ('He read "Libération" every day. <<< Il lisait "Libération" tous les jours.', []),
])
def test_french_words_at_a_sentence_start_and_quoted_everyday_words(text, flagged):
    assert [f.text for f in run_rules(text, select=["TQ605"])] == flagged


def test_french_adverbs_and_conjunctions_inside_english_are_tq602s():
    found = run_rules("The talks resumed, puis the delegation left, pourtant nothing changed.", select=["TQ602"])
    assert [f.text for f in found] == ["puis", "pourtant"]


@pytest.mark.parametrize("text, flagged", [
    # "plus" and "an" where English grammar cannot have its English sense: the French word left
    ("Rajchl is plus reserved. <<< Rajchl est plus réservé.", ["plus"]),
    ("Troops feel plus pity than respect <<< Les troupes ressentent plus de pitié que de respect", ["plus"]),
    ("in all cities; plus than 160 centres have opened. <<< dans toutes les villes ; plus de 160 centres ont ouvert.",
     ["plus"]),
    ("the plus important thing is to vote <<< le plus important est de voter", ["plus"]),
    ("Last an, the ruling party lost seats. <<< L'an dernier, le parti au pouvoir a perdu des sièges.", ["an"]),
    ("He left one an ago. <<< Il est parti il y a un an.", ["an"]),
    ("They earn 3,000 euros per an. <<< Ils gagnent 3 000 euros par an.", ["an"]),
    # English "plus" joins two amounts or things; English "an" comes before a vowel sound
    ("It costs 5 euros plus tax, plus the delivery. <<< Cela coûte 5 euros plus la taxe, plus la livraison.", []),
    ("Two plus two is four, and that is a plus. <<< Deux plus deux font quatre, c'est un plus.", []),
    ("On the plus side, the salary plus bonus rose. <<< Le plus : le salaire plus la prime a augmenté.", []),
    ("Plus, it is cheap. <<< En plus, c'est bon marché.", []),
    ("An hour later, an MP and an 18-year-old spoke for an unusually long time. <<< Un an plus tard, un député "
     "et un jeune de 18 ans ont parlé longtemps.", []),
    ("It took an honest effort, a year and an X-ray. <<< Il a fallu un effort honnête, un an et une radio.", []),
    # without the source there is no French word to leave: "an" and "plus" are English words
    ("Last an, the ruling party lost seats.", []),
])
def test_plus_and_an_where_english_cannot_have_them(text, flagged):
    assert tq605(text) == flagged


def test_context_homograph_message_gives_the_renderings():
    [f] = run_rules("Rajchl is plus reserved. <<< Rajchl est plus réservé.", select=["TQ605"])
    assert "French word 'plus' left in English text: English does not write it so here (more, most, longer)" in f.message
