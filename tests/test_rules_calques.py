"""TQ7xx: names of organisations translated word for word from French."""

import pytest

from tqcheck.io.text import read_document
from tqcheck.text.data import table

from conftest import SEED
from helpers import run_rules, spans



def tq7(text):
    return run_rules(text, select=["TQ7"])


# (text, [(code, line, column, end_column, text)], [suggestions])
FLAGGED = [
    ("France Media Agency", [("TQ701", 1, 1, 20, "France Media Agency")], ["Agence France-Presse"]),
    ("according to the France Press Agency, the toll rose",
     [("TQ701", 1, 18, 37, "France Press Agency")], ["Agence France-Presse"]),
    ("the French Press Agency and the France-Presse Agency reported",
     [("TQ701", 1, 5, 24, "French Press Agency"), ("TQ701", 1, 33, 53, "France-Presse Agency")],
     ["Agence France-Presse", "Agence France-Presse"]),
    ("told Agency France-Presse on Monday", [("TQ701", 1, 6, 26, "Agency France-Presse")],
     ["Agence France-Presse"]),
    ("International Amnesty and Without Borders Doctors said",
     [("TQ701", 1, 1, 22, "International Amnesty"), ("TQ701", 1, 27, 50, "Without Borders Doctors")],
     ["Amnesty International", "Doctors Without Borders"]),
    ("volunteers of Doctors Without Border and Reporters Without Border",
     [("TQ701", 1, 15, 37, "Doctors Without Border"), ("TQ701", 1, 42, 66, "Reporters Without Border")],
     ["Doctors Without Borders", "Reporters Without Borders"]),
    ("the jihadists of the Islamic State Organisation", [("TQ701", 1, 22, 48, "Islamic State Organisation")],
     ["Islamic State group"]),
    ("fighters of the Organization of the Islamic State", [("TQ701", 1, 17, 50, "Organization of the Islamic State")],
     ["Islamic State group"]),
    ("the Syrian Observatory of Human Rights said", [("TQ701", 1, 5, 39, "Syrian Observatory of Human Rights")],
     ["Syrian Observatory for Human Rights"]),
    ("the United Nations Organization and the International Penal Court",
     [("TQ701", 1, 5, 32, "United Nations Organization"), ("TQ701", 1, 41, 66, "International Penal Court")],
     ["United Nations", "International Criminal Court"]),
    ("according to the Council of Orientation of Retirements (COR)",
     [("TQ701", 1, 18, 55, "Council of Orientation of Retirements")], ["Pensions Advisory Council"]),
    # at a sentence start, after "The"
    ("The France Press Agency said", [("TQ701", 1, 5, 24, "France Press Agency")], ["Agence France-Presse"]),
    # case-insensitive and across a line-internal no-break space
    ("FRANCE MEDIA AGENCY\\nthe France\u00a0Media agency", [("TQ701", 1, 1, 20, "FRANCE MEDIA AGENCY"),
     ("TQ701", 3, 5, 24, "France\u00a0Media agency")], ["Agence France-Presse", "Agence France-Presse"]),
]


@pytest.mark.parametrize("text,expected,suggestions", FLAGGED)
def test_flags(text, expected, suggestions):
    found = tq7(text)
    assert spans(found) == expected
    assert [f.suggestion for f in found] == suggestions


def test_message_says_what_and_where_the_english_name_comes_from():
    [f] = tq7("a report by International Amnesty")
    assert f.message.startswith("'International Amnesty' translates a French name word for word; "
                                "the English name is 'Amnesty International'")
    assert f.category == "accuracy/mistranslation" and f.severity.value == "major"


OKAY = [
    "Agence France-Presse (AFP) reported, citing Amnesty International.",
    "the Islamic State group and the Syrian Observatory for Human Rights",
    "Doctors Without Borders and Reporters Without Borders; Medecins Sans Frontieres (MSF)",
    "Doctors without Borders, Reporters sans frontieres (RSF) and the Human Rights League (LDH)",
    "a French press agency said; he called for an international amnesty.",
    "International amnesty programmes were discussed.",
    "the Food and Agriculture Organization of the United Nations (FAO)",
    "the United Nations and the International Criminal Court; the Pensions Advisory Council (COR)",
    "the Organisation of Islamic Cooperation and the Islamic State (IS)",
    "France media agency AFP is based in Paris",  # lowercase after the first word: a description
]


@pytest.mark.parametrize("text", OKAY)
def test_okay(text):
    found = tq7(text)
    assert not found, [(f.text, f.message) for f in found]


def test_no_calque_is_its_own_english_name_and_each_says_where_the_name_comes_from():
    for calque, english, note in table("calques_names.tsv"):
        assert calque.lower() != english.lower() and note
        assert not tq7(english), f"the English name {english!r} must not be flagged"


def test_seed_gives_exactly_one_finding_at_line_5():
    found = run_rules(read_document(SEED), select=["TQ7"])
    assert spans(found) == [("TQ701", 5, 1, 20, "France Media Agency")]
    assert found[0].suggestion == "Agence France-Presse"
