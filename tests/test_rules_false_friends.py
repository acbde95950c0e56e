"""TQ702 false friends and TQ703 French acronyms, both conditioned on the aligned French source."""

import pytest

from tqcheck.text.data import table

from helpers import parse_example, run_rules, spans


def tq(example, code):
    return run_rules(parse_example(example), select=[code])


# (translation <<< source, [(code, line, column, end_column, text)])
FLAGGED = [
    ("Thousands joined the manifestations. <<< Des milliers de personnes ont rejoint les manifestations.",
     [("TQ702", 1, 22, 36, "manifestations")]),
    ("He assisted at the ceremony. <<< Il a assisté à la cérémonie.", [("TQ702", 1, 4, 12, "assisted")]),
    ("They are assisting at the trial. <<< Ils assistent au procès.", [("TQ702", 1, 10, 19, "assisting")]),
    ("The firm is actually in talks. <<< L'entreprise est actuellement en négociation.",
     [("TQ702", 1, 13, 21, "actually")]),
    ("a sensible rise in prices <<< une hausse sensible des prix", [("TQ702", 1, 3, 11, "sensible")]),
    ("The taking of hostages ended. <<< La prise d’otages a pris fin.", [("TQ702", 1, 5, 23, "taking of hostages")]),
    ("The price of petrol fell. <<< Le prix du pétrole a baissé.", [("TQ702", 1, 14, 20, "petrol")]),
    ("He bought it in a library. <<< Il l'a acheté dans une librairie.", [("TQ702", 1, 19, 26, "library")]),
    ("The vote will have place on Sunday. <<< Le vote aura lieu dimanche.", []),  # aura: not listed
    ("The vote should have place on Sunday. <<< Le vote devrait avoir lieu dimanche.",
     [("TQ702", 1, 17, 27, "have place")]),
    ("a rise and an eventual fall <<< une hausse et une éventuelle baisse",
     [("TQ702", 1, 15, 23, "eventual")]),
    ("The France disposes of a large army. <<< La France dispose d'une grande armée.",
     [("TQ702", 1, 12, 23, "disposes of")]),
    ("the physicians at CERN <<< les physiciens du CERN", [("TQ702", 1, 5, 15, "physicians")]),
    # sentence-initial capital is not a name
    ("Formation is key for the young. <<< La formation est essentielle pour les jeunes.",
     [("TQ702", 1, 1, 10, "Formation")]),
    ("The balance is 12 dead. <<< Le bilan est de 12 morts.", [("TQ702", 1, 5, 12, "balance")]),
    ("The company made bankruptcy. <<< L'entreprise a fait faillite.", [("TQ702", 1, 13, 28, "made bankruptcy")]),
    ("five years of firm prison <<< cinq ans de prison ferme", [("TQ702", 1, 15, 26, "firm prison")]),
    ("The minister was auditioned by MPs. <<< Le ministre a été auditionné par les députés.",
     [("TQ702", 1, 18, 28, "auditioned")]),
    ("The CPI issued a warrant. <<< La CPI a émis un mandat.", [("TQ703", 1, 5, 8, "CPI")]),
    ("the ASL and the PAM <<< l'ASL et le PAM", [("TQ703", 1, 5, 8, "ASL"), ("TQ703", 1, 17, 20, "PAM")]),
]


@pytest.mark.parametrize("example,expected", FLAGGED)
def test_flags(example, expected):
    found = tq(example, "TQ70")
    assert spans([f for f in found if f.rule != "TQ701"]) == expected


OKAY = [
    # the source does not have the French form: the cognate is the translator's word
    "Thousands joined the manifestation. <<< Des milliers de personnes ont rejoint le mouvement.",
    "This is a sensible decision. <<< C'est une décision raisonnable.",
    "He assisted the victims. <<< Il a aidé les victimes.",
    "The price of petrol fell. <<< Le prix de l'essence a baissé.",
    # the translation has a correct rendering too
    "The demonstration, a manifestation of anger <<< La manifestation, un signe de colère",
    "He attended the trial and assisted the lawyers. <<< Il a assisté au procès et aidé les avocats.",
    "Oil prices and petrol prices <<< Les prix du pétrole et de l'essence",
    # the English phrase where the cognate is right
    "The formation of the government took weeks. <<< La formation du gouvernement a pris des semaines.",
    "It is a manifestation of distrust. <<< C'est une manifestation de défiance.",
    "their manifestations of joy <<< leurs manifestations de joie",
    "Norway kept its purse strings tight. <<< La Norvège a serré les cordons de sa bourse.",
    "The bank's balance sheet and, on balance, the toll <<< Le bilan de la banque et, au bilan, le bilan",
    "She auditioned for the role. <<< Elle a auditionné pour le rôle.",
    "The firm went bankrupt: five years in prison. <<< L'entreprise a fait faillite : cinq ans de prison ferme.",
    # a capitalised hit mid-sentence is a name
    "She flew to Reunion Island on Monday. <<< Elle s'est rendue à la Réunion lundi.",
    # one-word inflections only: "in term" is not "in terms"
    "In terms of growth, it is a success. <<< À terme, c'est un succès.",
    # acronyms: written in English, or not in the source, or not in capitals
    "The ICC issued a warrant. <<< La CPI a émis un mandat.",
    "The CPI rose 0.3 percent. <<< L'indice des prix a progressé de 0,3 %.",
    "the cpi and the Bce <<< la CPI et la BCE",
]


@pytest.mark.parametrize("example", OKAY)
def test_okay(example):
    found = [f for f in tq(example, "TQ70") if f.rule != "TQ701"]
    assert not found, [(f.text, f.message) for f in found]


def test_no_source_no_finding():
    assert not run_rules("Thousands joined the manifestation. The CPI rose.", select=["TQ702", "TQ703"])


def test_message_names_the_french_and_the_usual_renderings_without_suggestion():
    [f] = tq("Thousands joined the manifestation. <<< Des milliers ont rejoint la manifestation.", "TQ702")
    assert "French 'manifestation'" in f.message and "'demonstration'" in f.message
    assert f.suggestion is None and f.category == "accuracy/mistranslation" and f.severity.value == "major"


def test_weaker_entries_are_minor():
    [f] = tq("The taking of hostages ended. <<< La prise d'otages a pris fin.", "TQ702")
    assert f.severity.value == "minor"


def test_table_has_breadth_and_every_row_is_well_formed():
    rows = table("calques_false_friends.tsv")
    assert len(rows) >= 80
    for french, false_friend, renderings, severity, okay_in, note in rows:
        assert severity in ("major", "minor") and note and french and false_friend and renderings
        assert okay_in == "-" or okay_in.strip("|") == okay_in
        # the false friend is never one of its own renderings
        assert not {w.lower() for w in false_friend.split("|")} & {w.lower() for w in renderings.split("|")}


def test_false_friends_are_not_flagged_by_their_own_renderings():
    for french, _, renderings, *_ in table("calques_false_friends.tsv"):
        form = french.split("|")[0]
        for english in renderings.split("|"):
            assert not tq(f"It was {english} today. <<< C'était {form} aujourd'hui.", "TQ702"), (form, english)


def test_acronym_table_is_disjoint_from_tq604s():
    mine = {r[0] for r in table("calques_acronyms.tsv")}
    theirs = {r[0] for r in table("untranslated_acronyms.tsv")}
    assert mine and not mine & theirs


def test_every_pattern_of_the_table_compiles():
    """The patterns are compiled when a segment first needs one: a broken row must still fail here."""
    from tqcheck.rules.tq7xx_calques.false_friends import _entries, _rx

    for entry in _entries():
        for pattern in (entry.french, entry.unless, entry.false_friend, entry.renderings, entry.okay_in):
            if pattern is not None:
                assert _rx(pattern).pattern == pattern
