"""TQ502-TQ506: glossary terms, source terms, and consistency across a corpus."""
import json
import os

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.config import Config
from tqcheck.engine import run
from tqcheck.io.inputs import load_inputs
from tqcheck.io.text import parse_text

from conftest import ROOT
from helpers import parse_example, run_rules

GLOSSARIES = os.path.join(ROOT, "tests", "fixtures", "glossary")
CORPUS = os.path.join(ROOT, "tests", "fixtures", "corpus")
DESK = Config(glossaries=(os.path.join(GLOSSARIES, "desk-terms.tsv"),))


def found(text, code, config=None):
    return [f for f in run_rules(text, select=[code], config=config) if f.rule == code]


# --- TQ502 glossary-term ------------------------------------------------------------------------
# (text, config, [(line, column, end_column, text, suggestion)])
TQ502_FLAGGED = [
    ("With him was Abu Mehdi al-Mouhandis, number 2 of Hachd al-Chaabi.", None,
     [(1, 14, 36, "Abu Mehdi al-Mouhandis", "Abu Mahdi al-Muhandis"), (1, 50, 65, "Hachd al-Chaabi", "Hashd al-Shaabi")]),
    # a part of a name on its own, with the matching part of the English name
    ("the tomb of al-Mouhandis and other Hachd factions", None,
     [(1, 16, 25, "Mouhandis", "Muhandis"), (1, 36, 41, "Hachd", "Hashd")]),
    ("leader of one of the main Hashd factions, Assaïb Ahl al-Haq, and of Assaïb", None,
     [(1, 43, 60, "Assaïb Ahl al-Haq", "Asaib Ahl al-Haq"), (1, 69, 75, "Assaïb", "Asaib")]),
    # case, no-break spaces, curly apostrophes and decomposed diacritics do not hide a variant
    ("HACHD\u00a0AL-CHAABI and Serguei\u0308 Lavrov’s visit", None,
     [(1, 1, 16, "HACHD\u00a0AL-CHAABI", "Hashd al-Shaabi"), (1, 21, 29, "Serguei\u0308", "Sergei")]),
    # a desk glossary: general terms, plurals listed as variants
    ("Dozens of trapped drone attacks and two trapped drones", DESK,
     [(1, 11, 24, "trapped drone", "booby-trapped drone"), (1, 41, 55, "trapped drones", "booby-trapped drone")]),
    ("the yellow jackets marched; Zelensky spoke", DESK,
     [(1, 5, 19, "yellow jackets", "yellow vests"), (1, 29, 37, "Zelensky", "Zelenskyy")]),
]


@pytest.mark.parametrize("text,config,expected", TQ502_FLAGGED)
def test_tq502_flags(text, config, expected):
    got = found(text, "TQ502", config)
    assert [(f.line, f.column, f.end_column, f.text, f.suggestion) for f in got] == expected
    assert all(f.category == "terminology/wrong-term" and f.severity.value == "major" for f in got)


TQ502_OKAY = [
    ("With him was Abu Mahdi al-Muhandis, deputy head of the Hashd al-Shaabi.", None),
    ("the Hashed al-Shaabi, in AFP's spelling; Al-Qaeda and al-Qaida; Sergei Lavrov in Kirkuk", None),
    # exonyms, acronyms and calques of the default glossary are TQ603's, TQ604's and TQ701's
    ("Vladimir Poutine, the ONU and the France Media Agency", None),
    # a variant inside the required term is not one
    ("Dozens of booby-trapped drone attacks; booby-trapped drones", DESK),
    # words that merely contain a variant
    ("the Hachdan valley and Mouhandisi, the Kharkovian", None),
    # Zelensky is the default glossary's silence: only a desk glossary picks a spelling
    ("Zelensky and Zelenskyy", None),
]


@pytest.mark.parametrize("text,config", TQ502_OKAY)
def test_tq502_okay(text, config):
    assert not found(text, "TQ502", config)


def test_tq502_message_says_what_to_write_and_where_the_rule_comes_from():
    [f] = found("leaders of Hachd al-Chaabi", "TQ502")
    assert f.message == ("'Hachd al-Chaabi' is a form the glossary forbids; write 'Hashd al-Shaabi' (Reuters English: "
                         "Hashd al-Shaabi, AFP English: Hashed al-Shaabi; French writes ch for sh; default glossary)")
    [f] = found("two trapped drones", "TQ502", DESK)
    assert f.message.endswith("(AFP English: booby-trapped; " + os.path.join(GLOSSARIES, "desk-terms.tsv") + ":3)")


def test_tq502_leaves_a_wholly_french_segment_to_tq601():
    text = ("Avec lui se trouvait Abou Mehdi al-Mouhandis, numéro 2 du Hachd al-Chaabi, coalition de factions armées "
            "pro-iraniennes désormais intégrées aux forces régulières irakiennes.")
    codes = [f.rule for f in run_rules(text)]
    assert "TQ601" in codes and "TQ502" not in codes


def test_on_the_seed_the_default_glossary_flags_hachd_mouhandis_and_assaib():
    [doc] = load_inputs([os.path.join(ROOT, "samples", "afp-baghdad-drones")])
    got = [(f.line, f.text, f.suggestion) for f in run_rules(doc, select=["TQ5"])]
    assert got == [
        (7, "Abu Mehdi al-Mouhandis", "Abu Mahdi al-Muhandis"),
        (7, "Hachd al-Chaabi", "Hashd al-Shaabi"),
        (29, "Hachd al-Chaabi", "Hashd al-Shaabi"),
        (33, "Assaïb Ahl al-Haq", "Asaib Ahl al-Haq"),
        (43, "Abu Mehdi al-Mouhandis", "Abu Mahdi al-Muhandis"),
    ]  # and no TQ501 on "Hashd" (line 33), no TQ503 (each source term's variant is there), no TQ504-506


def test_tq501_and_tq502_never_report_one_name_twice():
    text = r"with Abu Mehdi al-Mouhandis\nthe tomb of Abu Mehdi al-Muhandis\nand al-Mouhandis again"
    assert [f.rule for f in run_rules(text, select=["TQ5"])] == ["TQ502", "TQ502", "TQ502"]
    assert [f.rule for f in run_rules(text, select=["TQ5"], config=Config(default_glossary=False))] == ["TQ501"]


# --- TQ503 glossary-source-term -------------------------------------------------------------------

TQ503_FLAGGED = [
    # the source term, case and diacritics aside, and French plurals
    (r"the leaders of the Popular Crowd met <<< les dirigeants du HACHD AL-CHAABI se sont réunis", None),
    (r"Dozens of rocket or drone bomb attacks <<< Des dizaines d'attaques au drone piégé", DESK),
    (r"two drone bombs <<< deux drones piégés ont été abattus", DESK),
    (r"the yellow-shirt protesters <<< les Gilets jaunes ont manifesté", DESK),
]


@pytest.mark.parametrize("text,config", TQ503_FLAGGED)
def test_tq503_flags(text, config):
    [f] = found(text, "TQ503", config)
    seg = parse_example(text).segments[0]
    assert (f.column, f.end_column, f.text) == (1, len(seg.text) + 1, seg.text)
    assert f.suggestion is None and f.category == "terminology/wrong-term"


TQ503_OKAY = [
    (r"Dozens of booby-trapped drone attacks <<< Des dizaines d'attaques au drone piégé", DESK),
    (r"two booby-trapped drones <<< deux drones piégés", DESK),
    # a forbidden variant instead: TQ502 reports it, not TQ503
    (r"two trapped drones <<< deux drones piégés", DESK),
    # admitted alternatives (TBX admittedTerm, or | in the second column)
    (r"two explosive-laden drones <<< deux drones piégés", Config(glossaries=(os.path.join(GLOSSARIES, "desk-terms.tbx"),))),
    (r"the Hashed al-Shaabi <<< le Hachd al-Chaabi", None),
    # a source term inside a longer word is not the term
    (r"the dronepiégé app <<< l'application dronepiégé", DESK),
    # the default exonyms, acronyms and calques ask nothing of the translation
    (r"in Washington and at the UN <<< aux Etats-Unis et à l'ONU", None),
]


@pytest.mark.parametrize("text,config", TQ503_OKAY)
def test_tq503_okay(text, config):
    assert not found(text, "TQ503", config)


def test_tq503_one_finding_per_segment_naming_every_missing_term():
    text = r"The yellow-shirt protesters flew a drone bomb. <<< Les gilets jaunes ont fait voler un drone piégé."
    [f] = found(text, "TQ503", DESK)
    assert "'drone piégé' -> 'booby-trapped drone'" in f.message and "'gilets jaunes' -> 'yellow vests'" in f.message
    assert "(line 1) has the glossary terms" in f.message


def test_tq503_needs_a_source():
    assert not found("the leaders of the Popular Crowd met", "TQ503")


# --- TQ504 corpus-name-drift ----------------------------------------------------------------------

def corpus_findings(path, *args):
    result = CliRunner().invoke(cli, ["check", path, "--format", "json", *args])
    data = json.loads(result.stdout)
    return result, data


def test_tq504_reports_cross_file_drift_pointing_at_the_other_file_and_line():
    result, data = corpus_findings(os.path.join(CORPUS, "drift"))
    assert [os.path.basename(f["path"]) for f in data["files"]] == ["a.en.txt", "b.en.txt", "c.en.txt"]
    got = {os.path.basename(fr["path"]): [(f["rule"], f["line"], f["column"], f["text"], f["suggestion"])
                                          for f in fr["findings"]] for fr in data["files"]}
    assert got == {
        "a.en.txt": [],
        "b.en.txt": [("TQ504", 5, 27, "Muqtada", "Moqtada")],
        "c.en.txt": [("TQ504", 5, 38, "Khazaali", "Khazali")],
    }
    a = os.path.join(CORPUS, "drift", "a.en.txt")
    [b] = data["files"][1]["findings"]
    assert b["message"] == (f"'Muqtada' is spelled 'Moqtada' in other files of this run ({a}, line 7; 2 files in all); "
                            "use one spelling across the corpus")
    [c] = data["files"][2]["findings"]
    assert f"({a}, line 5; 2 files in all)" in c["message"]
    assert b["category"] == "terminology/inconsistent" and b["severity"] == "major"
    # the JSON report keeps its per-file schema: the same keys as a single file's findings
    _, single = corpus_findings(os.path.join(ROOT, "samples", "afp-baghdad-drones"))
    assert set(b) == set(single["files"][0]["findings"][0])
    assert result.exit_code == 1


def test_tq504_consistent_corpus_reports_nothing():
    result, data = corpus_findings(os.path.join(CORPUS, "consistent"))
    assert [fr["findings"] for fr in data["files"]] == [[], [], []]
    assert result.exit_code == 0


def test_tq504_takes_files_as_arguments_too():
    files = [os.path.join(CORPUS, "drift", f"{n}.en.txt") for n in "abc"]
    _, data = corpus_findings(*files)
    assert [len(fr["findings"]) for fr in data["files"]] == [0, 1, 1]


def test_tq504_flags_every_occurrence_in_the_odd_file_and_leaves_mixed_files_to_tq501():
    text = (r"Qassem Soleimani spoke\n===\nthe envoy of Qassem Soleimani\n===\n"
            r"Qasem Soleimani arrived\nand Qasem left\n===\nthe envoy Qassem Soleimani and Qasem Soleimani")
    got = [(f.path, f.rule, f.line, f.text) for f in run_rules(text, select=["TQ501", "TQ504"])]
    assert got == [
        ("<example 3>", "TQ504", 1, "Qasem"), ("<example 3>", "TQ504", 3, "Qasem"),
        ("<example 4>", "TQ501", 1, "Qasem"),  # tie in the file: the later spelling; TQ504 stays out
    ]


def test_tq504_tie_goes_to_the_spelling_seen_first_and_prefer_overrides():
    text = r"the Houthis attacked\n===\nthe Huthis denied"
    [f] = found(text, "TQ504")
    assert (f.path, f.text, f.suggestion) == ("<example 2>", "Huthis", "Houthis")
    [f] = found(text, "TQ504", Config(prefer=("Huthis",)))
    assert (f.path, f.text, f.suggestion) == ("<example 1>", "Houthis", "Huthis")
    assert f.message.endswith("('Huthis' is the preferred spelling)")


@pytest.mark.parametrize("text", [
    r"Philip Lowe spoke\n===\nPhillip Schofield spoke",         # different surnames: two people
    r"Colombia voted\n===\nthe University of Columbia",         # names_distinct.tsv
    r"Mohammed bin Salman\n===\nMohammad Javad Zarif",          # given names
    r"Court papers show it.\n===\nCurt Jones paid.",             # sentence start / distinct
    r"Our team won.\n===\nthe ruins of Ur",
    r"the leaders of Hachd al-Chaabi met\n===\nthe Hashd factions\n===\nthe Hashd again",  # the glossary's
    r"Iran and Iraq\n===\nIraq and Iran",
])
def test_tq504_precision_guards(text):
    assert not found(text, "TQ504")


def test_tq504_a_single_file_is_never_cross_file_drift():
    assert not found(r"the Houthis attacked\nthe Huthis denied", "TQ504")


def test_tq504_finds_a_planted_drift_in_a_corpus_of_10000_segments():
    """100 files of 100 segments: one dictionary per name key, no all-pairs comparison (no timing asserted)."""
    people = ["Qassem Soleimani", "Moqtada Sadr", "Qais al-Khazali", "Hassan Rouhani", "Haider al-Abadi",
              "Mustafa al-Kadhemi", "Ali Sistani", "Masrour Barzani", "Falih al-Fayyadh", "Nouri al-Maliki"]
    docs = []
    for d in range(100):
        segs = [f"On day {i}, {people[(d + i) % 10]} met {people[(d * 3 + i) % 10]} in Baghdad about item {d}-{i}."
                for i in range(100)]
        if d == 57:
            segs = [s.replace("al-Khazali", "al-Khazaali") for s in segs]
        docs.append(parse_text("\n".join(segs), f"file{d:03}.en.txt"))
    assert sum(len(d.segments) for d in docs) == 10_000
    report = run(docs, Config(select=("TQ504",)))
    hits = [(fr.path, f.text, f.suggestion) for fr in report.files for f in fr.findings]
    assert hits and set(hits) == {("file057.en.txt", "Khazaali", "Khazali")}
    assert all("99 files in all" in f.message for fr in report.files for f in fr.findings)


# --- TQ505, TQ506: source consistency -------------------------------------------------------------

def test_tq505_same_source_translated_two_ways_across_sample_directories():
    result, data = corpus_findings(os.path.join(CORPUS, "sources"), "--select", "TQ505,TQ506")
    got = [(os.path.basename(os.path.dirname(fr["path"])), f["rule"], f["line"], f["severity"])
           for fr in data["files"] for f in fr["findings"]]
    assert got == [("day2", "TQ505", 3, "minor"), ("day2", "TQ506", 5, "minor")]
    day1 = os.path.join(CORPUS, "sources", "day1", "mt.en.txt")
    messages = [f["message"] for f in data["files"][1]["findings"]]
    assert messages == [
        f"this source segment is translated differently at {day1}, line 3; translate a repeated segment the same way",
        f"this translation is also given for a different source segment at {day1}, line 5; "
        "check that each source was translated",
    ]


def test_tq505_tq506_short_segments_and_numbers_are_left_out():
    text = (r"Baghdad (AFP) <<< Bagdad (AFP)\nBAGHDAD — <<< Bagdad (AFP)\n"
            r"2,500 1,000 300 12 <<< 2 500 1 000 300 12\n2500 1000 300 12 <<< 2 500 1 000 300 12")
    assert not [f for f in run_rules(text, select=["TQ505", "TQ506"])]


def test_tq505_reports_each_later_variant_against_the_first():
    src = "<<< Les drones visaient l'aéroport de Bagdad."
    text = (rf"The drones targeted Baghdad airport. {src}\nThe drones were aimed at Baghdad airport. {src}\n"
            rf"The drones targeted Baghdad airport. {src}\nDrones targeted the airport in Baghdad. {src}")
    got = [(f.line, f.message.split(" at ")[1]) for f in found(text, "TQ505")]
    assert got == [(3, "<example>, line 1; translate a repeated segment the same way"),
                   (7, "<example>, line 1; translate a repeated segment the same way")]
