"""--src-dir / --ref-dir: mirrored trees paired by relative path; a missing partner warns (or,
with --require-pairs, stops with exit 2); documents are read one at a time."""
import json
import os

import pytest
from click.testing import CliRunner

from tqcheck.cli import cli
from tqcheck.errors import InputError
from tqcheck.io import inputs
from tqcheck.io.inputs import _tagged, iter_inputs, load_inputs, plan


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """content/en (translations), content/fr (sources), refs/en (references); b has no partners."""
    monkeypatch.chdir(tmp_path)
    files = {
        "content/en/world/a.en.txt": "The 2e day of talks.\n\nDone.\n",
        "content/fr/world/a.fr.txt": "Le 2e jour des pourparlers.\n\nFini.\n",
        "refs/en/world/a.en.txt": "The second day of talks.\n\nDone.\n",
        "content/en/b.en.txt": "Fine.\n",
    }
    for path, text in files.items():
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, ["check", *args])


def paired(result) -> dict:
    data = json.loads(result.stdout)
    return {f["path"]: (f["references"], f["source"]) for f in data["files"]}


def test_mirrored_trees_pair_by_relative_path(tree):
    result = run("content/en/", "--src-dir", "content/fr/", "--ref-dir", "refs/en/", "--format", "json")
    assert paired(result) == {
        "content/en/world/a.en.txt": (["refs/en/world/a.en.txt"], "content/fr/world/a.fr.txt"),
        "content/en/b.en.txt": ([], None),
    }
    data = json.loads(result.stdout)
    a = next(f for f in data["files"] if f["path"].endswith("a.en.txt"))
    assert a["metrics"] is not None                      # the reference was used


def test_a_missing_partner_is_a_warning_per_file(tree):
    result = run("content/en", "--src-dir", "content/fr", "--ref-dir", "refs/en", "--format", "text")
    assert result.exit_code == 1                        # the 2e finding in a.en.txt
    warnings = result.stderr.strip().splitlines()
    assert warnings == [
        "tqcheck: warning: content/en/b.en.txt: no reference at refs/en/b.en.txt (--ref-dir); checked without it",
        "tqcheck: warning: content/en/b.en.txt: no source at content/fr/b.fr.txt (--src-dir); checked without it",
    ]
    assert "content/en/b.en.txt: 0 findings" in result.stdout


def test_require_pairs_makes_a_missing_partner_an_input_error(tree):
    result = run("content/en", "--src-dir", "content/fr", "--require-pairs", "--format", "text")
    assert result.exit_code == 2 and result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line == ("tqcheck: error: content/en/b.en.txt: no source at content/fr/b.fr.txt (--src-dir); "
                    "--require-pairs needs every translation paired")
    os.remove("content/en/b.en.txt")
    assert run("content/en", "--src-dir", "content/fr", "--require-pairs", "--format", "text").exit_code == 1


def test_glob_and_file_arguments_pair_from_their_fixed_directory(tree):
    result = run("content/en/**/*.en.txt", "--src-dir", "content/fr", "--format", "json")
    assert paired(result)["content/en/world/a.en.txt"][1] == "content/fr/world/a.fr.txt"
    # a file argument pairs with the same name in the partner directory
    result = run("content/en/world/a.en.txt", "--src-dir", "content/fr/world", "--format", "json")
    assert paired(result) == {"content/en/world/a.en.txt": ([], "content/fr/world/a.fr.txt")}


def test_partner_trees_inside_the_translation_tree_are_not_searched(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.makedirs("corpus/refs")
    with open("corpus/a.en.txt", "w") as fh:
        fh.write("One.\n")
    with open("corpus/refs/a.en.txt", "w") as fh:
        fh.write("One.\n")
    docs = load_inputs(["corpus"], ref_dir="corpus/refs")
    assert [(d.path, [r.path for r in d.references]) for d in docs] == [("corpus/a.en.txt", ["corpus/refs/a.en.txt"])]


def test_a_sample_directory_keeps_its_own_partners(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.makedirs("corpus/s")
    os.makedirs("sources/s")
    for name, text in (("mt.en.txt", "One.\n"), ("src.fr.txt", "Un.\n")):
        with open(f"corpus/s/{name}", "w") as fh:
            fh.write(text)
    with open("sources/s/mt.fr.txt", "w") as fh:
        fh.write("Autre.\n")
    [doc] = load_inputs(["corpus"], src_dir="sources")
    assert doc.source.path == "corpus/s/src.fr.txt"


def test_misaligned_partner_is_an_input_error(tree):
    with open("refs/en/world/a.en.txt", "w") as fh:
        fh.write("Only one segment.\n")
    result = run("content/en", "--ref-dir", "refs/en")
    assert result.exit_code == 2 and "refs/en/world/a.en.txt" in result.stderr and "has 1 segments" in result.stderr


@pytest.mark.parametrize("args,needle", [
    (["--src-dir", "nowhere"], "nowhere: --src-dir is not a directory"),
    (["--ref-dir", "content/en/b.en.txt"], "--ref-dir is not a directory"),
    (["--src", "content/fr/world/a.fr.txt", "--src-dir", "content/fr"], "--src and --src-dir both given"),
])
def test_pairing_usage_errors(tree, args, needle):
    result = run("content/en/world/a.en.txt", *args)
    assert result.exit_code == 2 and needle in result.stderr


@pytest.mark.parametrize("name,expected", [
    ("a.en.txt", "a.fr.txt"),
    ("story.EN.md", "story.fr.md"),
    ("mt.en.txt", "mt.fr.txt"),
    ("een.en.txt", "een.fr.txt"),          # only the tag, never letters inside a word
    ("notes.txt", "notes.txt"),
    ("a.en", "a.fr"),
])
def test_language_tag_mapping(name, expected):
    assert _tagged(name, "fr") == expected


def test_documents_are_read_one_at_a_time(tree, monkeypatch):
    opened = []
    real = inputs.iter_segments
    monkeypatch.setattr(inputs, "iter_segments", lambda p: opened.append(p) or real(p))
    files = iter_inputs(["content/en"], src_dir="content/fr")
    first = next(files)
    second = next(files)
    assert opened == []                                  # nothing opened before it is wanted
    list(first.windows())
    assert opened == [first.path]
    list(second.windows())
    assert opened == [first.path, second.path, second.source]
    with pytest.raises(StopIteration):
        next(files)


def test_plan_checks_pairs_before_reading_anything(tree, monkeypatch):
    monkeypatch.setattr(inputs, "iter_segments", lambda p: pytest.fail("read before the plan was complete"))
    with pytest.raises(InputError, match="require-pairs"):
        plan(["content/en"], src_dir="content/fr", require_pairs=True)
    warnings = []
    jobs = plan(["content/en"], src_dir="content/fr", warn=warnings.append)
    assert len(jobs) == 2 and len(warnings) == 1
