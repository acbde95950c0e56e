"""Tests over the rule set itself: registered, documented, with examples of both kinds."""
import pytest

from tqcheck.model import CATEGORIES, Severity
from tqcheck.registry import CODE_RE, NAME_RE, RegistryError, SegmentRule, register
from tqcheck.rules import all_rules as rule_classes
from tqcheck.rules import select_rules

from helpers import run_rules

RULES = rule_classes()
EXAMPLES = [(cls.code, kind, text) for cls in RULES for kind, text in cls.examples()]


def test_there_are_rules_in_every_family():
    families = {cls.code[:3] for cls in RULES}
    assert families == {f"TQ{i}" for i in range(1, 10)}


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.code)
def test_rule_metadata(cls):
    assert CODE_RE.match(cls.code)
    assert NAME_RE.match(cls.name)
    assert cls.category in CATEGORIES
    assert isinstance(cls.severity, Severity)
    assert cls.description() and not cls.description().endswith(":")


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.code)
def test_rule_has_examples_of_both_kinds(cls):
    kinds = {kind for kind, _ in cls.examples()}
    assert kinds == {"Flag", "Okay"}, f"{cls.code} needs Flag: and Okay: examples in its docstring"


@pytest.mark.parametrize("code,kind,text", EXAMPLES, ids=[f"{c}-{k}-{i}" for i, (c, k, _) in enumerate(EXAMPLES)])
def test_docstring_example(code, kind, text):
    found = [f for f in run_rules(text, select=[code]) if f.rule == code]
    if kind == "Flag":
        assert found, f"{code} should flag: {text!r}"
    else:
        assert not found, f"{code} should not flag {text!r}: {[(f.text, f.message) for f in found]}"


def test_registry_refuses_bad_and_duplicate_codes():
    class Bad(SegmentRule):
        """Bad code."""
        code, name, category, severity = "X1", "bad-code", "fluency/grammar", Severity.MINOR

    with pytest.raises(RegistryError, match="three digits"):
        register(Bad)

    existing = RULES[0]

    class Dup(SegmentRule):
        """Duplicate code."""
        code, name, category, severity = existing.code, "some-new-name", "fluency/grammar", Severity.MINOR

    with pytest.raises(RegistryError, match="duplicate"):
        register(Dup)

    class BadCategory(SegmentRule):
        """Unknown category."""
        code, name, category, severity = "TQ999", "bad-category", "fluency/style", Severity.MINOR

    with pytest.raises(RegistryError, match="category"):
        register(BadCategory)


def test_select_and_ignore_by_code_prefix_name_and_category():
    all_codes = [r.code for r in select_rules()]
    assert all_codes == sorted(all_codes) and all_codes == [c.code for c in RULES if not c.opt_in]
    assert all(r.code.startswith("TQ2") for r in select_rules(select=["TQ2"]))
    assert [r.code for r in select_rules(select=["french-ordinal"])] == ["TQ101"]
    assert all(r.category.startswith("fluency") for r in select_rules(select=["fluency"]))
    assert "TQ101" not in [r.code for r in select_rules(ignore=["TQ1"])]
    with pytest.raises(RegistryError, match="no rule matches"):
        select_rules(select=["TQ0"])


def test_opt_in_rules_need_their_code_or_name():
    opt_in = [c for c in RULES if c.opt_in]
    assert {c.code for c in opt_in} >= {"TQ916", "TQ912", "TQ914", "TQ505", "TQ506"}
    assert not {c.code for c in opt_in} & {r.code for r in select_rules(select=["TQ9"])}  # a prefix does not
    assert [r.code for r in select_rules(select=["TQ916"])] == ["TQ916"]
    assert [r.code for r in select_rules(select=["length-ratio"])] == ["TQ914"]
    extended = [r.code for r in select_rules(extend_select=["TQ912"])]
    assert "TQ912" in extended and "TQ101" in extended and "TQ916" not in extended
    assert "TQ914" in [r.code for r in select_rules(select=["TQ1"], extend_select=["TQ914"])]


def test_severity_override_applies_to_one_run_only():
    rules = select_rules(select=["TQ101"], severity={"TQ101": Severity.CRITICAL})
    assert rules[0].severity is Severity.CRITICAL
    assert select_rules(select=["TQ101"])[0].severity is not Severity.CRITICAL


def test_corpus_rules_observe_every_document_then_report_on_any(monkeypatch):
    from tqcheck.config import Config
    from tqcheck.engine import run
    from tqcheck.io.text import parse_text
    from tqcheck.model import Finding
    from tqcheck.registry import CorpusRule

    class LongestFile(CorpusRule):
        """Test-only corpus rule: flags the first segment of the longest document."""
        code, name, category, severity = "TQ998", "longest-file", "fluency/grammar", Severity.MINOR

        def __init__(self, severity=None):
            super().__init__(severity)
            self.sizes = []

        def observe(self, doc, ctx):
            self.sizes.append((doc.words, doc.path, doc.segments[0]))

        def finish(self):
            words, path, seg = max(self.sizes)
            yield Finding(self.code, self.name, self.category, self.severity, path, seg.line, 1, 2,
                          seg.index, seg.text[:1], "longest")

    import tqcheck.engine as engine

    docs = [parse_text("Short one.", "a"), parse_text("A much longer second document here.", "b")]
    monkeypatch.setattr(engine, "select_rules", lambda *a, **k: [LongestFile()])
    report = run(docs, Config())
    assert [len(f.findings) for f in report.files] == [0, 1]
    assert report.files[1].findings[0].rule == "TQ998"
    assert report.files[1].score.penalty == 1.0


# --- no rule reports one span twice (the engine's dedupe is a safety net, not a habit) ---------------

@pytest.mark.parametrize("code,kind,text", EXAMPLES, ids=[f"{c}-{k}-{i}" for i, (c, k, _) in enumerate(EXAMPLES)])
def test_examples_never_report_a_span_twice(code, kind, text):
    from tqcheck.config import Config
    from tqcheck.engine import run

    from helpers import parse_examples

    run(parse_examples(text), Config(), strict=True)  # raises DuplicateFindingError


def test_samples_and_fixtures_never_report_a_span_twice():
    import os

    from tqcheck.config import Config
    from tqcheck.engine import run
    from tqcheck.io.inputs import iter_inputs

    from conftest import ROOT

    for path in ("samples", os.path.join("tests", "fixtures", "corpus")):
        report = run(iter_inputs([os.path.join(ROOT, path)]), Config(), strict=True)
        assert report.files


def test_strict_finalise_names_the_rule_that_reported_a_span_twice():
    from tqcheck.config import Config
    from tqcheck.engine import DuplicateFindingError, finalise
    from tqcheck.model import FileReport

    from helpers import run_rules, parse_example

    doc = parse_example("The 2e day.")
    [f] = run_rules(doc, ["TQ101"])
    with pytest.raises(DuplicateFindingError, match="TQ101 reported <example>:1:5-7 twice"):
        finalise([FileReport(doc, [f, f], None)], {}, Config(), strict=True)
    fr = FileReport(doc, [f, f], None)
    finalise([fr], {}, Config())  # outside tests a duplicate is dropped
    assert fr.findings == [f] and fr.score is not None and len(fr.fingerprints) == 1
