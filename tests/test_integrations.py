"""The pre-commit hook run by the real pre-commit tool (the GitHub Action: test_action.py).

The pre-commit test copies the working tree (tracked and new, not ignored, files) into a
temporary git repository, so it does not depend on the checkout's commit state; pre-commit
clones that, builds one environment (pip-installing tqcheck from it) and runs the hook in a
second temporary repository, once failing on a flawed file, once passing on a clean one.
"""
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

GIT_ENV = {"GIT_AUTHOR_NAME": "tqcheck tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
           "GIT_COMMITTER_NAME": "tqcheck tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
           "GIT_CONFIG_NOSYSTEM": "1"}


def load_yaml(name):
    with open(os.path.join(ROOT, name), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_pre_commit_hook_definition():
    [hook] = load_yaml(".pre-commit-hooks.yaml")
    assert hook["id"] == "tqcheck"
    assert hook["entry"] == "tqcheck check"
    assert hook["language"] == "python"
    assert hook["files"] == r"\.en\.txt$"
    assert hook["pass_filenames"] is True and hook["require_serial"] is True


def _git(cwd, *args):
    env = dict(os.environ, **GIT_ENV)
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def _snapshot_of_the_working_tree(dest) -> str:
    """A git repository holding the working tree's files (tracked and new, not ignored); its commit."""
    if shutil.which("git") is None or not os.path.isdir(os.path.join(ROOT, ".git")):
        pytest.skip("needs git and a git checkout of tqcheck")
    files = _git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for rel in filter(None, files):
        src = os.path.join(ROOT, rel)
        if os.path.isfile(src):
            os.makedirs(os.path.join(dest, os.path.dirname(rel)), exist_ok=True)
            shutil.copy2(src, os.path.join(dest, rel))
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "snapshot")
    return _git(dest, "rev-parse", "HEAD").strip()


def test_pre_commit_runs_the_hook(tmp_path):
    pytest.importorskip("pre_commit")
    hook_repo, project = tmp_path / "tqcheck-snapshot", tmp_path / "project"
    hook_repo.mkdir()
    project.mkdir()
    rev = _snapshot_of_the_working_tree(hook_repo)

    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: tqcheck\n")
    (project / "notes.txt").write_text("Not a translation: the 2e hook never sees it.\n")
    os.makedirs(project / "news")
    bad = project / "news" / "drones.en.txt"
    bad.write_text("The army shot down two drones on the 2e day .\n")
    _git(project, "init", "-q")
    _git(project, "add", "-A")

    env = dict(os.environ, **GIT_ENV, PRE_COMMIT_HOME=str(tmp_path / "cache"), PRE_COMMIT_COLOR="never")
    env.pop("PYTHONPATH", None)
    cmd = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "tqcheck" in out and "Failed" in out
    assert "news/drones.en.txt:1:38: TQ101 [major]" in out
    assert "news/drones.en.txt:1:44: TQ301 [minor]" in out
    assert "notes.txt" not in out

    bad.write_text("The army shot down two drones on the second day.\n")
    _git(project, "add", "-A")
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=900)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "Passed" in out
