"""TQ6xx: French left untranslated."""

import pytest

from tqcheck.config import Config
from tqcheck.engine import check_document
from tqcheck.io.text import read_document
from tqcheck.rules import select_rules
from tqcheck.text.language import needs_langid

from conftest import SEED
from helpers import parse_example, run_rules, spans

FRENCH = ("Le gouvernement, qui ne dispose que d’une majorité relative, n’exclut pas de recourir "
          "à l’article 49.3 de la Constitution pour faire adopter le texte sans vote.")


def tq6(text, config=None):
    return run_rules(text, select=["TQ6"], config=config)


# (text, [(code, line, column, end_column, text)], [suggestions])
FLAGGED = [
    ("the minister said que the reform était necessary",
     [("TQ602", 1, 19, 22, "que"), ("TQ602", 1, 34, 39, "était")], [None, None]),
    ("the attack took place dans the night, selon the police",
     [("TQ602", 1, 23, 27, "dans"), ("TQ602", 1, 39, 44, "selon")], [None, None]),
    ("he said qu’il would come avec his wife",
     [("TQ602", 1, 9, 14, "qu’il"), ("TQ602", 1, 26, 30, "avec")], [None, None]),
    ("a summit in Pékin with Vladimir Poutine’s envoy",
     [("TQ603", 1, 13, 18, "Pékin"), ("TQ603", 1, 33, 40, "Poutine")], ["Beijing", "Putin"]),
    ("talks between the Etats-Unis and the Royaume-Uni in Le Caire",
     [("TQ603", 1, 19, 29, "Etats-Unis"), ("TQ603", 1, 38, 49, "Royaume-Uni"), ("TQ603", 1, 53, 61, "Le Caire")],
     ["United States", "United Kingdom", "Cairo"]),
    ("the embassy in Corée du Nord and the president of l'Irak",
     [("TQ603", 1, 16, 29, "Corée du Nord"), ("TQ603", 1, 53, 57, "Irak")], ["North Korea", "Iraq"]),
    ("Bachar al-Assad and the États-Unis",
     [("TQ603", 1, 1, 7, "Bachar"), ("TQ603", 1, 25, 35, "États-Unis")], ["Bashar", "United States"]),
    ("the ONU and the OTAN condemned it, the OMS said",
     [("TQ604", 1, 5, 8, "ONU"), ("TQ604", 1, 17, 21, "OTAN"), ("TQ604", 1, 40, 43, "OMS")],
     ["UN", "NATO", "WHO"]),
    ("Iraq's PIB grew, the FMI said; fighters of the EI group\\nthe UE and the RDC",
     [("TQ604", 1, 8, 11, "PIB"), ("TQ604", 1, 22, 25, "FMI"), ("TQ604", 1, 48, 50, "EI"),
      ("TQ604", 3, 5, 7, "UE"), ("TQ604", 3, 16, 19, "RDC")],
     ["GDP", "IMF", "IS", "EU", "DRC"]),
    (FRENCH, [("TQ601", 1, 1, len(FRENCH) + 1, FRENCH)], [None]),
]


@pytest.mark.parametrize("text,expected,suggestions", FLAGGED)
def test_flags(text, expected, suggestions):
    found = tq6(text)
    assert spans(found) == expected
    assert [f.suggestion for f in found] == suggestions


def test_messages():
    [f] = tq6("the reform était necessary")
    assert "'était'" in f.message and "'was'" in f.message
    [f] = tq6("in Londres")
    assert f.message == "French form 'Londres' of a name; English writes 'London'"
    [f] = tq6("the OTAN summit")
    assert "NATO" in f.message and "Organisation du traité" in f.message
    [f] = tq6(FRENCH)
    assert f.message.startswith("segment is in French (langdetect 'fr', probability 1.00)")
    assert f.severity.value == "critical" and f.category == "accuracy/untranslated"


def test_a_wholly_french_segment_is_reported_once_not_word_by_word():
    text = "Selon le ministre, les États-Unis avaient été informés depuis longtemps de cette décision."
    found = tq6(text)
    assert [f.rule for f in found] == ["TQ601"]
    # without TQ601 selected the segment is still not reported word by word
    assert not [f for f in run_rules(text, select=["TQ602", "TQ603"])]


def test_short_lines_are_not_sent_to_langdetect_and_still_get_word_findings():
    found = tq6("Il a été tué dans la nuit")  # 25 characters
    assert [(f.rule, f.text) for f in found] == [("TQ602", "été"), ("TQ605", "tué"), ("TQ602", "dans")]


def test_thresholds_come_from_the_config():
    assert not [f for f in tq6(FRENCH, Config(langid_min_chars=500)) if f.rule == "TQ601"]
    assert not [f for f in tq6(FRENCH, Config(langid_min_prob=1.01)) if f.rule == "TQ601"]


def test_other_languages_are_named():
    [f] = tq6("El presidente dijo que la reforma era necesaria para el país y para toda Europa.")
    assert f.rule == "TQ601" and "Spanish" in f.message


OKAY = [
    # langdetect calls short English headlines Italian or Danish: they are never examined
    "Iraq | US military defeats drone attack",
    "Revenge operations",
    "Macron hails historic Franco-German treaty deal in Aachen ceremony",
    "Monday’s attack, which occurred around 4:30 a.m. (8:30 p.m. Sunday EST), was not immediately claimed.",
    "President Emmanuel Macron met Jean-Luc Mélenchon and Marine Le Pen at the Élysée Palace, Le Monde reported.",
    "The Quai d'Orsay said the coup d'état was a de facto annexation, according to Smith et al. in Des Moines.",
    "He landed at Charles de Gaulle airport; La Paz, Le Pen, du Pont and Des Moines; 8:30 p.m. EST.",
    "a rendez-vous with the raison d'être of the party, on the qui vive; que sera, sera",
    "Que and Qui are names; the Ont. premier; Notre Dame won; pour the milk, en route, the chez nous",
    "Médecins Sans Frontières and Reporters sans frontières; the Ligue des droits de l'Homme",
    "Médecins Sans Frontières (MSF) and the Ligue des droits de l'Homme (LDH) issued a joint statement.",
    "Marine Le Pen of the Rassemblement national and Jean-Luc Mélenchon of La France insoumise",
    "Mali junta expels French ambassador amid diplomatic row",
    "US military defeats drone attack targeting Baghdad airport base",
    "Pension reform: Macron government survives no-confidence votes",
    "a summit in Beijing with Vladimir Putin, then a plate of poutine in Montreal",
    "the embassy in Cairo and the consulate in Iraq; Kiev and Kyiv; Alger and Vienne",
    "she won the Albert Londres prize for her reporting from London.",
    "the Argentine president and the Chilean chili; Credit Suisse; Mexico City",
    "the UN and NATO condemned the attack, the IMF said, and the EU and WHO agreed.",
    "the jihadist group Islamic State (IS) and the EU; the DRC and the UAE; GDP rose",
    "India's Press Information Bureau (PIB) said the PIB had no comment.",
    "the city was founded in 300 BCE; the CPI rose 4.9 percent; the UA flight; the RCA record",
    "Hashd al-Shaabi leader Qais al-Khazali spoke after Abu Mahdi al-Muhandis was killed.",
    "“There is no damage, but it is a civilian airport; it is very dangerous to launch this type of attack.”",
    "Pope Benedict XVI and Louis XIV appear in the book, as does World War II.",
    "The Islamic State (IS) group and the EU, UN and NATO were named by Agence France-Presse (AFP).",
]


@pytest.mark.parametrize("text", OKAY)
def test_okay(text):
    found = tq6(text)
    assert not found, [(f.rule, f.text, f.message) for f in found]


@pytest.mark.parametrize("text,sent", [
    ("Monday’s attack, which occurred around 4:30 a.m., was not immediately claimed.", False),
    ("the minister said que the reform était necessary and that it was done", False),
    (FRENCH, True),
    ("Mali junta expels French ambassador amid diplomatic row", False),
    ("Selon le ministre, the reform était nécessaire", False),
    ("the Ligue des droits de l'Homme and Médecins Sans Frontières", False),
])
def test_prefilter(text, sent):
    assert needs_langid(text) is sent


def test_seed_draws_nothing_and_sends_nothing_to_langdetect():
    doc = read_document(SEED)
    report = check_document(doc, select_rules(["TQ6"]), Config())
    assert report.findings == []
    assert report.langid_examined == 0  # the prefilter spares langdetect every English segment


def test_langid_examined_counts_each_segment_once():
    doc = parse_example(FRENCH + r"\nShort French: il a été tué\n" + FRENCH.replace("vote", "débat"))
    report = check_document(doc, select_rules(["TQ6"]), Config())
    assert report.langid_examined == 2
    assert [(f.rule, f.text) for f in report.findings][1:3] == [("TQ602", "été"), ("TQ605", "tué")]
    assert [f.rule for f in report.findings] == ["TQ601", "TQ602", "TQ605", "TQ601"]
