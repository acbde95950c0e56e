"""Word frequencies: tqcheck's lookups give exactly wordfreq's Zipf frequencies, from wordfreq's dict
or from the compact table made before workers are forked."""
import pytest
import wordfreq

from tqcheck.text import lexicon

#: Words wordfreq's tokenizer cuts or changes: apostrophes, digits, accents, capitals, symbols.
TRICKY = ["l'État", "aujourd'hui", "c’est", "2012", "1,5", "3e", "42nd", "rock'n'roll", "e-mail", "Œuvre",
          "naïve", "“quoted”", "--", "", "x²", "😀", "U.S.", "4:30", "2,500", "Hachd", "al-Chaabi", "Qais",
          "kp", "火", "d0", "つ"]  # (the last two pairs: the same stored bytes, two units or one)


def _sample(lang, step=60):
    words = {w for bucket in wordfreq.get_frequency_list(lang) for w in bucket[::step]}
    return sorted(words | set(TRICKY) | {w.upper() for w in TRICKY} | {"zzzqqq", "schroeder"})


@pytest.fixture(scope="module")
def tables():
    from wordfreq import cB_to_freq, get_frequency_list

    return {lang: lexicon.FrequencyTable(get_frequency_list.__wrapped__(lang, "best"), cB_to_freq).index_top()
            for lang in ("en", "fr")}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_compact_table_holds_every_frequency_of_wordfreqs_dict(tables, lang):
    freqs = wordfreq.get_frequency_dict(lang)
    table = tables[lang]
    assert len(table) == len(freqs)
    words = _sample(lang, 7)
    assert [table.get(w) for w in words] == [freqs.get(w) for w in words]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_zipf_is_wordfreqs_zipf_frequency_from_either_table(tables, lang, monkeypatch):
    words = _sample(lang)
    expected = [wordfreq.zipf_frequency(w.lower(), lang) for w in words]
    lexicon.zipf.cache_clear()
    assert [lexicon.zipf(w, lang) for w in words] == expected  # wordfreq's dict (a short run)
    minimum, to_zipf = lexicon._wordfreq(lang)[1:]
    monkeypatch.setattr(lexicon, "_wordfreq", lambda lang: (tables[lang], minimum, to_zipf))
    lexicon.zipf.cache_clear()
    try:
        assert [lexicon.zipf(w, lang) for w in words] == expected  # the compact table (before forking)
    finally:
        lexicon.zipf.cache_clear()


def test_a_lone_surrogate_is_looked_up_without_an_error(tables):
    """Text read from JSON may hold a lone surrogate ("\\ud800"): no word of wordfreq's, not a crash."""
    assert tables["en"].get("\ud800") is None
    assert tables["fr"].get("a\udfffb", 0.5) == 0.5
