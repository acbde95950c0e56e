"""Golden files for each formatter on the seed sample. Regenerate with
``pytest tests/test_golden.py --update-golden`` and review the diff."""
import json
import math
import os
import pathlib

import pytest
import sacrebleu
from click.testing import CliRunner

from tqcheck.cli import cli

from conftest import ROOT

GOLDEN = os.path.join(ROOT, "tests", "golden")


@pytest.mark.parametrize("fmt,name", [("json", "seed.json"), ("text", "seed.txt"), ("rich", "seed.rich.txt"),
                                      ("sarif", "seed.sarif"), ("junit", "seed.junit.xml"),
                                      ("github", "seed.github.txt"), ("markdown", "seed.md")])
def test_formatter_output_matches_golden(fmt, name, request, monkeypatch):
    monkeypatch.chdir(ROOT)  # paths in the report are relative, as a user would give them
    monkeypatch.delenv("COLUMNS", raising=False)
    result = CliRunner().invoke(cli, ["check", "samples/afp-baghdad-drones", "--format", fmt])
    assert result.exit_code == 1
    # sacrebleu's version is part of every signature; the golden files stay valid across its releases
    output = result.stdout.replace(f"version:{sacrebleu.__version__}", "version:<sacrebleu>")
    # SARIF names the directory it ran in (originalUriBaseIds)
    output = output.replace(pathlib.Path(ROOT).as_uri() + "/", "file:///<checkout>/")
    path = os.path.join(GOLDEN, name)
    if request.config.getoption("--update-golden"):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(output)
    with open(path, encoding="utf-8") as fh:
        expected = fh.read()
    if fmt == "json":
        # sentence BLEU differs in the last digits between Python versions: floats compare numerically
        assert_same_json(json.loads(output), json.loads(expected))
    else:
        assert output == expected


def assert_same_json(got, want, where="$"):
    """``got`` equals ``want``, floats within a relative 1e-9 (1e-12 absolute near zero)."""
    if isinstance(want, float) or isinstance(got, float):
        assert isinstance(got, (int, float)) and isinstance(want, (int, float)), f"{where}: {got!r} != {want!r}"
        assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-12), f"{where}: {got!r} != {want!r}"
    elif isinstance(want, dict):
        assert isinstance(got, dict) and list(got) == list(want), f"{where}: keys {list(got)} != {list(want)}"
        for key in want:
            assert_same_json(got[key], want[key], f"{where}.{key}")
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), f"{where}: {len(got)} items != {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            assert_same_json(g, w, f"{where}[{i}]")
    else:
        assert got == want, f"{where}: {got!r} != {want!r}"


def test_json_comparison_tolerates_only_float_noise():
    assert_same_json({"a": [1, 0.1 + 0.2]}, {"a": [1, 0.3]})
    with pytest.raises(AssertionError):
        assert_same_json({"a": 0.31}, {"a": 0.3})
    with pytest.raises(AssertionError):
        assert_same_json({"a": "x"}, {"a": "y"})
