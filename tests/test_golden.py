"""Golden files for each formatter on the seed sample. Regenerate with
``pytest tests/test_golden.py --update-golden`` and review the diff."""
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
        assert output == fh.read()
