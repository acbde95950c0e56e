"""Glossaries: the TSV, CSV and TBX readers, malformed files, the default glossary, `glossary show`,
--no-default-glossary and --prefer."""
import json
import os

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.config import Config
from tqcheck.errors import InputError
from tqcheck.glossary import Term, build, check_conflicts, term_key
from tqcheck.io.glossary import DATA_FILES, default_terms, in_force, load, read_glossary

from conftest import ROOT
from helpers import run_rules, spans

FIXTURES = os.path.join(ROOT, "tests", "fixtures", "glossary")
BAGHDAD = os.path.join(ROOT, "samples", "afp-baghdad-drones")


def fixture(name):
    return os.path.join(FIXTURES, name)


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def rows(terms):
    return [(t.source, t.required, t.allowed, t.variants, t.note) for t in terms]


# --- readers ---------------------------------------------------------------------------------

def test_tsv_columns_comments_header_and_blank_lines():
    terms = read_glossary(fixture("desk-terms.tsv"))
    assert rows(terms) == [
        ("drone piégé", "booby-trapped drone", (), ("trapped drone", "trapped drones"), "AFP English: booby-trapped"),
        ("gilets jaunes", "yellow vests", (), ("yellow jackets", "gilets jaunes"),
         "the protest movement, as AP and AFP English write it"),
        ("Zelensky", "Zelenskyy", (), ("Zelensky", "Zelenskiy"), "this desk follows AP style"),
    ]
    assert [t.origin for t in terms] == [f"{fixture('desk-terms.tsv')}:{n}" for n in (3, 4, 6)]
    assert all(t.rule == "TQ502" and not t.default for t in terms)


def test_tsv_two_columns_are_enough_and_admitted_forms_follow_a_bar(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("Hezbollah\tHezbollah\nHachd\tHashd|Hashed\tHachd\n", encoding="utf-8")
    assert rows(read_glossary(str(path))) == [
        ("Hezbollah", "Hezbollah", (), (), ""),
        ("Hachd", "Hashd", ("Hashed",), ("Hachd",), ""),
    ]


def test_csv_with_quoted_cells():
    terms = read_glossary(fixture("desk-terms.csv"))
    assert rows(terms)[1] == (
        "Conseil d'orientation des retraites", "Pensions Advisory Council", (),
        ("Council of Orientation of Retirements", "Pensions Orientation Council"), "COR, the pensions advisory body")
    assert [t.origin.rsplit(":", 1)[1] for t in terms] == ["3", "4"]


def test_tbx_basic_2008_statuses_languages_and_notes():
    terms = read_glossary(fixture("desk-terms.tbx"))
    assert rows(terms) == [
        ("drone piégé", "booby-trapped drone", ("explosive-laden drone",), ("trapped drone",),
         "A drone loaded with explosives"),
        ("gilets jaunes", "yellow vests", (), ("yellow jackets",), ""),  # ntig/termGrp, normativeAuthorization
    ]  # the German langSet is ignored, the monolingual English entry left out
    assert [t.origin for t in terms] == [f"{fixture('desk-terms.tbx')}:9", f"{fixture('desk-terms.tbx')}:29"]


def test_tbx_v3_namespaced_concept_entries():
    [term] = read_glossary(fixture("desk-terms-v3.tbx"))
    assert rows([term]) == [("gilets jaunes", "yellow vests", (), ("yellow jackets",), "the protest movement")]
    assert term.origin.endswith("desk-terms-v3.tbx:8")


MALFORMED = [
    ("bad-columns.tsv", "bad-columns.tsv:3: expected 2 to 4 tab-separated columns", "separated by tabs"),
    ("too-many-columns.tsv", "too-many-columns.tsv:1: expected 2 to 4 tab-separated columns", "found 5"),
    ("empty-required.tsv", "empty-required.tsv:2: the required English term (column 2) is empty", ""),
    ("variant-is-required.tsv", "variant-is-required.tsv:1: forbidden variant 'Booby-Trapped Drone' is also "
                                "the required term", ""),
    ("bad-quote.csv", "bad-quote.csv:3: not valid CSV", "quoting"),
    ("broken.tbx", "broken.tbx:6: not well-formed XML (mismatched tag", "fix the TBX file"),
    ("no-english.tbx", "no-english.tbx:8: the termEntry has no English term", 'xml:lang="en"'),
    ("not-tbx.xml", "not-tbx.xml:2: not a TBX file: the root element is <html>", ""),
]


@pytest.mark.parametrize("name,message,hint", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_glossary_is_an_input_error_naming_file_and_line(name, message, hint):
    with pytest.raises(InputError) as err:
        read_glossary(fixture(name))
    assert message in str(err.value) and hint in str(err.value)


@pytest.mark.parametrize("name,message,hint", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_glossary_stops_the_run_with_exit_2(name, message, hint):
    for args in (["check", BAGHDAD, "--glossary", fixture(name)],
                 ["check", BAGHDAD, "--glossary", fixture(name), "--select", "TQ101"],
                 ["glossary", "show", "--glossary", fixture(name)]):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert result.stdout == ""
        [line] = result.stderr.splitlines()
        assert line.startswith("tqcheck: error: ") and message in line and "Traceback" not in result.output


@pytest.mark.parametrize("content,message", [
    (b"drone pi\xe9g\xe9\tbooby-trapped drone\n", ":1: not valid UTF-8 at byte offset 8"),
    (b"\xef\xbb\xbfsource\ttarget\ndrone\t\n", ":2: the required English term"),  # BOM and header skipped
    (b"\tbooby-trapped drone\n", ":1: neither a source term (column 1) nor forbidden variants"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE martif [\n<!ENTITY a "aaaa">\n]>\n<martif/>\n', ":3: the TBX file declares an entity"),
    (b'<?xml version="1.0"?>\n<martif><text><body><termEntry><langSet xml:lang="en"><tig><term> </term></tig>'
     b'</langSet></termEntry></body></text></martif>\n', ":2: empty <term>"),
    (b'<?xml version="1.0"?>\n<martif><text><body>\n<termEntry><langSet xml:lang="fr"><tig><term>a</term></tig>'
     b'</langSet><langSet xml:lang="en"><tig><term>b</term><termNote type="administrativeStatus">'
     b'deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry></body></text></martif>\n',
     ":3: every English term of the entry is deprecated"),
])
def test_more_malformed_files(tmp_path, content, message):
    path = tmp_path / ("g.tbx" if content.lstrip(b"\xef\xbb\xbf").startswith(b"<") else "g.tsv")
    path.write_bytes(content)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_glossary(str(path))


def test_unreadable_or_unknown_glossary_files(tmp_path):
    with pytest.raises(InputError, match="no such glossary file"):
        read_glossary(str(tmp_path / "missing.tsv"))
    (tmp_path / "terms.txt").write_text("a\tb\n")
    with pytest.raises(InputError, match=r"unknown glossary format; name the file \.tsv, \.csv or \.tbx"):
        read_glossary(str(tmp_path / "terms.txt"))
    result = invoke("check", BAGHDAD, "--glossary", str(tmp_path / "missing.tsv"))
    assert result.exit_code == 2 and "missing.tsv: no such glossary file" in result.stderr


def test_contradicting_entries_across_files_name_both_places(tmp_path):
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    a.write_text("drone piégé\tbooby-trapped drone\ttrapped drone\n", encoding="utf-8")
    b.write_text("\nvoiture piégée\tcar bomb\tbooby-trapped drone\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.tsv:2: 'booby-trapped drone' is a forbidden variant here but the "
                                         r"required term at .*a\.tsv:1"):
        load([str(a), str(b)])
    b.write_text("drone\tarmed drone\ttrapped drone\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.tsv:1: 'trapped drone' is forbidden here in favour of 'armed drone' "
                                         r"and at .*a\.tsv:1 in favour of 'booby-trapped drone'"):
        load([str(a), str(b)])
    b.write_text("drones piégés\tbooby-trapped drone\ttrapped drone\n", encoding="utf-8")
    assert len(load([str(a), str(b)], default=False).terms) == 2  # the same rule twice is no contradiction


# --- the default glossary --------------------------------------------------------------------

def test_default_glossary_lints_clean():
    """No duplicates, nothing mapped to itself, no variant that is also a required term (whole glossary)."""
    terms = default_terms()
    assert {t.origin.split(":")[0] for t in terms} == {name for name, _ in DATA_FILES}
    variants = [term_key(v) for t in terms for v in t.variants]
    assert len(variants) == len(set(variants)), sorted({v for v in variants if variants.count(v) > 1})
    required = {term_key(e) for t in terms for e in t.english}
    assert not required & set(variants), sorted(required & set(variants))
    for t in terms:
        assert t.note, t.origin
        assert term_key(t.required) not in {term_key(s) for s in t.sources}, f"{t.origin}: mapped to itself"
        assert t.default and t.rule in {"TQ502", "TQ603", "TQ604", "TQ701"}
    check_conflicts(terms)


def test_default_transliterations_cite_the_wire_usage_they_follow():
    for t in (t for t in default_terms() if t.rule == "TQ502"):
        assert t.sources and t.variants, t.origin
        assert any(w in t.note for w in ("AFP", "AP", "Reuters")), t.origin


@pytest.mark.parametrize("text,suggestion", [
    ("Hachd al-Chaabi", "Hashd al-Shaabi"), ("Hachd", "Hashd"),
    ("Abu Mehdi al-Mouhandis", "Abu Mahdi al-Muhandis"), ("Mouhandis", "Muhandis"),
    ("Assaïb Ahl al-Haq", "Asaib Ahl al-Haq"), ("Assaïb", "Asaib"), ("Chareh", "Sharaa"), ("Sinouar", "Sinwar"),
    ("Sergueï", "Sergei"),
])
def test_default_entries_and_their_suggestions(text, suggestion):
    [(start, end, term)] = in_force(Config()).forbidden_hits(text)
    assert (start, end) == (0, len(text)) and term.suggestion_for(text) == suggestion


def test_a_part_without_a_matching_part_gets_no_mechanical_suggestion():
    term = Term("Al-Nusra Front", variants=("Front al-Nosra", "Nosra"), sources=("Front al-Nosra",))
    assert term.suggestion_for("Front al-Nosra") == "Al-Nusra Front"
    assert term.suggestion_for("Nosra") is None  # "Front" is no spelling of "Nosra"
    assert Term("Islamic State group", variants=("Daech",)).suggestion_for("Daech") == "Islamic State group"


def test_a_user_entry_overrides_the_default_one_sharing_a_term():
    glossary = load([fixture("afp-style.tsv")])
    hashd = [t for t in glossary.terms if "Hashed al-Shaabi" in t.english]
    assert [t.origin.endswith("afp-style.tsv:2") for t in hashd] == [True]
    assert not any("Hashd al-Shaabi" == t.required for t in glossary.terms)
    found = run_rules(r"the leaders of Hachd al-Chaabi and the Hashd al-Shaabi",
                      config=Config(glossaries=(fixture("afp-style.tsv"),)), select=["TQ502"])
    assert [(f.text, f.suggestion) for f in found] == [("Hachd al-Chaabi", "Hashed al-Shaabi"),
                                                       ("Hashd al-Shaabi", "Hashed al-Shaabi")]


def test_a_user_entry_overrides_a_default_calque_which_tq701_then_leaves_to_tq502():
    text = "the Council of Orientation of Retirements said"
    assert [f.rule for f in run_rules(text, select=["TQ502", "TQ701"])] == ["TQ701"]
    config = Config(glossaries=(fixture("desk-terms.csv"),))
    [f] = run_rules(text, select=["TQ502", "TQ701"], config=config)
    assert (f.rule, f.text, f.suggestion) == ("TQ502", "Council of Orientation of Retirements",
                                              "Pensions Advisory Council")
    assert "desk-terms.csv:4" in f.message


def test_a_desk_glossary_catches_the_trapped_drone_calque_on_the_seed():
    result = invoke("check", BAGHDAD, "--glossary", fixture("desk-terms.tsv"), "--format", "json")
    found = [(f["rule"], f["line"], f["text"], f["suggestion"]) for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert ("TQ502", 21, "trapped drone", "booby-trapped drone") in found
    # the source's "drones piégés" (line 3) became "drone bombs": no required term, no variant
    assert [(line, suggestion) for rule, line, _, suggestion in found if rule == "TQ503"] == [(3, None)]


# --- --no-default-glossary ---------------------------------------------------------------------

def test_no_default_glossary_switches_off_the_default_entries_and_their_rules():
    text = r"Hachd al-Chaabi met Vladimir Poutine, the ONU and the France Media Agency"
    on = {f.rule for f in run_rules(text)}
    assert {"TQ502", "TQ603", "TQ604", "TQ701"} <= on
    off = {f.rule for f in run_rules(text, config=Config(default_glossary=False))}
    assert not off & {"TQ502", "TQ603", "TQ604", "TQ701"}, off
    assert in_force(Config(default_glossary=False)).terms == ()


def test_no_default_glossary_on_the_command_line():
    on = json.loads(invoke("check", BAGHDAD, "--format", "json").stdout)["files"][0]["findings"]
    off = json.loads(invoke("check", BAGHDAD, "--format", "json", "--no-default-glossary").stdout)
    off = off["files"][0]["findings"]
    assert {f["rule"] for f in on} & {"TQ502", "TQ701"} == {"TQ502", "TQ701"}
    assert not {f["rule"] for f in off} & {"TQ502", "TQ603", "TQ604", "TQ701"}
    assert ("TQ501", 33, "Hashd") in {(f["rule"], f["line"], f["text"]) for f in off}


# --- --prefer ----------------------------------------------------------------------------------

def test_prefer_fixes_the_reference_spelling_within_a_file():
    text = r"the Houthis attacked\nthe Houthis said\nthe Huthis denied"
    [f] = run_rules(text, select=["TQ501"])
    assert (f.text, f.suggestion) == ("Huthis", "Houthis")
    found = run_rules(text, select=["TQ501"], config=Config(prefer=("Huthis",)))
    assert [(f.line, f.text, f.suggestion) for f in found] == [(1, "Houthis", "Huthis"), (3, "Houthis", "Huthis")]
    assert found[0].message.endswith("('Huthis' is the preferred spelling)")
    # a config file may give a table variant = preferred; lowercase is fine
    assert [f.text for f in run_rules(text, select=["TQ501"], config=Config(prefer={"Houthis": "huthis"}))] == \
        ["Houthis", "Houthis"]


def test_prefer_on_the_command_line_flips_cross_file_drift():
    corpus = os.path.join(ROOT, "tests", "fixtures", "corpus", "drift")
    data = json.loads(invoke("check", corpus, "--format", "json", "--prefer", "Muqtada Sadr").stdout)
    found = [(os.path.basename(fr["path"]), f["text"], f["suggestion"]) for fr in data["files"] for f in fr["findings"]]
    assert ("a.en.txt", "Moqtada", "Muqtada") in found and ("c.en.txt", "Moqtada", "Muqtada") in found
    assert not [f for f in found if f[1] == "Muqtada"]


def test_required_glossary_words_are_preferred_spellings_too():
    # "Haniyeh" is a word of the default glossary's "Ismail Haniyeh": it wins over the majority "Haniyah"
    text = r"Hamas leader Haniyah spoke, and Haniyah left\nwhere Haniyeh lived"
    found = run_rules(text, select=["TQ501"])
    assert [(f.text, f.suggestion) for f in found] == [("Haniyah", "Haniyeh"), ("Haniyah", "Haniyeh")]
    found = run_rules(text, select=["TQ501"], config=Config(default_glossary=False))
    assert [(f.text, f.suggestion) for f in found] == [("Haniyeh", "Haniyah")]


# --- glossary show ------------------------------------------------------------------------------

def test_glossary_show_prints_one_line_per_term_with_its_origin():
    result = invoke("glossary", "show")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(default_terms())
    hachd = next(l.split("\t") for l in lines if l.startswith("Hachd al-Chaabi\t"))
    assert hachd[:3] == ["Hachd al-Chaabi", "Hashd al-Shaabi|Hashed al-Shaabi", "Hached al-Chaabi|Hachd al-Chaabi|Hachd"]
    assert hachd[3].startswith("glossary_transliterations.tsv:") and hachd[3].endswith("(default, TQ502)")
    assert "Reuters" in hachd[4]
    assert any(l.startswith("Poutine\tPutin\tPoutine\tuntranslated_exonyms.tsv:") for l in lines)


def test_glossary_show_with_a_user_glossary_and_without_the_default():
    result = invoke("glossary", "show", "--glossary", fixture("desk-terms.tbx"), "--no-default-glossary")
    assert result.exit_code == 0
    where = os.path.relpath(fixture("desk-terms.tbx"))  # paths are shown as given, relative to here
    assert result.stdout.splitlines() == [
        f"drone piégé\tbooby-trapped drone|explosive-laden drone\ttrapped drone\t{where}:9\t"
        "A drone loaded with explosives",
        f"gilets jaunes\tyellow vests\tyellow jackets\t{where}:29\t",
    ]
    with_default = invoke("glossary", "show", "--glossary", fixture("desk-terms.tbx")).stdout.splitlines()
    assert with_default[:2] == result.stdout.splitlines() and len(with_default) == 2 + len(default_terms())


def test_glossary_show_is_a_table_on_a_terminal(monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    result = invoke("glossary", "show", "--glossary", fixture("desk-terms.tsv"), "--no-default-glossary")
    assert result.exit_code == 0
    assert "source term" in result.stdout and "forbidden" in result.stdout and "3 terms" in result.stdout


def test_glossary_and_prefer_from_a_configuration_file(tmp_path, monkeypatch):
    (tmp_path / "terms.tsv").write_text("drone piégé\tbooby-trapped drone\ttrapped drone\n", encoding="utf-8")
    (tmp_path / ".tqcheck.toml").write_text('glossary = ["terms.tsv"]\nprefer = ["Huthis"]\n', encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("Dozens of trapped drone attacks.\n\nThe Houthis and the Houthis, the Huthis.\n",
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    data = json.loads(invoke("check", "a.en.txt", "--format", "json").stdout)
    found = {(f["rule"], f["text"], f["suggestion"]) for f in data["files"][0]["findings"]}
    assert ("TQ502", "trapped drone", "booby-trapped drone") in found
    assert ("TQ501", "Houthis", "Huthis") in found
    shown = invoke("glossary", "show", "--no-default-glossary").stdout
    assert shown.startswith("drone piégé\tbooby-trapped drone\ttrapped drone\t")


def test_the_glossary_is_read_once_per_run(monkeypatch):
    import tqcheck.io.glossary as glossary

    calls = []
    real = glossary.read_glossary
    monkeypatch.setattr(glossary, "read_glossary", lambda p: calls.append(p) or real(p))
    config = Config(glossaries=(fixture("desk-terms.tsv"),))
    run_rules(r"one trapped drone\ntwo trapped drones\n===\nthree", config=config)
    assert calls == [fixture("desk-terms.tsv")]
    assert build([], default_terms()).terms == default_terms()
    assert spans(run_rules("trapped drones", select=["TQ502"], config=config)) == \
        [("TQ502", 1, 1, 15, "trapped drones")]


def test_tq502s_variants_are_found_the_same_with_the_ascii_prefilter():
    """An ASCII text none of whose words starts one of TQ502's variants is not searched: the spans must be
    the pattern's own on texts made of the variants' words, in any case, and the prefilter stands down
    for a variant re's IGNORECASE could match in ASCII text another way (ſ for s)."""
    import random

    from tqcheck import glossary

    g = load((), True, ())
    pattern = g._all_variants[0]
    variants = [v for t in g.enforced_by("TQ502") for v in t.variants]
    assert g._variant_heads[0]  # the default glossary's variants all start with a word
    rng = random.Random(11)
    pieces = [w for v in variants for w in v.split()] + ["the", "of", "-", "'", ".", "al", "US"]
    texts = variants + [v.upper() for v in variants] + [v.lower() for v in variants]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(5000)]
    texts = [t for t in texts if t.isascii()] + ["Le Hachd al-Chaabi a dit", "Hashd: no variant here"]
    assert [glossary._spans.__wrapped__(g, 0, t) for t in texts] == [
        tuple(m.span() for m in pattern.finditer(t)) for t in texts]
    assert any(glossary._spans.__wrapped__(g, 0, t) for t in texts)
    assert glossary._ascii_heads(["ſtrange sight"]) is None
    assert glossary._ascii_heads(["Qaïs Khazali", "Hachd al-Chaabi"]) == frozenset({"qai", "hachd"})
