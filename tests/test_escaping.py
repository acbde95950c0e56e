"""What a translation or a file name holds never reaches a terminal or a CI log raw: GitHub workflow
commands are escaped (file names too, summary lines too), text and rich output show control
characters visibly, and a line-oriented format never breaks a finding over two lines. Reports
shorten long quoted text and cap the findings of one rule in one segment, and say so."""
import json
import os

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.report import clip, visible
from tqcheck.report.github import command, log_line


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("name", ["a\n::error title=pwned::owned.en.txt", "::warning::x.en.txt",
                                  "  ::error::y.en.txt", "a\r::error::z.en.txt", "p%0A::error::q.en.txt"])
def test_github_file_names_cannot_inject_commands(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    with open(name, "w", encoding="utf-8") as fh:
        fh.write("The attack came on the 2e anniversary .\n")
    result = invoke("check", name, "--format", "github")
    assert result.exit_code == 1
    ours = ("::group::", "::endgroup::", "::error file=", "::warning file=")
    for line in result.stdout.split("\n"):
        if line.lstrip().startswith("::"):
            assert line.startswith(ours), line
    assert "pwned" not in "".join(l for l in result.stdout.split("\n") if l.startswith("::error title"))


def test_github_escaping_follows_the_toolkit():
    line = command("error", "50% done\r\nnext", file="a,b:c\n.txt", title="T:1")
    assert line == "::error file=a%2Cb%3Ac%0A.txt,title=T%3A1::50%25 done%0D%0Anext"
    assert log_line(" ::x") == "tqcheck:  ::x" and log_line("a\nb") == "a%0Ab"


def test_visible_shows_controls_and_keeps_tabs():
    assert visible("a\x1b[2Jb\x07c\td\u2028e\u202ef\x9b") == "a\\x1b[2Jb\\x07c\td\\u2028e\\u202ef\\x9b"


@pytest.mark.parametrize("fmt", ["text", "rich"])
def test_escape_sequences_never_reach_the_terminal(tmp_path, fmt):
    path = tmp_path / "t\x1b[31m.en.txt"
    path.write_text("The \x1b]0;owned\x07attack \x1b[2J came on the 2e anniversary\x0b .\n", encoding="utf-8")
    result = invoke("check", str(path), "--format", fmt)
    assert result.exit_code == 1
    assert not any(c in result.stdout for c in "\x1b\x07\x0b"), repr(result.stdout)
    assert "\\x1b" in result.stdout


def test_text_format_keeps_one_finding_per_line(tmp_path):
    path = tmp_path / "t.en.txt"
    path.write_text("He said « yes\u2028no » on the 2e day\x0c .\n", encoding="utf-8")
    result = invoke("check", str(path), "--format", "text")
    findings = [l for l in result.stdout.splitlines() if ": TQ" in l]
    assert all(l.startswith(f"{path}:1:") for l in findings), findings
    assert len(result.stdout.splitlines()) == len(result.stdout.split("\n")) - 1


def test_long_text_is_shortened_with_a_flag_and_exact_columns(tmp_path):
    long = "x" * 1000
    path = tmp_path / "t.en.txt"
    path.write_text(f"He said « {long} » .\n", encoding="utf-8")
    data = json.loads(invoke("check", str(path), "--format", "json").stdout)
    [f] = [f for f in data["files"][0]["findings"] if f["rule"] == "TQ205"]
    assert f["truncated"] is True and len(f["text"]) == 200 and f["text"].endswith("…")
    assert f["end_column"] - f["column"] == len(f"« {long} »")
    assert clip("abc", 5) == "abc" and clip("abcdef", 5) == "abcd…"


def test_a_line_of_many_findings_gives_a_bounded_report(tmp_path):
    # (a line of 20,000 “ is no longer walked at all: over 2,000 quote marks a segment is not prose)
    path = tmp_path / "q.en.txt"
    path.write_text("no . " * 20000 + "\n", encoding="utf-8")
    result = invoke("check", str(path), "--format", "json")
    data = json.loads(result.stdout)
    fr = data["files"][0]
    assert len(fr["findings"]) <= 50 * len({f["rule"] for f in fr["findings"]})
    assert fr["capped"] and sum(fr["capped"].values()) > 19000
    assert len(result.stdout) < 200_000
    text = invoke("check", str(path), "--format", "text").stdout
    assert "not reported (at most 50 per rule in one segment)" in text
    github = invoke("check", str(path), "--format", "github").stdout
    assert "not reported" in github


def test_markup_in_names_is_not_interpreted_by_rich(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "[bold]x.en.txt"
    with open(name, "w", encoding="utf-8") as fh:
        fh.write("The attack came on the 2e anniversary .\n")
    result = invoke("check", name, "--format", "rich")
    assert name in result.stdout
    assert os.path.exists(name)
