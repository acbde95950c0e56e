"""TQ917's near shape: a person's name replaced by one alike in its letters, not in its sounds
(tqcheck.text.nearnames), and the consonant test it rests on (tqcheck.text.sounds)."""
import pytest

from tqcheck import api
from tqcheck.text.consistent import consistent_swaps
from tqcheck.text.nearnames import near_names
from tqcheck.text.sounds import consonants, sound_apart
from tqcheck.text.swaps import Story, swapped_names


@pytest.mark.parametrize("a,b", [
    # transliterations and respellings keep the consonants (vowels, h, y, w, doubled letters, voicing)
    ("Ioutchenko", "Yushchenko"), ("Ianoukovitch", "Yanukovych"), ("Kadhafi", "Gaddafi"), ("Hachd", "Hashd"),
    ("Moubarak", "Mubarak"), ("Poutine", "Putin"), ("Tchernobyl", "Chernobyl"), ("Brejnev", "Brezhnev"),
    ("Khadjimba", "Khadzhimba"), ("Pierce", "Pearce"), ("Morsi", "Mursi"), ("Djeddah", "Jeddah"),
    # a name with an ending, two consonants swapped
    ("Algérie", "Algerian"), ("Mao", "Maoist"), ("Mazda", "Madza"),
    # a consonant more at the end or inside a name this alike in letters (0.7): one name
    ("Jonás", "Jonah"), ("Netanjahu", "Netanyahou"), ("Olbracht", "Olbrich"),
    # letters alike in print, mixed up by a source typed or scanned from paper (rn, m; cl, d)
    ("Smimov", "Smirnov"), ("Madeod", "Macleod"),
])
def test_spellings_of_one_name_sound_alike(a, b):
    assert not sound_apart(a, b), (consonants(a), consonants(b))


@pytest.mark.parametrize("a,b", [
    ("Castex", "Castro"), ("Monti", "Monk"), ("Kelly", "Kerry"), ("Bertrand", "Bertin"), ("Iran", "Iraq"),
    ("Macron", "Marron"), ("Fillon", "Dillon"), ("Calderon", "Cordero"),
    # consonants that start alike, letters that part in the middle: no ending, another name
    ("Janota", "Jandura"),
])
def test_names_alike_in_letters_but_not_in_sounds(a, b):
    assert sound_apart(a, b), (consonants(a), consonants(b))


NEAR = [
    # a full name's surname, after a title or a kept given name
    ("Le Premier ministre Jean Castex a annoncé de nouvelles mesures.",
     "Prime Minister Castro announced new measures.", "Castro"),
    ("a averti Xavier Bertrand au micro de RTL, dimanche.", "warned Xavier Bertin on RTL on Sunday.", "Bertin"),
    ("Lors de son rétablissement, a déclaré Michael Kelly à Diane Sawyer.",
     "At one point in her recovery, Kerry told Diane Sawyer.", "Kerry"),
    ("le pilote devint, après Vladimír Remek, le deuxième cosmonaute.",
     "the pilot became the second cosmonaut after Vladimir Remkov.", "Remkov"),
]

NOT_NEAR = [
    # the same name in another spelling, or mistyped in the source
    ("Le président Mohamed Morsi a parlé.", "President Mohamed Mursi spoke."),
    ("Le président Victor Ioutchenko a été empoisonné.", "President Victor Yushchenko was poisoned."),
    ("Raoul Khadjimba a gagné l'élection.", "Raoul Khadzhimba won the election."),
    ("selon Rocco Plancentino, le maire.", "according to Rocco Placentino, the mayor."),
    # peoples, places, verbs and works whose English forms have other consonants: no person's name
    ("Les Saoudiens ont refusé.", "The Saudis refused."),
    ("Les Norvégiens ont voté.", "Norwegians voted."),
    ("Notant que la loi est claire, il a signé.", "Noting that the law is clear, he signed."),
    ("Il a visité le Brandebourg.", "He visited Brandenburg."),
    ("Le parti Baas a gagné.", "The Baath party won."),
    ("une quête digne de Don Quichotte", "a quest worthy of Don Quixote"),
    # distinct names a letter apart, each where the source has it
    ("Salah et Saleh ont parlé avec Jean Castex.", "Salah and Saleh spoke with Jean Castex."),
    # a given name alone: another person's name is no replacement of the surname
    ("Jean Castex a rencontré Marine.", "Jean Castex met Marine."),
]


@pytest.mark.parametrize("source,translation,new", NEAR)
def test_a_persons_surname_replaced_by_a_near_name(source, translation, new):
    swaps = swapped_names(source, translation) or near_names(source, translation)
    assert [s.text for s in swaps] == [new]


@pytest.mark.parametrize("source,translation", NOT_NEAR)
def test_respellings_and_english_forms_are_no_near_names(source, translation):
    assert near_names(source, translation) == []
    assert [f.rule for f in api.check(translation, source=source).files[0].findings if f.rule == "TQ917"] == []


@pytest.mark.parametrize("sources,texts,lost,new", [
    (["Mario Monti a été nommé samedi.", "Monti n'a pas dit qu'il pouvait former un gouvernement."],
     ["Mario Monti was appointed on Saturday.", "Monk did not say he could form a government."], "Monti", "Monk"),
    # a surname that is an English word too: the story shows it is a person's
    (["Gordon Brown veut succéder à Tony Blair.", "Personne ne sait si Brown gagnera."],
     ["Gordon Brown wants to succeed Tony Blair.", "Nobody knows whether Bowen will win."], "Brown", "Bowen"),
])
def test_a_surname_alone_is_read_as_a_persons_when_the_story_names_the_person_in_full(sources, texts, lost, new):
    swaps = near_names(sources[1], texts[1], Story(sources, texts))
    assert [(s.kind, s.source, s.text) for s in swaps] == [("near", lost, new)]
    # alone, the surname could be anything capitalised (a people, a place, a verb starting the sentence)
    assert near_names(sources[1], texts[1]) == []


def test_the_rule_reports_the_near_name_with_its_span_and_the_source_name():
    source = "Le Premier ministre Jean Castex a annoncé de nouvelles mesures."
    text = "Prime Minister Castro announced new measures."
    (finding,) = [f for f in api.check(text, source=source).files[0].findings if f.rule == "TQ917"]
    assert (finding.column, finding.end_column, finding.text) == (16, 22, "Castro")
    assert "Jean Castex" in finding.message and "other consonants" in finding.message


AFFLECK_SOURCES = ["Le film Argo, de l'acteur Ben Affleck, est sorti.", "Le film d'Affleck est insolite.",
                   "C'est le premier film d'Affleck hors de Boston."]
AFFLECK_TEXTS = ["The film Argo, by the actor Ben Kadlec, is out.", "Kadlec's film is unusual.",
                 "It is Kadlec's first film outside Boston."]


def test_a_name_replaced_the_same_way_throughout_a_story_is_found_in_every_segment():
    story = Story(AFFLECK_SOURCES, AFFLECK_TEXTS)
    swaps = consistent_swaps(story)
    assert {i: [(s.kind, s.source, s.text) for s in found] for i, found in swaps.items()} == {
        0: [("consistent", "Ben Affleck", "Kadlec")], 1: [("consistent", "Affleck", "Kadlec")],
        2: [("consistent", "Affleck", "Kadlec")]}
    start, end = swaps[1][0].start, swaps[1][0].end
    assert AFFLECK_TEXTS[1][start:end] == "Kadlec"
    # one segment alone proves nothing: Kadlec and Affleck are not alike enough for the near shape
    assert near_names(AFFLECK_SOURCES[1], AFFLECK_TEXTS[1], story) == []


@pytest.mark.parametrize("sources,texts", [
    # the name written in the translation somewhere: each segment is judged alone
    (AFFLECK_SOURCES, ["The film Argo, by the actor Ben Affleck, is out."] + AFFLECK_TEXTS[1:]),
    # a place, a garden, a party whose names the translation renders in other words, the same way each time
    (["La région de Karlovy Vary est verte.", "Les hôtels de Karlovy Vary sont pleins."],
     ["The Carlsbad region is green.", "The hotels of Carlsbad are full."]),
    (["Autour du Jardin Suisse, un quartier.", "Le Jardin Suisse est fermé."],
     ["Around the Schweizer Garten, a district.", "The Schweizer Garten is closed."]),
    # named once only
    (AFFLECK_SOURCES[:2], ["The film Argo, by the actor Ben Affleck, is out.", "Kadlec's film is unusual."]),
])
def test_names_rendered_in_other_words_or_named_once_are_no_consistent_replacement(sources, texts):
    assert consistent_swaps(Story(sources, texts)) == {}
