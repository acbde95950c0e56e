"""The bundled samples end to end: every planted artifact is found, verdicts are right."""
import csv
import filecmp
import json
import os

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.config import Config
from tqcheck.io.inputs import load_inputs

from conftest import ROOT, SEED
from helpers import run_rules

BAGHDAD = os.path.join(ROOT, "samples", "afp-baghdad-drones")
PLANTED_DIR = os.path.join(ROOT, "tests", "fixtures", "planted")
#: Rows that record an artifact no rule is meant to find (the note says why).
NOTE_ONLY = {"note"}
#: Rows found with the default glossary off (with it, the glossary reports the other spelling).
WITHOUT_GLOSSARY = {"name-drift-without-glossary"}


def planted_rows():
    for name in sorted(os.listdir(PLANTED_DIR)):
        with open(os.path.join(PLANTED_DIR, name), encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                skip = [pytest.mark.skip(row["note"])] if row["family"] in NOTE_ONLY else []
                yield pytest.param(name[:-4], row, id=f"{name[:-4]}:{row['line']}:{row['text'][:25]}", marks=skip)


_cache = {}


def findings_for(sample, default_glossary=True):
    if (sample, default_glossary) not in _cache:
        [doc] = load_inputs([os.path.join(ROOT, "samples", sample)])
        _cache[sample, default_glossary] = (doc, run_rules(doc, config=Config(default_glossary=default_glossary)))
    return _cache[sample, default_glossary]


@pytest.mark.parametrize("sample,row", list(planted_rows()))
def test_every_planted_artifact_is_found(sample, row):
    doc, findings = findings_for(sample, default_glossary=row["family"] not in WITHOUT_GLOSSARY)
    line = int(row["line"])
    seg = next(s for s in doc.segments if s.line == line)
    start = seg.text.index(row["text"]) + 1
    end = start + len(row["text"])
    hits = [f for f in findings if f.line == line and f.column < end and f.end_column > start]
    assert hits, f"nothing found for {row['text']!r} ({row['family']}: {row['note']}) on line {line}"


def test_seed_is_kept_byte_for_byte():
    shared = os.path.join(ROOT, "..", "shared", "seeds", "000_91226710ddc3b58b.txt")
    if os.path.exists(shared):
        assert filecmp.cmp(SEED, shared, shallow=False)
    assert filecmp.cmp(SEED, os.path.join(BAGHDAD, "mt.en.txt"), shallow=False)


# The artifacts DEVELOPERS.md names, as (rule, line, offending text).
SEED_ARTIFACTS = [
    ("TQ101", 3, "2e"),                       # a French ordinal left in
    ("TQ502", 7, "Hachd al-Chaabi"),          # transliteration drift: the default glossary says Hashd al-Shaabi
    ("TQ502", 29, "Hachd al-Chaabi"),         # (without it, TQ501 reports Hashd on line 33: see below)
    ("TQ202", 31, "”"),                       # ” All over ”: a closing quote used to open
    ("TQ204", 13, ". “,"),                    # personnel. “, Specified
    ("TQ802", 13, "Specified"),
    ("TQ301", 7, " "),                        # Airport .
    ("TQ701", 5, "France Media Agency"),      # a name translated word for word
    ("TQ801", 33, "al-Khazali"),              # blasted Qais on Saturday. al-Khazali
    ("TQ804", 45, "source site-59"),          # scraping debris
]


def seed_report():
    result = CliRunner().invoke(cli, ["check", BAGHDAD, "--format", "json"])
    return result, json.loads(result.stdout)


@pytest.mark.parametrize("rule,line,text", SEED_ARTIFACTS)
def test_seed_report_shows_each_artifact(rule, line, text):
    _, data = seed_report()
    found = [(f["rule"], f["line"], f["text"]) for f in data["files"][0]["findings"]]
    assert any(r == rule and l == line and text in t for r, l, t in found), found


def test_seed_drift_is_tq501s_on_hashd_without_the_default_glossary():
    result = CliRunner().invoke(cli, ["check", BAGHDAD, "--format", "json", "--no-default-glossary"])
    found = [(f["rule"], f["line"], f["text"], f["suggestion"]) for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert ("TQ501", 33, "Hashd", "Hachd") in found
    assert not [f for f in found if f[0] == "TQ502"]
    _, data = seed_report()
    assert not [f for f in data["files"][0]["findings"] if f["rule"] == "TQ501"]


def test_seed_report_has_metrics_with_signatures_and_fails():
    result, data = seed_report()
    assert result.exit_code == 1
    entry = data["files"][0]
    for key, name in (("bleu", "BLEU"), ("chrf", "chrF2"), ("ter", "TER")):
        assert entry["metrics"][key]["signature"].startswith("nrefs:1|")
    assert entry["score"]["passed"] is False and data["summary"]["passed"] is False
    rich = CliRunner().invoke(cli, ["check", BAGHDAD])
    assert rich.exit_code == 1
    for needle in ("BLEU", "chrF2", "TER", "version:", "FAIL", "Worst segments"):
        assert needle in rich.stdout


@pytest.mark.parametrize("sample", ["afp-mali-junta", "afp-paris-pensions"])
def test_other_artifact_samples_fail(sample):
    assert CliRunner().invoke(cli, ["check", os.path.join(ROOT, "samples", sample)]).exit_code == 1


def test_clean_sample_passes_with_no_finding():
    clean = os.path.join(ROOT, "samples", "clean-eu-summit")
    result = CliRunner().invoke(cli, ["check", clean, "--format", "json"])
    data = json.loads(result.stdout)
    assert result.exit_code == 0
    assert data["files"][0]["findings"] == []
    assert data["files"][0]["score"]["quality"] == 100.0
    rich = CliRunner().invoke(cli, ["check", clean])
    assert rich.exit_code == 0 and "PASS" in rich.stdout
