"""The CI formats: SARIF (schema-valid, what GitHub code scanning reads), JUnit (junitparser),
GitHub workflow commands and step summary, Markdown; and docs/rules.md, where helpUri points."""
import json
import os
import re

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.model import Severity
from tqcheck.rules import all_rules as rule_classes
from tqcheck.report import resolve
from tqcheck.report.github import command, escape_data, escape_property
from tqcheck.report.markdown import escape
from tqcheck.ruledocs import DOCS_URL, full_description, markdown

from conftest import ROOT

SCHEMA = os.path.join(ROOT, "..", "shared", "schemas", "sarif-schema-2.1.0.json")
SEED = "samples/afp-baghdad-drones"
# Two files: one with a major (TQ101), a minor (TQ301) and a critical (TQ601) finding, one clean.
BAD = ("The army shot down two drones on the 2e day .\n\n"
       "Le gouvernement a annoncé hier que les négociations avec les syndicats reprendraient la semaine prochaine.\n")
CLEAN = "The ministry confirmed the figures on Tuesday.\n"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "bad.en.txt").write_text(BAD)
    (tmp_path / "news" / "clean.en.txt").write_text(CLEAN)
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, ["check", *args])


def seed(fmt, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run(SEED, "--format", fmt)
    assert result.exit_code == 1, result.output
    return result.stdout


def seed_findings(monkeypatch):
    return json.loads(seed("json", monkeypatch))["files"][0]["findings"]


# --- SARIF ---------------------------------------------------------------------------------

def test_sarif_validates_against_the_official_schema(monkeypatch):
    if not os.path.isfile(SCHEMA):
        pytest.skip(f"the official SARIF schema is not at {os.path.normpath(SCHEMA)} (../shared/schemas)")
    import jsonschema

    with open(SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    validator = jsonschema.Draft4Validator(schema)
    for fmt_input in (SEED, "samples"):                  # one file, and several with a clean one
        monkeypatch.chdir(ROOT)
        data = json.loads(run(fmt_input, "--format", "sarif").stdout)
        errors = sorted(validator.iter_errors(data), key=str)
        assert errors == [], errors[0].message
        assert data["version"] == "2.1.0"


def test_sarif_rules_carry_the_metadata_code_scanning_shows(monkeypatch):
    data = json.loads(seed("sarif", monkeypatch))
    [run_] = data["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "tqcheck"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [c.code for c in rule_classes()]
    for rule, cls in zip(rules, rule_classes()):
        assert rule["name"] == cls.name
        assert rule["shortDescription"]["text"] == cls.description()
        assert rule["fullDescription"]["text"] == full_description(cls)
        assert "Flag:" not in rule["fullDescription"]["text"]
        assert rule["helpUri"] == f"{DOCS_URL}#{cls.code.lower()}"
        assert rule["defaultConfiguration"]["level"] == ("warning" if cls.severity is Severity.MINOR else "error")
        assert rule["properties"]["category"] == cls.category


def test_sarif_results_point_at_the_right_spans(monkeypatch):
    findings = seed_findings(monkeypatch)
    data = json.loads(seed("sarif", monkeypatch))
    [run_] = data["runs"]
    results = run_["results"]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert len(results) == len(findings) > 10
    rules = run_["tool"]["driver"]["rules"]
    for result, f in zip(results, findings):
        assert result["ruleId"] == f["rule"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == {"minor": "warning", "major": "error", "critical": "error"}[f["severity"]]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "samples/afp-baghdad-drones/mt.en.txt", "uriBaseId": "%SRCROOT%"}
        region = location["region"]
        assert (region["startLine"], region["startColumn"], region["endColumn"]) == \
            (f["line"], f["column"], f["end_column"])
        assert region["snippet"]["text"] == f["text"]
        assert f["message"] in result["message"]["text"]
        assert re.fullmatch(r"[0-9a-f]{64}", result["partialFingerprints"]["tqcheck/v1"])
    fingerprints = [r["partialFingerprints"]["tqcheck/v1"] for r in results]
    assert len(set(fingerprints)) == len(fingerprints)
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    assert run_["properties"]["tqcheck"]["files"][0]["quality"] < 95


def test_sarif_fingerprints_survive_lines_moving(corpus):
    first = json.loads(run("news/bad.en.txt", "--format", "sarif").stdout)["runs"][0]["results"]
    (corpus / "news" / "bad.en.txt").write_text("A new first line about the weather.\n\n\n" + BAD)
    moved = json.loads(run("news/bad.en.txt", "--format", "sarif").stdout)["runs"][0]["results"]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved] == \
        [r["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 for r in first]
    assert [r["partialFingerprints"] for r in moved] == [r["partialFingerprints"] for r in first]


def test_sarif_paths_are_relative_with_forward_slashes(corpus):
    data = json.loads(run(str(corpus / "news"), "--format", "sarif").stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert uris == {"news/bad.en.txt"}


# --- JUnit ---------------------------------------------------------------------------------

def test_junit_parses_with_junitparser(corpus):
    junitparser = pytest.importorskip("junitparser")
    result = run("news", "--format", "junit", "--output", "report.xml")
    assert result.exit_code == 1
    xml = junitparser.JUnitXml.fromfile(str(corpus / "report.xml"))
    suites = {s.name: s for s in xml}
    assert set(suites) == {"news/bad.en.txt", "news/clean.en.txt"}
    bad, clean = suites["news/bad.en.txt"], suites["news/clean.en.txt"]
    assert clean.failures == 0 and clean.tests > 1
    failures = [r for case in bad for r in case.result if isinstance(r, junitparser.Failure)]
    # one failure per finding, plus the failed score
    assert sorted(r.type for r in failures) == ["TQ101", "TQ301", "TQ601", "score"]
    assert bad.failures == 4 and bad.tests == len(list(bad))
    assert all(len(case.result) <= 1 for case in bad)          # one failure per testcase
    props = {p.name: p.value for p in bad.properties()}
    assert props["verdict"] == "FAIL" and props["quality"] == "0.00"
    names = [case.name for case in clean]
    assert names[0] == "score" and "TQ1xx ordinals" in names and "TQ6xx untranslated" in names


def test_junit_lists_only_the_families_in_force(corpus):
    junitparser = pytest.importorskip("junitparser")
    run("news/clean.en.txt", "--format", "junit", "--select", "TQ1", "--output", "r.xml")
    [suite] = junitparser.JUnitXml.fromfile(str(corpus / "r.xml"))
    assert [case.name for case in suite] == ["score", "TQ1xx ordinals"]


def test_junit_survives_control_characters(corpus):
    (corpus / "news" / "bad.en.txt").write_text("The 2e day\x0b of talks.\n")
    result = run("news/bad.en.txt", "--format", "junit")
    import xml.etree.ElementTree as ET

    ET.fromstring(result.stdout.split("\n", 1)[1])


# --- GitHub --------------------------------------------------------------------------------

ANNOTATION = re.compile(
    r"^::(?P<cmd>error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endColumn=(?P<end>\d+),title=(?P<title>TQ\d{3})::(?P<msg>[^\r\n]+)$")
FILE_ERROR = re.compile(r"^::error file=[^,:]+,title=tqcheck FAIL::[^\r\n]+$")


def test_github_lines_match_the_workflow_command_syntax(monkeypatch):
    output = seed("github", monkeypatch)
    findings = seed_findings(monkeypatch)
    lines = output.splitlines()
    assert lines[0] == "::group::samples/afp-baghdad-drones/mt.en.txt"
    assert lines.count("::endgroup::") == 1
    annotations = [ANNOTATION.match(line) for line in lines if ANNOTATION.match(line)]
    assert len(annotations) == len(findings)
    for m, f in zip(annotations, findings):
        assert (m["file"], int(m["line"]), int(m["col"]), int(m["end"]), m["title"]) == \
            ("samples/afp-baghdad-drones/mt.en.txt", f["line"], f["column"], f["end_column"], f["rule"])
        assert m["cmd"] == ("warning" if f["severity"] == "minor" else "error")
    for line in lines:
        if line.startswith("::"):
            assert ANNOTATION.match(line) or FILE_ERROR.match(line) or line.startswith(("::group::", "::endgroup::")), line
    assert any("BLEU" in line and "nrefs:1|" in line for line in lines)   # metrics keep their signatures


def test_github_groups_per_file_and_maps_severities(corpus):
    lines = run("news", "--format", "github").stdout.splitlines()
    assert [line for line in lines if line.startswith("::group::")] == \
        ["::group::news/bad.en.txt", "::group::news/clean.en.txt"]
    cmds = {ANNOTATION.match(line)["title"]: ANNOTATION.match(line)["cmd"] for line in lines if ANNOTATION.match(line)}
    assert cmds == {"TQ101": "error", "TQ301": "warning", "TQ601": "error"}
    assert lines[-1] == "tqcheck: 2 files, 3 findings, 1 passed: FAIL"


def test_github_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    line = command("error", "a\nb: c, 50%", file="dir,x/a:b.en.txt", line=1, col=2, endColumn=3, title="TQ101")
    assert line == "::error file=dir%2Cx/a%3Ab.en.txt,line=1,col=2,endColumn=3,title=TQ101::a%0Ab: c, 50%25"
    assert ANNOTATION.match(line)


def test_github_annotation_shows_control_characters_of_the_text():
    from tqcheck.model import Finding, Severity
    from tqcheck.report.github import annotation
    f = Finding(path="a.en.txt", line=1, column=1, end_column=4, segment=0, rule="TQ201", name="quotes",
                severity=Severity.MINOR, category="fluency/punctuation", text="«\x1b»", message="guillemets '«\x1b»' left", suggestion="“\x1b”")
    line = annotation(f)
    assert "\x1b" not in line and "\\x1b" in line and ANNOTATION.match(line)


def test_auto_is_github_in_github_actions(corpus, monkeypatch):
    assert resolve("auto", {"GITHUB_ACTIONS": "true"}) == "github"
    assert resolve("auto", {}) == "rich" and resolve("auto", {"GITHUB_ACTIONS": "false"}) == "rich"
    assert resolve("text", {"GITHUB_ACTIONS": "true"}) == "text"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run("news").stdout.startswith("::group::news/bad.en.txt\n")


def test_step_summary_is_appended_when_set(corpus, monkeypatch):
    summary = corpus / "summary.md"
    summary.write_text("# earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run("news", "--format", "github")
    text = summary.read_text()
    assert text.startswith("# earlier step\n## tqcheck: FAIL\n")
    assert "| news/bad.en.txt | 0.00 | 95 | **FAIL** | 3 |" in text
    assert "| news/clean.en.txt | 100.00 | 95 | **PASS** | 0 |" in text
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    markdown_report = run("news", "--format", "markdown").stdout
    assert text == "# earlier step\n" + markdown_report          # one function writes both


def test_step_summary_not_written_by_other_formats(corpus, monkeypatch):
    summary = corpus / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run("news", "--format", "text")
    assert not summary.exists()


# --- Markdown ------------------------------------------------------------------------------

def test_markdown_summary_table(corpus):
    text = run("news", "--format", "markdown").stdout
    lines = text.splitlines()
    assert lines[0] == "## tqcheck: FAIL"
    assert "| file | quality | threshold | verdict | findings | by category |" in lines
    row = next(line for line in lines if line.startswith("| news/bad.en.txt "))
    assert "accuracy/untranslated 2" in row and "fluency/punctuation 1" in row and "| 3 |" in row
    assert "<details><summary>news/bad.en.txt: 3 findings</summary>" in lines


def test_markdown_escapes_cell_content():
    assert escape("a|b <br> *x* &amp;\nnext") == "a\\|b \\<br\\> \\*x\\* &amp;amp; next"


# --- docs/rules.md -------------------------------------------------------------------------

def test_rules_doc_is_up_to_date(request):
    path = os.path.join(ROOT, "docs", "rules.md")
    expected = markdown()
    if request.config.getoption("--update-golden"):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(expected)
    with open(path, encoding="utf-8") as fh:
        assert fh.read() == expected, "docs/rules.md is stale: run pytest --update-golden (or python -m tqcheck.ruledocs)"


def test_every_help_uri_anchor_exists_in_the_rules_doc():
    text = markdown()
    headings = set(re.findall(r"^## (TQ\d{3})$", text, re.M))
    assert headings == {cls.code for cls in rule_classes()}
    assert DOCS_URL.endswith("/docs/rules.md")


def test_markdown_stays_under_githubs_comment_limit_and_says_what_it_left_out():
    import tqcheck
    from tqcheck.report.markdown import summary

    report = tqcheck.check("\n\n".join(f"The {i}e day of talks began ." for i in range(2, 3000)))
    report.files = [report.files[0]] * 20
    out = summary(report)
    assert len(out) < 65_536
    assert "fit GitHub's 65,536-character limit" in out and "more file(s)" in out


def test_junit_test_names_do_not_change_when_lines_move(tmp_path):
    import tqcheck

    one = tqcheck.render(tqcheck.check("The 2e day .\n\nThe 3e day ."), "junit")
    moved = tqcheck.render(tqcheck.check("A new first line.\n\nThe 2e day .\n\nThe 3e day ."), "junit")
    names = lambda xml: sorted(n for n in __import__("re").findall(r'testcase [^>]*name="([^"]+)"', xml))
    assert names(one) == names(moved) and any("'2e'" in n for n in names(one))


def test_sarif_uris_are_relative_to_the_repository_root_from_any_directory(tmp_path, monkeypatch):
    import json as _json
    import shutil

    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    shutil.copytree(os.path.join(ROOT, "samples", "afp-baghdad-drones"), repo / "content" / "story")
    outside = tmp_path / "outside.en.txt"
    outside.write_text("The 2e day .\n", encoding="utf-8")
    monkeypatch.chdir(repo / "content")
    result = CliRunner().invoke(cli, ["check", "story", str(outside), "--format", "sarif"])
    run_ = _json.loads(result.stdout)["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.as_uri() + "/"
    locations = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r["locations"][0]["physicalLocation"]["artifactLocation"]
                 for r in run_["results"]}
    assert locations["content/story/mt.en.txt"] == {"uri": "content/story/mt.en.txt", "uriBaseId": "%SRCROOT%"}
    assert outside.as_uri() in locations and "uriBaseId" not in locations[outside.as_uri()]


def test_rough_edges_of_the_first_run():
    runner = CliRunner()
    assert "no glossary terms in force" in runner.invoke(cli, ["glossary", "show", "--no-default-glossary"]).stdout
    help_text = runner.invoke(cli, ["check", "--help"]).stdout
    assert "Exit codes" in help_text and "glob" in help_text and "corpus directories" in help_text


def test_text_verdict_gives_its_reason_and_counts_in_english(tmp_path):
    story = tmp_path / "one.en.txt"
    story.write_text("The 2e day.\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", str(story), "--format", "text", "--fail-on", "major"]).stdout
    assert ": 1 finding, " in out
    assert out.rstrip().endswith("FAIL (quality 0.00 below 95; 1 finding at or above major (fail-on))")


def test_compare_takes_sample_directories_like_check():
    result = CliRunner().invoke(cli, ["compare", os.path.join(ROOT, "samples", "afp-baghdad-drones"),
                                      os.path.join(ROOT, "tests", "fixtures", "fidelity", "afp-baghdad-drones-postedit.en.txt"),
                                      "--ref", os.path.join(ROOT, "samples", "afp-baghdad-drones", "ref.en.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
