"""Lint every data file under tqcheck/rules/data/ (codespell-style dictionary hygiene)."""
import os

import pytest

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tqcheck", "rules", "data")
FILES = sorted(f for f in os.listdir(DATA) if f.endswith((".txt", ".tsv")))


def entries(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        raw = fh.read()
    assert raw.endswith("\n"), f"{name}: must end with a newline"
    return [l for l in raw.split("\n") if l.strip() and not l.startswith("#")]


def test_there_are_data_files():
    assert FILES


@pytest.mark.parametrize("name", FILES)
def test_sorted_unique_and_clean(name):
    lines = entries(name)
    assert lines, f"{name} is empty"
    for l in lines:
        assert l == l.strip(), f"{name}: stray whitespace in {l!r}"
    keys = [l.split("\t")[0] for l in lines]
    assert keys == sorted(keys), f"{name}: entries are not sorted"
    dupes = {k for k in keys if keys.count(k) > 1}
    assert not dupes, f"{name}: duplicates {sorted(dupes)}"


#: Tables whose mapping is not column 1 -> column 2: (from, to) columns. In the false-friend table a
#: French word and its English false friend are often spelled alike (that is the point); what must
#: never happen is the false friend listed among its own correct renderings.
MAPPING = {"calques_false_friends.tsv": (1, 2)}


@pytest.mark.parametrize("name", [f for f in FILES if f.endswith(".tsv")])
def test_tables_are_rectangular_and_map_nothing_to_itself(name):
    rows = [l.split("\t") for l in entries(name)]
    widths = {len(r) for r in rows}
    assert len(widths) == 1 and widths.pop() >= 2, f"{name}: rows differ in column count"
    src, dst = MAPPING.get(name, (0, 1))
    for r in rows:
        assert all(c.strip() for c in r), f"{name}: empty cell in {r}"
        targets = {t.strip().lower() for t in r[dst].split("|")}
        assert not {s.strip().lower() for s in r[src].split("|")} & targets, f"{name}: {r[src]!r} is mapped to itself"


def test_every_data_file_is_named_by_a_rule_or_the_glossary():
    from tqcheck.io.glossary import DATA_FILES
    from tqcheck.rules import all_rules

    named = {name for cls in all_rules() for name in cls.data_files} | {name for name, _ in DATA_FILES}
    named |= {"numbers_french_weekdays.tsv"}  # read by TQ405 via tqcheck.text.numbers
    assert set(FILES) - named == set(), "data files no rule names in data_files"
    assert named - set(FILES) == set(), "data_files naming files that do not exist"
