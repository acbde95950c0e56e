"""tqcheck.langid loads langdetect's profiles sparse: detection must stay langdetect's, float for float."""
from langdetect import detector_factory
from langdetect.detector import Detector

from tqcheck import langid


def _stock():
    factory = detector_factory.DetectorFactory()
    factory.load_profile(detector_factory.PROFILES_DIRECTORY)
    return factory


def test_every_ngram_has_langdetects_own_probabilities():
    stock, ours = _stock(), langid._load_factory(detector_factory)
    assert ours.langlist == stock.langlist
    assert list(dict.keys(ours.word_lang_prob_map)) == list(stock.word_lang_prob_map)
    for word, probabilities in stock.word_lang_prob_map.items():
        mine = ours.word_lang_prob_map[word]
        assert [p.hex() for p in mine] == [p.hex() for p in probabilities], word


def test_the_sparse_table_holds_a_fraction_of_the_floats():
    ours = langid._load_factory(detector_factory).word_lang_prob_map
    stored = sum(len(packed) for packed in dict.values(ours)) // langid._PAIR.size
    assert stored * 20 < len(ours) * ours.languages  # under 5% of the 55 values of each n-gram


TEXTS = [
    "Ceci est une phrase en français pour tester la détection de la langue.",
    "The ministry will publish the new unemployment figures next month.",
    "Der Bundestag hat am Donnerstag das neue Gesetz beschlossen.",
    "El gobierno anunció nuevas medidas económicas el lunes.",
    "Прокуратура возбудила уголовное дело по факту нападения.",
    "هذا نص باللغة العربية لاختبار الكشف عن اللغة",
]


def test_probabilities_are_langdetects():
    for text in TEXTS:
        stock = Detector(_stock())
        stock.seed = 0
        stock.append(text)
        expected = [(l.lang, l.prob) for l in stock.get_probabilities()]
        assert langid.language_probabilities(text) == expected, text
