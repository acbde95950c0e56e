"""The challenge benchmark's perturbations (benchmarks/challenge.py), on inline sentence
pairs: each type changes a line the way it says, leaves ineligible lines alone, and is
deterministic. tqcheck itself is not run here."""
import os
import re
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks"))

import challenge  # noqa: E402

# (fr, en): a tiny corpus that gives the name pools something to draw from
CORPUS = [
    ("Le Premier ministre, Jean Castex, a dit que le plan fonctionnerait.",
     "The prime minister, Jean Castex, said the plan would work."),
    ("M. Castro s'est rendu à Lille et à Bordeaux lundi.",
     "Mr Castro went to Lille and Bordeaux on Monday."),
    ("M. Dumont a rencontré Michel Dumont à Toulouse.",
     "Mr Dumont met Michel Dumont in Toulouse."),
    ("L'Espagne et l'Italie ont signé l'accord.", "Spain and Italy signed the agreement."),
    ("M. Castex s'est rendu à Lyon lundi avec M. Martin.",
     "Mr Castex visited Lyon on Monday with Mr Martin."),
    ("L'entreprise va supprimer 2 500 emplois d'ici 2015.",
     "The company will cut 2,500 jobs by 2015."),
    ("L'entreprise va également supprimer des emplois et fermer des usines.",
     "The firm will also cut jobs and close plants."),
    ("Le taux de chômage est passé à 4,9 % en sept ans aux États-Unis.",
     "The unemployment rate rose to 4.9% in seven years in the United States."),
    ("Les États-Unis ne peuvent pas accepter cet accord bien connu.",
     "The United States cannot accept this well-known agreement."),
    ("La France a annoncé hier de nouvelles mesures contre la crise économique en Europe.",
     "France announced new measures yesterday against the economic crisis in Europe."),
]
FR = [fr for fr, _ in CORPUS]
EN = [en for _, en in CORPUS]


@pytest.fixture(scope="module")
def ctx():
    return challenge.build_context(CORPUS)


def run(kind, idx, ctx, seed=7, en=EN, fr=FR):
    return challenge.perturb_line(kind, en, fr, idx, seed, ctx)


def numbers(text):
    return re.findall(r"\d[\d,.]*\d|\d", text)


def test_number_changed(ctx):
    for idx in (5, 7):
        for seed in range(20):
            out = run("number-changed", idx, ctx, seed)
            assert out is not None and out != EN[idx]
            before, after = numbers(EN[idx]), numbers(out)
            spelled = ("seven" in EN[idx]) and ("seven" not in out)
            # exactly one number (or the number word) changed, the rest of the sentence kept
            assert sum(a != b for a, b in zip(before, after)) + spelled == 1
            assert re.sub(r"\d[\d,.]*\d|\d|\b(two|three|four|five|six|seven|eight|nine|ten)\b", "#", out) == \
                re.sub(r"\d[\d,.]*\d|\d|\b(two|three|four|five|six|seven|eight|nine|ten)\b", "#", EN[idx])


def test_number_needs_a_counterpart_in_the_source(ctx):
    assert challenge.perturb_number_changed("He paid 300 dollars.", "Il a payé cher.", challenge.line_rng(1, "n", 0)) is None


def test_number_formats():
    rng = challenge.line_rng(3, "fmt", 0)
    for _ in range(50):
        year = challenge.change_number("1990", None, rng)
        assert len(year) == 4 and year != "1990" and abs(int(year) - 1990) <= 4
        big = challenge.change_number("2,500", None, rng)
        assert re.fullmatch(r"\d,\d{3}", big) and big != "2,500"
        dec = challenge.change_number("4", "9", rng)
        assert re.fullmatch(r"\d\.\d", dec) and dec != "4.9"


def test_name_replaced(ctx):
    seen = set()
    for seed in range(30):
        out = run("name-replaced", 4, ctx, seed)
        assert out is not None and out != EN[4]
        # one of the shared names is gone (in every occurrence) and a same-kind name took its place
        if "Castex" not in out:
            new = set(re.findall(r"Mr (\w+)", out)) - {"Martin"}
            assert new and new <= set(ctx.surnames)
            seen.add("person")
        elif "Lyon" not in out:
            assert any(c in out for c in ctx.cities)
            seen.add("city")
        else:
            assert "Martin" not in out
            seen.add("person")
        assert out.count(" ") == EN[4].count(" ")
    assert seen == {"person", "city"}


def test_name_replaced_all_occurrences(ctx):
    en, fr = "Mr Dumont met Michel Dumont in Toulouse.", "M. Dumont a rencontré Michel Dumont à Toulouse."
    for seed in range(20):
        out = challenge.perturb_name_replaced(en, fr, challenge.line_rng(seed, "t", 0), ctx)
        assert out is not None
        assert ("Dumont" not in out) or ("Toulouse" not in out)


def test_name_removed(ctx):
    out = run("name-removed", 0, ctx)
    assert out == "The prime minister said the plan would work."
    for seed in range(20):
        out = run("name-removed", 4, ctx, seed)
        assert out is not None
        assert "Castex" not in out or "Lyon" not in out or "Martin" not in out
        assert "  " not in out and out[0].isupper()


def test_name_removed_country(ctx):
    out = run("name-removed", 9, ctx)
    assert out.startswith("The country announced")


def test_french_word(ctx):
    for idx in (6, 9):
        for seed in range(10):
            out = run("french-word", idx, ctx, seed)
            assert out is not None and out != EN[idx]
            new_words = set(challenge.WORD_RE.findall(out)) - set(challenge.WORD_RE.findall(EN[idx]))
            assert new_words
            fr_words = {w.lower() for w in challenge.WORD_RE.findall(FR[idx])}
            assert all(w.lower() in fr_words or w.lower().split()[0] in fr_words for w in new_words)


def test_repeat(ctx):
    for seed in range(20):
        out = run("repeat", 8, ctx, seed)
        words, orig = out.split(), EN[8].split()
        assert len(words) in (len(orig) + 1, len(orig) + 2)
        assert re.search(r"(?<![\w-])([\w-]+(?: [\w-]+)?) \1(?![\w-])", out)


def test_empty(ctx):
    outs = {run("empty", i, ctx, s) for i in range(len(EN)) for s in range(5)}
    assert outs <= {".", "-", "Yes.", "No.", "...", "OK."} and "." in outs


def test_unrelated():
    en = [f"Sentence number {i} says something quite ordinary here." for i in range(60)]
    fr = [f"La phrase {i} dit quelque chose de banal." for i in range(60)]
    out = challenge.perturb_line("unrelated", en, fr, 30, 1, None)
    assert out in en and out != en[30]
    assert abs(en.index(out) - 30) >= 10


def test_lowercased(ctx):
    outs = {run("lowercased", 3, ctx, s) for s in range(20)}
    assert EN[3].lower() in outs and "spain and Italy signed the agreement." in outs
    assert all(o.lower() == EN[3].lower() and o != EN[3] for o in outs)


def test_split_compound(ctx):
    outs = {run("split-compound", 8, ctx, s) for s in range(40)}
    assert all(" - " in o for o in outs)
    assert outs & {"The States - United cannot accept this well-known agreement.",
                   "The United - States cannot accept this well-known agreement."}
    assert "The United States can - not accept this well-known agreement." in outs
    assert "The United States cannot accept this well - known agreement." in outs


def test_truncated(ctx):
    out = run("truncated", 9, ctx)
    words = EN[9].split()
    assert out.split() == words[: -(-len(words) // 3)]
    assert run("truncated", 5, ctx) is None  # too short to cut


def test_deterministic(ctx):
    for kind in challenge.TYPES:
        a = [run(kind, i, ctx, 11) for i in range(len(EN))]
        b = [run(kind, i, ctx, 11) for i in range(len(EN))]
        assert a == b
        if kind != "unrelated":  # needs a longer file: see test_unrelated
            assert any(x is not None for x in a), kind
    ctx2 = challenge.build_context(CORPUS)
    p1 = challenge.build_perturbed("repeat", EN, FR, 5, 3, ctx, "s")
    p2 = challenge.build_perturbed("repeat", EN, FR, 5, 3, ctx2, "s")
    assert p1 == p2 and len(p1[1]) == 3
    changed = p1[1]
    assert all(p1[0][i] == EN[i] for i in range(len(EN)) if i not in changed)


def test_missing_data_dir(tmp_path, capsys):
    missing = tmp_path / "nope"
    assert challenge.main(["--data", str(missing)]) == 0
    out = capsys.readouterr().out.strip()
    assert str(missing) in out and "\n" not in out
