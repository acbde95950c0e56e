"""Precision first: correct English of the kinds that trip naive checkers draws no finding."""
import os

import pytest

from tqcheck.io.inputs import load_inputs
from tqcheck.io.text import read_document

from conftest import ROOT
from helpers import run_rules

FIXTURE = os.path.join(ROOT, "tests", "fixtures", "correct_english.txt")
CLEAN_SAMPLES = sorted(
    os.path.join(ROOT, "samples", d) for d in os.listdir(os.path.join(ROOT, "samples")) if d.startswith("clean")
)


def describe(findings):
    return [(f.rule, f.line, f.text, f.message) for f in findings]


def test_correct_english_draws_no_finding():
    findings = run_rules(read_document(FIXTURE))
    assert not findings, describe(findings)


@pytest.mark.parametrize("sample", CLEAN_SAMPLES, ids=os.path.basename)
def test_clean_sample_draws_no_finding(sample):
    [doc] = load_inputs([sample])
    assert doc.references, "the clean sample should come with a reference, so TQ9xx runs too"
    findings = run_rules(doc)
    assert not findings, describe(findings)


def test_there_is_a_clean_sample():
    assert CLEAN_SAMPLES
