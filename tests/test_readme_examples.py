"""The README's `tqcheck check ... --format text` examples give the output the README shows.

Each fenced block whose commands are `printf` and `tqcheck check` runs as written (from the
repository root when it names files of the repository, otherwise in an empty directory). The
README may leave lines out (metric lines, say), so its lines must appear in order in the real
output, and every finding and verdict line of the real output must be in the README.
"""
import os
import re
import shlex
import subprocess
import sys

import pytest
from conftest import ROOT

README = os.path.join(ROOT, "README.md")
FINDING_OR_VERDICT = re.compile(r":\d+:\d+: TQ\d{3} |: \d+ findings?, penalty ")


def _examples():
    with open(README, encoding="utf-8") as readme:
        text = readme.read()
    for block in re.findall(r"^```[a-z]*\n(.*?)^```", text, re.DOTALL | re.MULTILINE):
        if not block.startswith("$ "):
            continue
        steps = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        commands = [c for c, _ in steps]
        if not any(c.startswith("tqcheck check ") and "--format text" in c for c in commands):
            continue
        if not all(c.startswith(("tqcheck check ", "printf ")) for c in commands):
            continue
        if any(line.strip() == "..." for _, out in steps for line in out):
            continue
        yield pytest.param(steps, id=commands[-1][:80])


def _run(command, cwd):
    if command.startswith("printf "):
        return subprocess.run(command, check=False, shell=True, cwd=cwd, capture_output=True, text=True).stdout
    argv = [sys.executable, "-m", "tqcheck"] + shlex.split(command)[1:]
    done = subprocess.run(argv, check=False, cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, COLUMNS="120", NO_COLOR="1"))
    return done.stdout + done.stderr


def _in_order(expected, actual):
    rest = iter(actual)
    return all(any(line == got for got in rest) for line in expected)


@pytest.mark.parametrize("steps", list(_examples()))
def test_readme_example_output(steps, tmp_path):
    names_repo_files = any(re.search(r"\b(samples|tests)/", c) for c, _ in steps)
    cwd = ROOT if names_repo_files else str(tmp_path)
    for command, expected in steps:
        actual = _run(command, cwd).splitlines()
        if not expected:
            continue
        assert _in_order(expected, actual), (command, expected, actual)
        shown = set(expected)
        assert [a for a in actual if FINDING_OR_VERDICT.search(a) and a not in shown] == [], command


def test_the_readme_has_such_examples():
    assert len(list(_examples())) >= 4
