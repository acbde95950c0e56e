r"""TQ8xx broken sentences and debris: split sentences, capitals after a quotation's
comma, doubled words, scraping debris, HTML left-overs, mojibake.

Rows are (text in example syntax, expected findings); \n separates segments.
"""

import pytest

from tqcheck.io.text import read_document
from tqcheck.text.sentences import ends_with_abbreviation
from tqcheck.text.mojibake import mojibake_spans

from conftest import SEED
from helpers import run_rules, spans



def found(text):
    return run_rules(text, select=["TQ8"])


# (text, [(code, line, column, end_column, text, suggestion)])
FLAGGED = [
    # TQ801 broken sentence
    (
        "“They reached you everywhere,” blasted Qais on Saturday. al-Khazali, a leader, said.",
        [("TQ801", 1, 56, 68, ". al-Khazali", None)],
    ),
    ("The ministry counted 757,000 on Tuesday. the CGT union claimed two million.", [("TQ801", 1, 40, 45, ". the", None)]),
    ("It ended (in 2020). then it resumed.", [("TQ801", 1, 19, 25, ". then", None)]),
    ("The vote was postponed.  it will take place in March.", [("TQ801", 1, 23, 28, ".  it", None)]),
    # TQ802 capital after a quotation's comma
    (
        "contractors and civilian personnel. “, Specified the person in charge.",
        [("TQ802", 1, 40, 49, "Specified", "specified")],
    ),
    ("“The timetable stands. “, Declared Colonel Abdoulaye Maïga.", [("TQ802", 1, 27, 35, "Declared", "declared")]),
    ("“We will not give up,” Said the minister.", [("TQ802", 1, 24, 28, "Said", "said")]),
    ("“We will not give up”, Added the minister.", [("TQ802", 1, 24, 29, "Added", "added")]),
    ('"We will not give up," Stressed Macron.', [("TQ802", 1, 24, 32, "Stressed", "stressed")]),
    ("“No,” According to the minister.", [("TQ802", 1, 7, 16, "According", "according")]),
    ("“It is over. “, Hammered the leader.", [("TQ802", 1, 17, 25, "Hammered", "hammered")]),
    ("“It is over. “, Insisted the leader.", [("TQ802", 1, 17, 25, "Insisted", "insisted")]),
    # TQ803 doubled word
    ("The examination of the the text opened on Monday.", [("TQ803", 1, 20, 27, "the the", "the")]),
    ("The The minister left.", [("TQ803", 1, 1, 8, "The The", "The")]),
    ("He said that he would\u00a0would come.", [("TQ803", 1, 17, 28, "would\u00a0would", "would")]),
    ("It is is a fact that in In Paris", [("TQ803", 1, 4, 9, "is is", "is"), ("TQ803", 1, 22, 27, "in In", "in")]),
    ("What it is is a fact, and had had enough.", []),
    # TQ804 scraping debris
    ("source site-59", [("TQ804", 1, 1, 15, "source site-59", "")]),
    ("  source site-593756  ", [("TQ804", 1, 3, 21, "source site-593756", "")]),
    ("The ministry denied it. source site-593756", [("TQ804", 1, 25, 43, "source site-593756", "")]),
    ("It was denied, site-593756 said.", [("TQ804", 1, 16, 27, "site-593756", "")]),
    ("Read also: In Mali, the junta demands the withdrawal", [("TQ804", 1, 1, 53, "Read also: In Mali, the junta demands the withdrawal", "")]),
    ("Share on Facebook", [("TQ804", 1, 1, 18, "Share on Facebook", "")]),
    ("Advertisement", [("TQ804", 1, 1, 14, "Advertisement", "")]),
    ("Click here to read more", [("TQ804", 1, 1, 24, "Click here to read more", "")]),
    ("Subscribe to our newsletter", [("TQ804", 1, 1, 28, "Subscribe to our newsletter", "")]),
    ("We use cookies to improve your experience.", [("TQ804", 1, 1, 43, "We use cookies to improve your experience.", "")]),
    ("https://www.afp.com/en/news/123", [("TQ804", 1, 1, 32, "https://www.afp.com/en/news/123", "")]),
    ("Read more »", [("TQ804", 1, 1, 12, "Read more »", "")]),
    # TQ805 HTML character references and tags
    ("Standard &amp; Poor’s", [("TQ805", 1, 10, 15, "&amp;", "&")]),
    ("the country&#39;s data", [("TQ805", 1, 12, 17, "&#39;", "'")]),
    ("the country&#x27;s data", [("TQ805", 1, 12, 18, "&#x27;", "'")]),
    ("he said &quot;no&quot;", [("TQ805", 1, 9, 15, "&quot;", '"'), ("TQ805", 1, 17, 23, "&quot;", '"')]),
    ("a&nbsp;b", [("TQ805", 1, 2, 8, "&nbsp;", "\u00a0")]),
    ("AT&amp;T", [("TQ805", 1, 3, 8, "&amp;", "&")]),
    ("The vote was postponed.<br>It resumed.</p>", [("TQ805", 1, 24, 28, "<br>", ""), ("TQ805", 1, 39, 43, "</p>", "")]),
    ("an <i>italic</i> word", [("TQ805", 1, 4, 7, "<i>", ""), ("TQ805", 1, 13, 17, "</i>", "")]),
    # TQ806 mojibake
    ("At the ElysÃ©e, the entourage", [("TQ806", 1, 12, 14, "Ã©", "é")]),
    ("one of the worldâ€™s poorest", [("TQ806", 1, 17, 20, "â€™", "’")]),
    ("He said â€œnoâ€ and left.", [("TQ806", 1, 9, 12, "â€œ", "“"), ("TQ806", 1, 14, 16, "â€", "”")]),
    ("Ã©tÃ© 2023", [("TQ806", 1, 1, 6, "Ã©tÃ©", "été")]),
    ("the crÃ¨me brÃ»lÃ©e", [("TQ806", 1, 7, 9, "Ã¨", "è"), ("TQ806", 1, 14, 19, "Ã»lÃ©", "ûlé")]),
    ("a 2014â€“2018 term", [("TQ806", 1, 7, 10, "â€“", "–")]),
    ("voilÃ  tout, Ã la carte", [("TQ806", 1, 5, 7, "Ã ", "à"), ("TQ806", 1, 14, 15, "Ã", "à")]),
    ("the cafÃƒÂ© twice mangled", [("TQ806", 1, 8, 12, "ÃƒÂ©", "é")]),
]


@pytest.mark.parametrize("text,expected", FLAGGED, ids=[t[:40] for t, _ in FLAGGED])
def test_flagged(text, expected):
    got = [(f.rule, f.line, f.column, f.end_column, f.text, f.suggestion) for f in found(text)]
    assert got == expected


CLEAN = [
    "The U.S. military said the attack happened at 4:30 a.m. (8:30 p.m. Sunday EST) near the U.N. compound.",
    "On January 3, 2020, and again on December 9, officials met at 10 a.m. local time.",
    "The Quai d'Orsay said the coup d'état was a de facto annexation, according to Smith et al. in Des Moines.",
    "The talks stalled... then resumed… and ended.",
    "She had had enough, she said, and that that was that; what it is is a shame.",
    "Gen. Smith, Sgt. Jones, Mr. Brown, Dr. Who and St. Louis; Jan. and Feb. sales; vs. the rest.",
    "The company (Acme Inc.) and its rival, Foo Corp. and Bar Co. and Baz Ltd. grew, approx. tenfold.",
    "John F. Kennedy and George W. Bush were there, e.g. in Dallas, i.e. in Texas, etc. and so on.",
    "He was born in Washington, D.C. in 1950 and earned a Ph.D. in physics.",
    "Apple unveiled the phone. iPhone sales rose. eBay listings rose. mRNA vaccines helped.",
    "Visit the website. www.afp.com has the story.",
    "He was No. 2 in the party; the No. 1 spot went to the Rev. al-Sadr of 10 Downing St. in London.",
    "The pandas Huan Huan and Yuan Yuan; Sirhan Sirhan; Duran Duran; Walla Walla; Boutros Boutros-Ghali.",
    "Bye bye, ha ha, the bye-bye, and well, well, well; the score was 10 10.",
    "“We will win,” Zelensky said. “We will win,” said Zelensky. “Never,” Said Jalili told reporters.",
    "“We will win,” The Guardian reported. “Yes,” Le Monde wrote. “No,” French President Emmanuel Macron said.",
    "“You should have understood the messages sent to you,” he said. “Soil”, blasted Qais.",
    "The share price fell. Share prices on the market rose, and the launch site-1 pad and source of the leak.",
    "Read more about it in the report, he said; also read the fine print. Click on the link, she said.",
    "Copyright law and cookies were discussed at the summit; advertisement revenue fell.",
    "Q&A: what AT&T and R&D spending mean, according to S&P and M&A bankers, and x&y; stayed.",
    "The ratio was 3 < 4 but > 2.",
    "President Emmanuel Macron met Jean-Luc Mélenchon at the Élysée Palace; Colonel Assimi Goïta; São Paulo.",
    "Âge tendre was on at the Théâtre; the café’s crème brûlée; Łódź and Gdańsk; Straße; “Fuß”; “ADIÓS”.",
    "SÃO PAULO and MANHÃ in capitals; 2×3 metres at 20°C; ½ of it; ©AFP; “café…” he said; ESPAÑA’s.",
    "Le gouvernement, qui ne dispose que d’une majorité relative, n’exclut pas de recourir à l’article 49.3.",
    "« 64 years, it’s no ! »",
]


@pytest.mark.parametrize("text", CLEAN, ids=[t[:40] for t in CLEAN])
def test_correct_english_draws_nothing(text):
    assert spans(found(text)) == []


def test_seed_gives_exactly_the_planted_sentence_findings():
    got = [(f.rule, f.line, f.column, f.end_column, f.text, f.suggestion) for f in run_rules(read_document(SEED), select=["TQ8"])]
    assert got == [
        ("TQ802", 13, 209, 218, "Specified", "specified"),
        ("TQ801", 33, 225, 237, ". al-Khazali", None),
        ("TQ804", 45, 1, 15, "source site-59", ""),
    ]


@pytest.mark.parametrize("before,expected", [
    ("at 4:30 a.m.", True), ("the U.S.", True), ("Smith et al.", True), ("Gen.", True),
    ("(approx.", True), ("J.", True), ("stalled...", True), ("on Saturday.", False),
    ("he said no.", False), ("personnel.", False),
    # text in lower case throughout (tokenised MT) writes abbreviations in lower case too
    ("the manager of collab kft.", True), ("george bush sr.", True), ("a summit in st.", True),
    ("a summit in the Saint st.", False),
])
def test_ends_with_abbreviation(before, expected):
    assert ends_with_abbreviation(before) is expected


def test_mojibake_spans_are_verified_by_round_trip():
    assert mojibake_spans("ElysÃ©e") == ((4, 6, "é"),)
    assert mojibake_spans("Fuß” and Ó” and café…”") == ()  # they decode to nothing plausible


@pytest.mark.parametrize("text, flagged", [
    ("My Mexican - American identity crisis", ["Mexican - American"]),
    ("the Israeli - Palestinian conflict", ["Israeli - Palestinian"]),
    ("to meet like - minded people", ["like - minded"]),
    ("He is Mexican - American by birth.", []),                      # a preposition after: maybe a dash
    ("The Mexican - the one who spoke - left early.", []),            # a pair of dashes
    ("Japan - China relations", []),                                  # places, not demonyms
    ("the French-German border and like-minded groups", []),
])
def test_two_demonyms_or_like_minded_split_by_a_spaced_hyphen(text, flagged):
    assert [f.text for f in run_rules(text, select=["TQ807"])] == flagged


@pytest.mark.parametrize("text, flagged, suggestion", [
    ("The door - word of Vodafone said no. <<< Le porte-parole de Vodafone a dit non.", ["door - word"], None),
    ("the supports - throat made in China <<< les soutiens-gorge fabriqués en Chine", ["supports - throat"], None),
    ("Whoever believes in God feels - it less pain? <<< Celui qui croit en Dieu ressent-il moins la douleur ?",
     ["feels - it"], None),
    ('"The road is on the left," writes - she. <<< « La route est à gauche », écrit-elle.', ["writes - she"], None),
    ("the orang - utang of Sumatra <<< l'orang-outang de Sumatra", ["orang - utang"], None),  # not "l'orang"
    ("wearing a T - shirt <<< portant un T-shirt", ["T - shirt"], "T-shirt"),
    ("The Mazda3 i - Stop system <<< Le système i-Stop de la Mazda3", ["i - Stop"], None),
    # function words of the compound (sentences_hyphen_french_parts.tsv)
    ("a populist him - even Sadr faces opposition <<< un populiste lui-même, Sadr fait face à une opposition",
     ["him - even"], None),
    ("when we ignore criminals, those - ci do not stop <<< quand on ignore les criminels, ceux-ci ne s'arrêtent pas",
     ["those - ci"], None),
    ("Between - time, Europeans spoke. <<< Entre-temps, les Européens ont parlé.", ["Between - time"], None),
    ("the slums of Baghdad and the - beyond <<< les bidonvilles de Bagdad et au-delà", ["the - beyond"], None),
    # a dash of the translation, where the source has a compound elsewhere or an inversion
    ("This time - it was different, he said. <<< Cette fois, c'était différent, a-t-il dit.", [], None),
    ("The spokesman - a former diplomat - said no. <<< Le porte-parole, un ancien diplomate, a dit non.", [], None),
    ("Paris - the capital - votes. <<< Paris-Plage, la capitale, vote.", [], None),
    # the source types its dashes as hyphens: a hyphen inside a word may be one too
    ("The scientists - concludes the EU executive - confirm it. <<< Les scientifiques-conclue l'exécutif Ue- confirment.",
     [], None),    # two content words of the source side by side or joined by "de", rendered word for word, either order
    ("He defended the rights - human. <<< Il a défendu les droits de l'homme.", ["rights - human"], None),
    ("He defended the human - rights. <<< Il a défendu les droits de l'homme.", ["human - rights"], None),
    ("The Brotherhood - Muslim won. <<< Les Frères musulmans ont gagné.", ["Brotherhood - Muslim"], None),
    ("Care - health is expensive. <<< Les soins de santé coûtent cher.", ["Care - health"], None),
    # a word whose rendering is the two words: the rendering is the fix
    ("The estate - real market fell. <<< Le marché immobilier a chuté.", ["estate - real"], "real estate"),
    # a dash before a function word, words not side by side in the source, a comma between them
    (("Growth resumed against the previous quarter - for the first time. <<< La croissance a repris par rapport "
      "au trimestre précédent pour la première fois."), [], None),
    ("The company - it develops hardware - won. <<< La société développe du matériel et a gagné.", [], None),
    ("The company - hardware makers - won. <<< La société, matériel compris, a gagné.", [], None),
])
def test_a_hyphenated_word_of_the_source_rendered_part_by_part(text, flagged, suggestion):
    found = run_rules(text, select=["TQ807"])
    assert [f.text for f in found] == flagged
    assert all(f.suggestion == suggestion for f in found)


@pytest.mark.parametrize("text, flagged", [
    ("Their hopes were short - lived.", ["short - lived"]),
    ("a world - famous brand", ["world - famous"]),
    ("a century - old record", ["century - old"]),
    ("the war - torn country", ["war - torn"]),
    ("At a glance - winning goal by Kovalev.", []),                    # a dash after a headline label
    ("The city - old and new alike - voted.", []),                     # a pair of dashes
    ("It was a long wait - long for everyone.", []),                   # a preposition after: a dash
    # news compounds, superlatives with "ever", prefixes English hyphenates
    ("an all - time high after a government shake - up", ["all - time", "shake - up"]),
    ("the biggest - ever order", ["biggest - ever"]),
    ("a plant for micro - chips", ["micro - chips"]),
    ("They paid extra - and got nothing.", []),                        # a conjunction after: a dash
    ("It was the shake - the whole market felt it.", []),              # an article after: a dash
    # heads of news compounds: participles and adjectives English hyphenates after a noun
    ("the snow - covered peaks", ["snow - covered"]),
    ("the most risk - taking bank", ["risk - taking"]),
    ("a drug - resistant strain", ["drug - resistant"]),
    ("in war - weary towns", ["war - weary"]),
    ("The roads were closed - covered in snow.", []),                  # a preposition after: a dash
    ("He resigned in March - taking the blame.", []),                  # an article after: a dash
    # compounds of news English (data/sentences_hyphen_compounds.txt)
    ("a cutting - edge plant", ["cutting - edge"]),
    ("The state's know - how counts.", ["know - how"]),
    ("It failed the first test - time will tell.", []),               # no such compound: a dash
])
def test_english_compound_adjectives_split_by_a_spaced_hyphen(text, flagged):
    assert [f.text for f in run_rules(text, select=["TQ807"])] == flagged



@pytest.mark.parametrize("text, flagged", [
    # "A - B - C": B - C is read too, as a word split or a compound only
    ("European officials - every - one in the EU - know it.", ["every - one"]),
    ("There are others who - literally - work in hell. <<< D'autres travaillent littéralement en enfer.", []),
    ("He is the president - director - general. <<< Il est président-directeur-général.", ["president - director"]),
    # a chain flagged is one finding
    ("They met vis - à - vis the town. <<< Ils se sont rencontrés vis-à-vis de la ville.", ["vis - à"]),
    ("He lives in Saint - Germain - en - Laye.", ["Saint - Germain"]),
    # a particle made plural ends a compound; "-maker" heads a compound noun
    ("the add - ons and clip - ons for hats", ["add - ons", "clip - ons"]),
    ("Boeing, the airplane - maker, won.", ["airplane - maker"]),
    ("a high six - figure sum", ["six - figure"]),
])
def test_spaced_hyphen_chains_particles_and_makers(text, flagged):
    assert [f.text for f in run_rules(text, select=["TQ807"])] == flagged
