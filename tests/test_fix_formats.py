"""tqcheck fix: per-finding fix safety, structured formats, and removing lines.

Every test works on copies of the samples in tmp_path; samples/ is never modified."""
import os
import shutil

import pytest
from click.testing import CliRunner

from conftest import ROOT
from tqcheck import check, check_files
from tqcheck.cli import cli
from tqcheck.fixedit import FileText, escape, remove_lines


def run(*args):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def safety(text):
    return [(f.rule, f.fix_safety) for f in check(text).files[0].findings if f.suggestion is not None]


# -- per-finding fix safety -----------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # curly marks whose shape or place says which way they face: safe
    ("” All over ”", [("TQ202", "safe"), ("TQ203", "safe"), ("TQ203", "safe")]),  # line start and end
    ("“ as soon as possible ” he said.", [("TQ203", "safe"), ("TQ203", "safe")]),  # shapes agree with the reading
    ("He said ”never” and left.", [("TQ202", "safe")]),  # glued to the word it opens
    ("“We will win the war“ he said.", [("TQ202", "safe")]),  # glued to the word it closes
    # the place says the other way ('win ”Zelensky' opens by its place, closes by the walk): unsafe
    ("“We will win ”Zelensky said.", [("TQ203", None)]),
    # straight quotes pair by guesswork: unsafe
    ('He said " never " and left.', [("TQ203", None), ("TQ203", None)]),
    # a reporting verb after the quotation is never a name: its lower case is safe
    ("contractors and civilian personnel. “, Specified the person in charge.", [("TQ204", None), ("TQ802", "safe")]),
])
def test_quote_and_capital_fixes_are_safe_only_where_certain(text, expected):
    assert safety(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("France Media Agency reported it.", "safe"),  # the agency's own name: one answer
    ("the report by International Amnesty", "safe"),
    ("volunteers of Without Borders Doctors", None),  # AFP also writes Medecins Sans Frontieres
    ("the Retirement Orientation Council said", None),  # no official English name
])
def test_a_calque_fix_is_safe_only_for_an_organisation_s_own_english_name(text, expected):
    assert safety(text) == [("TQ701", expected)]


def test_a_capitalised_word_that_is_not_a_reporting_verb_is_an_unsafe_fix():
    assert safety("personnel. “, Yesterday the official said.") == [("TQ204", None), ("TQ802", None)]


def test_fix_safety_is_not_serialised(tmp_path):
    """The JSON report keeps its fields: fix safety is the fixer's business."""
    path = tmp_path / "a.en.txt"
    path.write_text("” All over ”\n", encoding="utf-8")
    code, out, err = run("check", str(path), "--format", "json")
    assert '"rule": "TQ202"' in out and '"fix_safety"' not in out


# -- structured formats ---------------------------------------------------------------------------

FORMAT_SAMPLES = ["afp-baghdad-drones-markdown", "afp-baghdad-drones-po", "afp-baghdad-drones-xliff12",
                  "afp-baghdad-drones-xliff20"]


@pytest.mark.parametrize("name", FORMAT_SAMPLES)
def test_structured_files_are_fixed_in_place_and_stay_valid(name, tmp_path):
    sample = str(tmp_path / name)
    shutil.copytree(os.path.join(ROOT, "samples", name), sample)
    mt = next(os.path.join(sample, n) for n in os.listdir(sample) if n.startswith("mt."))
    before = open(mt, "rb").read()
    code, out, err = run("fix", sample, "-q")
    after = open(mt, "rb").read()
    assert "fixed 9 findings in 1 file" in err
    # only the flagged spans changed: same number of lines, markup untouched
    assert before.count(b"\n") == after.count(b"\n") and before.count(b"<") == after.count(b"<")
    assert b"the 2nd" in after and b"the 2e" not in after and "“All over”".encode() in after
    report = check_files([sample])  # the fixed file reads back (valid XML, PO, Markdown)
    assert not {f.rule for f in report.files[0].findings} & {"TQ101", "TQ202", "TQ203", "TQ204", "TQ301", "TQ701"}
    # the debris unit is not emptied: that would leave a unit without a translation
    assert "TQ804 not fixed" in err


@pytest.mark.parametrize("fmt, text, written", [
    ("xliff 1.2", "R&D <b>", "R&amp;D &lt;b&gt;"),
    ("tmx", "a > b", "a &gt; b"),
    ("html", "AT&T", "AT&amp;T"),
    ("po", 'he said "no"\\', 'he said \\"no\\"\\\\'),
    ("markdown", "R&D <b>", "R&D <b>"),
    (None, "R&D", "R&D"),
])
def test_replacements_are_written_as_the_format_writes_text(fmt, text, written):
    assert escape(text, fmt) == written


def test_an_entity_inside_the_span_leaves_the_finding_to_the_editor(tmp_path):
    path = tmp_path / "mt.xlf"
    src = os.path.join(ROOT, "samples", "afp-baghdad-drones-xliff12", "mt.xlf")
    data = open(src, encoding="utf-8").read().replace("France Media Agency", "France Media &#65;gency")
    path.write_text(data, encoding="utf-8")
    code, out, err = run("fix", str(path), "--diff")
    added = [line for line in out.splitlines() if line.startswith("+")]
    assert not [line for line in added if "Agence France-Presse" in line]  # the span on disk is not its text
    assert [line for line in added if "2nd anniversary" in line] and "would fix 8 findings" in err


# -- removing lines -------------------------------------------------------------------------------

@pytest.mark.parametrize("data, numbers, expected", [
    (b"A\n\ndebris\n\nB", [3], b"A\n\nB"),  # a paragraph between two others
    (b"A\n\nB\n\ndebris", [5], b"A\n\nB\n"),  # the last one, and the blank line before it
    (b"A\n\nB\n\ndebris\n", [5], b"A\n\nB\n"),
    (b"a\r\ndebris\r\nb\r\n", [2], b"a\r\nb\r\n"),  # one sentence per line, CRLF kept
    (b"\xef\xbb\xbfdebris\nb\n", [1], b"\xef\xbb\xbfb\n"),  # the BOM stays
])
def test_remove_lines_takes_the_blank_separators_along(data, numbers, expected):
    assert remove_lines(FileText.parse(data, "f"), numbers).data() == expected


def test_standard_input_cannot_be_fixed_and_says_so(monkeypatch):
    from tqcheck.io import formats

    monkeypatch.setattr(formats, "_STDIN_CACHE", {})  # standard input is read once per process
    result = CliRunner().invoke(cli, ["fix", "-", "--diff"], input="the 2e day .\n")
    assert result.exit_code == 2 and "standard input cannot be fixed" in result.stderr
