import pytest

from tqcheck.model import Finding, Severity
from tqcheck.scoring import score


def finding(sev):
    return Finding("TQ101", "x", "accuracy/untranslated", sev, "p", 1, 1, 2, 1, "x", "m")


@pytest.mark.parametrize("severities,words,quality,passed", [
    ([], 100, 100.0, True),
    ([Severity.MINOR] * 5, 100, 95.0, True),            # exactly at the threshold passes
    ([Severity.MINOR] * 6, 100, 94.0, False),
    ([Severity.MAJOR], 1000, 99.5, True),
    ([Severity.CRITICAL], 10000, 99.75, False),         # any critical fails
    ([Severity.MAJOR] * 30, 100, 0.0, False),           # floored at 0
    ([], 0, 100.0, True),
    ([Severity.MINOR], 0, 0.0, False),
])
def test_mqm_formula(severities, words, quality, passed):
    s = score([finding(x) for x in severities], words, 95.0)
    assert s.penalty == sum(x.weight for x in severities)
    assert s.quality == quality
    assert s.passed is passed


def test_weights():
    assert (Severity.MINOR.weight, Severity.MAJOR.weight, Severity.CRITICAL.weight) == (1, 5, 25)


def test_threshold_compares_unrounded_quality():
    s = score([finding(Severity.MINOR)] * 5, 99, 95.0)   # 94.949... rounds to 94.95
    assert s.quality == 94.95 and not s.passed
