"""Configuration: defaults < file < flags, the upward search, bad keys and types, config show,
and the settings CI relies on (fail-on, per-file-ignores, include/exclude, --exit-zero)."""
import os
import sys
from dataclasses import fields

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.config import Config, find_config, load_settings
from tqcheck.errors import InputError
from tqcheck.model import Finding, Severity
from tqcheck.scoring import score

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

BAD = "The army shot down two drones on the 2e day.\n"          # one major finding (TQ101), 10 words
GOOD = "The army shot down two drones on the second day.\n"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def assert_one_line_error(result, *needles):
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tqcheck: error: "), result.stderr
    for needle in needles:
        assert needle in lines[0]


def show(*args) -> dict[str, tuple[str, str]]:
    """``tqcheck config show`` piped: key -> (value, origin)."""
    result = invoke("config", "show", *args)
    assert result.exit_code == 0, result.output
    out = {}
    for line in result.stdout.splitlines()[1:]:
        setting, _, origin = line.partition("  # ")
        key, _, value = setting.partition(" = ")
        out[key] = (value, origin)
    return out


# --- precedence ------------------------------------------------------------------------------

def test_defaults_without_a_file(here):
    settings = load_settings(cwd=str(here))
    assert settings.file is None
    assert settings.config == Config()
    assert set(settings.origins.values()) == {"default"}


def test_file_overrides_defaults_and_flags_override_the_file(here):
    (here / ".tqcheck.toml").write_text('fail-under = 90\nselect = ["TQ1", "fluency"]\nworst = 1\n')
    settings = load_settings(flags={"fail-under": 80.0, "worst": None, "select": ()})
    c = settings.config
    assert (c.fail_under, c.select, c.worst, c.tokenize) == (80.0, ("TQ1", "fluency"), 1, "13a")
    assert settings.origins["fail-under"] == "command line"
    assert settings.origins["select"] == ".tqcheck.toml"
    assert settings.origins["worst"] == ".tqcheck.toml"
    assert settings.origins["tokenize"] == "default"


def test_precedence_seen_through_the_cli(here):
    (here / "story.en.txt").write_text(BAD)          # quality 50
    assert invoke("check", "story.en.txt", "--format", "text").exit_code == 1
    (here / ".tqcheck.toml").write_text("fail-under = 40\n")
    assert invoke("check", "story.en.txt", "--format", "text").exit_code == 0
    assert invoke("check", "story.en.txt", "--format", "text", "--fail-under", "60").exit_code == 1
    (here / ".tqcheck.toml").write_text('fail-under = 40\nignore = ["french-ordinal"]\n')
    result = invoke("check", "story.en.txt", "--format", "text")
    assert "TQ101" not in result.stdout and result.exit_code == 0
    # a flag replaces the file's list, as ruff and flake8 do
    result = invoke("check", "story.en.txt", "--format", "text", "--ignore", "TQ9")
    assert "TQ101" in result.stdout


def test_config_show_prints_values_and_origins(here):
    (here / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.tqcheck]\nfail-under = 90\nfail-on = "major"\n'
        'severity = { TQ101 = "minor" }\nper-file-ignores = { "drafts/**" = ["TQ9"] }\n')
    shown = show()
    assert shown["fail-under"] == ("90.0", "pyproject.toml")
    assert shown["fail-on"] == ('"major"', "pyproject.toml")
    assert shown["severity"] == ('{"TQ101" = "minor"}', "pyproject.toml")
    assert shown["per-file-ignores"] == ('{"drafts/**" = ["TQ9"]}', "pyproject.toml")
    assert shown["tokenize"] == ('"13a"', "default")
    result = invoke("config", "show")
    assert result.stdout.splitlines()[0] == "# configuration file: pyproject.toml"
    # piped, the output is valid TOML that reads back as the settings
    data = tomllib.loads(result.stdout)
    assert data["fail-under"] == 90.0 and data["include"] == ["*.en.txt"] and data["severity"] == {"TQ101": "minor"}


def test_config_show_names_an_explicit_file(here):
    (here / "ci.toml").write_text("worst = 0\n")
    assert show("--config", "ci.toml")["worst"] == ("0", "ci.toml")
    assert show()["worst"] == ("3", "default")


# --- where the file is found -----------------------------------------------------------------

def test_search_goes_upward_and_skips_a_pyproject_without_the_table(here, monkeypatch):
    (here / ".tqcheck.toml").write_text("fail-under = 90\n")
    sub = here / "a" / "b"
    sub.mkdir(parents=True)
    (here / "a" / "pyproject.toml").write_text('[project]\nname = "tqcheck-user"\n')
    monkeypatch.chdir(sub)
    assert find_config() == str(here / ".tqcheck.toml")
    assert load_settings().config.fail_under == 90.0


def test_nearest_file_wins_and_tqcheck_toml_beats_pyproject_in_one_directory(here, monkeypatch):
    (here / ".tqcheck.toml").write_text("fail-under = 90\n")
    sub = here / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[tool.tqcheck]\nfail-under = 80\n")
    monkeypatch.chdir(sub)
    assert load_settings().config.fail_under == 80.0
    (sub / ".tqcheck.toml").write_text("fail-under = 70\n")
    assert load_settings().config.fail_under == 70.0


def test_explicit_config_file_wins_over_the_search(here):
    (here / ".tqcheck.toml").write_text("fail-under = 90\n")
    (here / "ci.toml").write_text("fail-under = 50\n")
    settings = load_settings("ci.toml")
    assert settings.config.fail_under == 50.0 and settings.origins["fail-under"] == "ci.toml"
    (here / "story.en.txt").write_text(BAD)
    assert invoke("check", "story.en.txt", "--config", "ci.toml", "--format", "text").exit_code == 0
    assert invoke("check", "story.en.txt", "--format", "text").exit_code == 1


def test_explicit_pyproject_needs_the_table_and_a_missing_file_is_an_error(here):
    (here / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (here / "story.en.txt").write_text(GOOD)
    assert_one_line_error(invoke("check", "story.en.txt", "--config", "pyproject.toml"),
                          "pyproject.toml", "[tool.tqcheck]")
    assert_one_line_error(invoke("check", "story.en.txt", "--config", "nope.toml"), "nope.toml")


# --- errors ----------------------------------------------------------------------------------

def test_unknown_key_stops_with_exit_2_naming_file_and_key(here):
    (here / "pyproject.toml").write_text("[tool.tqcheck]\nfail_under = 90\n")
    (here / "story.en.txt").write_text(GOOD)
    result = invoke("check", "story.en.txt")
    assert_one_line_error(result, "pyproject.toml", "unknown key 'fail_under' in [tool.tqcheck]",
                          "did you mean 'fail-under'")
    assert result.stdout == ""
    (here / "pyproject.toml").unlink()
    (here / ".tqcheck.toml").write_text("colour = true\n")
    assert_one_line_error(invoke("check", "story.en.txt"), ".tqcheck.toml", "unknown key 'colour'")
    assert_one_line_error(invoke("config", "show"), ".tqcheck.toml", "unknown key 'colour'")


@pytest.mark.parametrize("line,key,words", [
    ('fail-under = "high"', "fail-under", "must be a number"),
    ("fail-under = 101", "fail-under", "from 0 to 100"),
    ("fail-under = true", "fail-under", "must be a number"),
    ('fail-on = "fatal"', "fail-on", "must be one of"),
    ('select = "TQ1"', None, None),                              # one string is a list of one
    ("select = [1, 2]", "select", "list of non-empty strings"),
    ('select = ["TQ0"]', "select", "no rule matches 'TQ0'"),
    ('ignore = ["nonsense"]', "ignore", "no rule matches 'nonsense'"),
    ('severity = { TQ101 = "fatal" }', "severity", "rule = 'minor'"),
    ('severity = { TQ999 = "minor" }', "severity", "no rule matches 'TQ999'"),
    ('severity = "minor"', "severity", "must be a table"),
    ('per-file-ignores = { "drafts/**" = 1 }', "per-file-ignores", "list of non-empty strings"),
    ('per-file-ignores = { "drafts/**" = ["TQ0"] }', "per-file-ignores", "no rule matches 'TQ0'"),
    ('tokenize = "spm"', "tokenize", "must be one of"),
    ("worst = -1", "worst", "whole number"),
    ("worst = 1.5", "worst", "whole number"),
    ("langid-min-chars = \"40\"", "langid-min-chars", "whole number"),
    ("langid-min-prob = 2", "langid-min-prob", "from 0 to 1"),
    ("include = []", None, None),
    ('default-glossary = "no"', "default-glossary", "true or false"),
    ('exclude = [""]', "exclude", "non-empty strings"),
])
def test_wrong_types_stop_with_exit_2_naming_file_and_key(here, line, key, words):
    (here / ".tqcheck.toml").write_text(line + "\n")
    (here / "story.en.txt").write_text(GOOD)
    result = invoke("check", "story.en.txt", "--format", "text")
    if key is None:
        assert result.exit_code == 0, result.output
        return
    assert_one_line_error(result, ".tqcheck.toml", f"'{key}'", words)


def test_invalid_toml_names_the_file(here):
    (here / ".tqcheck.toml").write_text("fail-under = \n")
    (here / "story.en.txt").write_text(GOOD)
    assert_one_line_error(invoke("check", "story.en.txt"), ".tqcheck.toml", "not valid TOML")


def test_a_broken_pyproject_that_does_not_mention_tqcheck_is_passed_over(here):
    (here / "pyproject.toml").write_text("[project\n")
    assert load_settings().file is None
    (here / "pyproject.toml").write_text("[tool.tqcheck\n")
    with pytest.raises(InputError, match="not valid TOML"):
        load_settings()


# --- what the settings do --------------------------------------------------------------------

def finding(sev):
    return Finding("TQ101", "x", "accuracy/untranslated", sev, "p", 1, 1, 2, 1, "x", "m")


@pytest.mark.parametrize("fail_on,severities,passed", [
    (Severity.CRITICAL, [Severity.MAJOR], True),
    (Severity.CRITICAL, [Severity.CRITICAL], False),
    (Severity.MAJOR, [Severity.MAJOR], False),
    (Severity.MAJOR, [Severity.MINOR], True),
    (Severity.MINOR, [Severity.MINOR], False),
    (None, [Severity.CRITICAL], True),               # only the threshold decides
])
def test_fail_on_is_the_lowest_severity_that_fails(fail_on, severities, passed):
    s = score([finding(x) for x in severities], 10000, 95.0, fail_on)
    assert s.quality > 99 and s.passed is passed
    assert s.blocking == (0 if fail_on is None else sum(x.rank >= fail_on.rank for x in severities))


def test_fail_on_from_file_and_flag(here):
    long_bad = "The army shot down two drones on the 2e day. " + "It was a quiet morning in the city. " * 20
    (here / "story.en.txt").write_text(long_bad + "\n")      # one major over 150+ words: quality > 95
    assert invoke("check", "story.en.txt", "--format", "text").exit_code == 0
    (here / ".tqcheck.toml").write_text('fail-on = "major"\n')
    result = invoke("check", "story.en.txt")
    assert result.exit_code == 1
    assert "findings at or above major (fail-on): 1" in result.stdout
    assert invoke("check", "story.en.txt", "--fail-on", "critical", "--format", "text").exit_code == 0
    assert invoke("check", "story.en.txt", "--fail-on", "minor", "--format", "github").exit_code == 1


def test_per_file_ignores_apply_to_matching_files_only(here):
    (here / "drafts").mkdir()
    (here / "drafts" / "a.en.txt").write_text(BAD)
    (here / "b.en.txt").write_text(BAD)
    (here / ".tqcheck.toml").write_text('[per-file-ignores]\n"drafts/**" = ["french-ordinal"]\n')
    result = invoke("check", ".", "--format", "text")
    assert "b.en.txt:1:38: TQ101" in result.stdout
    assert "drafts/a.en.txt: 0 findings" in result.stdout


def test_per_file_ignores_globs_are_relative_to_the_config_file(here, monkeypatch):
    (here / "drafts").mkdir()
    (here / "drafts" / "a.en.txt").write_text(BAD)
    (here / ".tqcheck.toml").write_text('[per-file-ignores]\n"drafts/*.en.txt" = ["TQ1"]\n')
    monkeypatch.chdir(here / "drafts")
    result = invoke("check", "a.en.txt", "--format", "text")
    assert "TQ101" not in result.stdout and result.exit_code == 0


def test_include_and_exclude(here):
    (here / "drafts").mkdir()
    (here / "drafts" / "a.en.txt").write_text(BAD)
    (here / "b.en.txt").write_text(BAD)
    (here / "c.txt").write_text(BAD)
    (here / ".tqcheck.toml").write_text('exclude = ["drafts"]\n')
    result = invoke("check", ".", "--format", "text")
    assert "b.en.txt:1:38" in result.stdout and "drafts" not in result.stdout and "c.txt" not in result.stdout
    # exclude applies to files named on the command line too (a pre-commit hook passes them one by one)
    result = invoke("check", "drafts/a.en.txt", "b.en.txt", "--format", "text")
    assert "drafts" not in result.stdout and "b.en.txt:1:38" in result.stdout
    result = invoke("check", "drafts/a.en.txt", "--format", "text")
    assert result.exit_code == 0 and "every input is excluded" in result.stderr
    result = invoke("check", ".", "--include", "*.txt", "--exclude", "b.en.txt", "--format", "text")
    assert "c.txt:1:38" in result.stdout and "drafts/a.en.txt:1:38" in result.stdout
    assert "b.en.txt:" not in result.stdout


def test_exit_zero_reports_without_failing_but_input_errors_still_exit_2(here):
    (here / "story.en.txt").write_text(BAD)
    result = invoke("check", "story.en.txt", "--format", "text", "--exit-zero")
    assert result.exit_code == 0 and "FAIL" in result.stdout
    assert invoke("check", "missing.en.txt", "--exit-zero").exit_code == 2


def _has(name):
    return name in {f.name for f in fields(Config)}


@pytest.mark.skipif(not _has("glossaries"), reason="Config.glossaries (issue #3) is not there yet")
def test_glossary_paths_are_relative_to_the_config_file(here, monkeypatch):
    (here / "terms").mkdir()
    (here / "sub").mkdir()
    (here / ".tqcheck.toml").write_text('glossary = ["terms/afp.tsv"]\n')
    monkeypatch.chdir(here / "sub")
    settings = load_settings()
    assert [os.path.abspath(p) for p in settings.config.glossaries] == [str(here / "terms" / "afp.tsv")]
    assert settings.origins["glossary"].endswith(".tqcheck.toml")


@pytest.mark.skipif(not _has("prefer"), reason="Config.prefer (issue #3) is not there yet")
def test_prefer_is_read_from_the_file(here):
    (here / ".tqcheck.toml").write_text('prefer = ["Hashd"]\ndefault-glossary = false\n')
    settings = load_settings()
    assert tuple(settings.config.prefer) == ("Hashd",) and settings.config.default_glossary is False
    assert settings.origins["prefer"] == settings.origins["default-glossary"] == ".tqcheck.toml"
    (here / ".tqcheck.toml").write_text('[prefer]\n"Hachd" = "Hashd"\n')
    assert load_settings().config.prefer == {"Hachd": "Hashd"}
    (here / ".tqcheck.toml").write_text("prefer = 3\n")
    with pytest.raises(InputError, match="'prefer' must be a list of strings or a table"):
        load_settings()


def test_the_readme_lists_every_configuration_key():
    import re

    from tqcheck.config import KEYS

    readme = open(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "README.md"),
                  encoding="utf-8").read()
    block = readme[readme.index("# .tqcheck.toml\nfail-under"):]
    block = block[:block.index("```")]
    listed = set(re.findall(r"^([a-z-]+) =", block, re.M))
    assert set(KEYS) - listed == set(), "configuration keys missing from the README's list"
