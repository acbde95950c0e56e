"""``tqcheck compare``: sacrebleu's paired tests (same numbers as its CLI) and artifacts side by side."""
import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli

from conftest import ROOT

BAGHDAD = os.path.join(ROOT, "samples", "afp-baghdad-drones")
MT, REF, SRC = (os.path.join(BAGHDAD, n) for n in ("mt.en.txt", "ref.en.txt", "src.fr.txt"))
POSTEDIT = os.path.join(ROOT, "tests", "fixtures", "fidelity", "afp-baghdad-drones-postedit.en.txt")


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def systems(tmp_path, monkeypatch):
    """The seed MT, a post-edited version and the reference, without blank lines (as sacrebleu reads files)."""
    monkeypatch.delenv("SACREBLEU_SEED", raising=False)
    paths = {}
    for name, src in (("a.txt", MT), ("b.txt", POSTEDIT), ("ref.txt", REF)):
        with open(src, encoding="utf-8") as fh:
            lines = [l for l in fh.read().splitlines() if l.strip()]
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths[name] = str(path)
    return paths


def sacrebleu_cli(paths, test, n, env_seed=None):
    """sacrebleu's own numbers: {system row: {metric: [numbers as printed]}}, read from its text table."""
    env = {k: v for k, v in os.environ.items() if k != "SACREBLEU_SEED"}
    if env_seed is not None:
        env["SACREBLEU_SEED"] = str(env_seed)
    flag, count = ("--paired-bs", "--paired-bs-n") if test == "bs" else ("--paired-ar", "--paired-ar-n")
    proc = subprocess.run(
        [sys.executable, "-m", "sacrebleu", paths["ref.txt"], "-i", paths["a.txt"], paths["b.txt"],
         "-m", "bleu", "chrf", "ter", flag, count, str(n), "-w", "4", "-f", "text"],
        capture_output=True, text=True, env=env, check=True)
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in proc.stdout.splitlines() if line.startswith("│")]
    header, body = rows[0], rows[1:]
    metrics = [h.split()[0] for h in header[1:]]
    out, current = {}, None
    for row in body:
        if row[0]:
            current = "baseline" if row[0].startswith("Baseline:") else "system"
        for metric, cell in zip(metrics, row[1:]):
            out.setdefault(current, {}).setdefault(metric, []).extend(re.findall(r"\d+\.\d+", cell))
    return out


def ours(paths, test, n, *extra):
    result = invoke("compare", paths["a.txt"], paths["b.txt"], "--ref", paths["ref.txt"], "--test", test,
                    "--n-samples", str(n), "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def printed(system, key, test, baseline):
    m = system["metrics"][key]
    numbers = [m["score"]]
    if test == "bs":
        numbers += [m["mean"], (m["ci"][1] - m["ci"][0]) / 2]
    if not baseline:
        numbers.append(m["p_value"])
    return [f"{x:.4f}" for x in numbers]


@pytest.mark.parametrize("test,n", [("bs", 1000), ("ar", 2000)])
def test_scores_intervals_and_p_values_equal_sacrebleus(systems, test, n):
    theirs = sacrebleu_cli(systems, test, n)
    data = ours(systems, test, n)
    names = {"bleu": "BLEU", "chrf": "chrF2", "ter": "TER"}
    for key, name in names.items():
        assert printed(data["systems"][0], key, test, True) == theirs["baseline"][name], name
        assert printed(data["systems"][1], key, test, False) == theirs["system"][name], name
    assert data["systems"][0]["metrics"]["bleu"]["p_value"] is None


def test_same_seed_same_numbers(systems):
    theirs = sacrebleu_cli(systems, "bs", 300, env_seed=7)
    data = ours(systems, "bs", 300, "--seed", "7")
    assert data["seed"] == "7"
    assert printed(data["systems"][1], "bleu", "bs", False) == theirs["system"]["BLEU"]
    default = ours(systems, "bs", 300)
    assert default["seed"] == "12345"
    assert default["systems"][1]["metrics"]["bleu"]["mean"] != data["systems"][1]["metrics"]["bleu"]["mean"]


def test_json_shape_and_artifacts_side_by_side():
    result = invoke("compare", MT, POSTEDIT, "--ref", REF, "--src", SRC, "--format", "json", "--n-samples", "200")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["baseline"], data["test"], data["n_samples"], data["source"]) == (MT, "bs", 200, SRC)
    assert set(data["signatures"]) == {"bleu", "chrf", "ter"}
    assert "bs:200|seed:12345" in data["signatures"]["bleu"]
    base, post = data["systems"]
    assert (base["path"], post["path"]) == (MT, POSTEDIT)
    for system in data["systems"]:
        assert set(system["metrics"]) == {"bleu", "chrf", "ter"}
        for m in system["metrics"].values():
            lo, hi = m["ci"]
            assert lo <= m["mean"] <= hi
    assert base["metrics"]["ter"]["p_value"] is None and 0 < post["metrics"]["ter"]["p_value"] <= 1
    # the post-edit fixed the seed's ordinal, calque, quotes, spacing, broken sentence and debris
    assert base["findings"]["total"] > post["findings"]["total"]
    assert base["findings"]["by_category"]["fluency/punctuation"] >= 5
    assert "fluency/punctuation" not in post["findings"]["by_category"]
    assert post["quality"] > base["quality"]
    assert data["fewest_artifacts"] == [POSTEDIT]


def test_rich_and_text_reports(monkeypatch):
    # relative paths, as a user gives them: the table's width then does not depend on where the
    # checkout lives (a long absolute path wraps the system column)
    monkeypatch.chdir(ROOT)
    mt, postedit, ref = (os.path.relpath(p, ROOT) for p in (MT, POSTEDIT, REF))
    rich = invoke("compare", mt, postedit, "--ref", ref, "--n-samples", "200")
    assert rich.exit_code == 0 and "\x1b[" not in rich.stdout
    for needle in ("paired bootstrap resampling (200 resamples, seed 12345)", "#1 " + mt + " (baseline)",
                   "(p = ", "BLEU   nrefs:1|bs:200|seed:12345", "Artifacts (tqcheck check)", "MQM quality",
                   "Fewest artifacts: #2 " + postedit):
        assert needle in rich.stdout, needle
    text = invoke("compare", mt, postedit, "--ref", ref, "--test", "ar", "--n-samples", "300", "--format", "text")
    lines = text.stdout.splitlines()
    assert lines[0] == f"compare: ar (300 trials, seed 12345), baseline {mt}"
    assert lines[1].startswith(f"{mt}: BLEU ") and " p=" not in lines[1]
    assert lines[2].startswith(f"{postedit}: BLEU ") and " p=" in lines[2]
    assert lines[-1] == f"fewest artifacts: {postedit}"


def test_input_errors_exit_2(tmp_path):
    short = tmp_path / "short.en.txt"
    short.write_text("One line.\nTwo lines.\n", encoding="utf-8")
    result = invoke("compare", MT, str(short), "--ref", REF)
    assert result.exit_code == 2 and str(short) in result.stderr and "segments" in result.stderr
    assert invoke("compare", MT, "--ref", REF).exit_code == 2
    result = invoke("compare", MT, POSTEDIT)
    assert result.exit_code == 2 and "--ref" in result.stderr
    result = invoke("compare", MT, str(tmp_path / "missing.en.txt"), "--ref", REF)
    assert result.exit_code == 2 and "missing.en.txt" in result.stderr and "Traceback" not in result.stderr
