"""TQ917: a name of the source replaced by another in the translation (tqcheck.text.swaps)."""
import pytest

from tqcheck.text.dropped import dropped_names
from tqcheck.text.places import demonym
from tqcheck.text.swaps import swapped_names

REPLACED = [
    # a first name kept, another surname after it
    ("Le décret a été signé lundi par Jean Castex.", "The decree was signed by Jean Lemaire on Monday.", "Lemaire"),
    ("a souligné le président de l'Anmil Pietro Mercandelli.", "said the president of Anmil Pietro Marx.", "Marx"),
    # after a given name, a surname that is an ordinary French word
    ("Comme l'était Laurent Blanc.", "Like Laurent Jiracek was.", "Jiracek"),
    # a surname English writes as the source does, and another half alike (not a respelling)
    ("Dans son programme, François Hollande se cantonne à des banalités.",
     "In his programme, François Hernandez confines himself to banalities.", "Hernandez"),
    ("Luisa Maria Calderon déclare que les trafiquants ont aidé son adversaire.",
     "Luisa Maria Cordero alleges that traffickers helped her opponent.", "Cordero"),
    # a title before a surname the source lacks
    ("« C'était un fait », a déclaré M. Englund.", '"It was a fact," Mr. Dwyer said.', "Dwyer"),
    ("selon le Dr Martel, de l'hôpital.", "according to Dr Wozniak, of the hospital.", "Wozniak"),
    # a country or a city for another of the same kind
    ("Le festival a lieu à Prague et à Pardubice.", "The festival takes place in Damascus and Pardubice.", "Damascus"),
    ("Des voix viennent d'Allemagne.", "Voices are coming from Afghanistan.", "Afghanistan"),
    ("un accord gazier avec la Russie", "a gas deal with Singapore", "Singapore"),
    # places whose French form is only in fidelity_name_forms.tsv (a country or city all the same)
    ("La Tchéquie a battu la Croatie.", "The Czech Republic beat Ivory Coast.", "Ivory Coast"),
    ("Il vit à Vienne depuis 2010.", "He has lived in Zurich since 2010.", "Zurich"),
    ("Des banques de Suisse et de Belgique", "Banks in Iraq and Belgium", "Iraq"),
    # a city whose French name drops its article after "au" or "du" (au Havre: Le Havre)
    ("Trois hommes ont été arrêtés au Havre mardi.", "Three men were arrested in Rouen on Tuesday.", "Rouen"),
    # medium cities of the news (fidelity_places.tsv: Kherson, Sète)
    ("Les frappes ont visé Kharkiv mardi.", "The strikes targeted Kherson on Tuesday.", "Kherson"),
    ("Le navire a accosté à Marseille.", "The ship docked in Sète.", "Sète"),
    # two places joined by a spaced hyphen are two names (a route, a match), not one
    ("Des trains circulent sur la ligne Londres - Birmingham.", "Trains run on a Turin - Birmingham line.", "Turin"),
]

NOT_REPLACED = [
    # the same name, in its own or its English spelling
    ("Le décret a été signé lundi par Jean Castex.", "The decree was signed by Jean Castex on Monday."),
    ("Le président Mohamed Morsi a parlé.", "President Mohamed Mursi spoke."),
    ("Le président Victor Ioutchenko a été empoisonné.", "President Victor Yushchenko was poisoned."),
    ("Le colonel Mouammar Kadhafi a parlé.", "Colonel Muammar Gaddafi spoke."),
    ("Le président Viktor Ianoukovitch a signé.", "President Viktor Yanukovych signed."),
    # a typo, a name with an ending: no other name
    ("Mario Monti a démissionné.", "Mario Mnoti resigned."),
    ("Les joueurs de Puerto Rico ont gagné.", "The Puerto Rican players won."),
    ("avec Abou Mehdi al-Mouhandis", "with Abu Mahdi al-Muhandis"),
    ("Des voix viennent d'Allemagne et des Etats-Unis.", "Voices are coming from Germany and from Washington."),
    ("Le Caire et Moscou ont démenti.", "Cairo and Moscow denied it."),
    ("La Tchéquie a battu la Croatie à Vienne.", "The Czech Republic beat Croatia in Vienna."),
    ("La République tchèque et la Côte d'Ivoire", "The Czech Republic and Ivory Coast"),
    ("Les Suisses ont voté en Suisse.", "The Swiss voted in Switzerland."),
    ("Dominique Strauss-Kahn est arrivé à Mexico.", "Dominique Strauss-Kahn arrived in Mexico City."),
    ("Trois hommes ont été arrêtés au Havre, puis au Mans.", "Three men were arrested in Le Havre, then in Le Mans."),
    ("Le match Lyon - Marseille a eu lieu dimanche.", "The Lyon-Marseille match took place on Sunday."),
    # a first name alone, a surname alone: the other name is not the replacement
    ("M. Hollande a parlé.", "Mr Hollande spoke, and François agreed."),
    # metonymy, demonyms, translated or dropped names
    ("Berlin a dit non.", "Germany said no."),
    ("Ce n'est pas entre Tchèques et Moraves.", "It is not between people from Bohemia and Moravia."),
    ("Les Français de Pologne", "The French of Poland"),
    ("Il a visité Césarée.", "He visited Caesarea."),
    ("Elle a été couronnée Miss Mondial, a dit le procureur général.",
     "She was crowned Miss Universe, said the Attorney General."),
    ("Le ministre Jean Castex a démissionné.", "Minister Castex resigned, and he left Paris."),
    ("Le porte-parole a démissionné.", "The spokesman resigned."),
    # French names and titles that belong in English text
    ("La Maison-Blanche et le Quai d'Orsay ont réagi.", "The White House and the Quai d'Orsay reacted."),
    ("Mme Lagarde a rencontré M. Draghi à Francfort.", "Ms Lagarde met Mr Draghi in Frankfurt."),
    # distinct names a letter apart stay what they are
    ("L'Iran et l'Irak ont signé.", "Iran and Iraq signed."),
    ("L'Autriche a battu l'Australie.", "Austria beat Australia."),
]


@pytest.mark.parametrize("source,translation,new", REPLACED)
def test_a_replaced_name_is_found_on_the_new_name(source, translation, new):
    swaps = swapped_names(source, translation)
    assert [s.text for s in swaps] == [new]
    s = swaps[0]
    assert translation[s.start:s.end] == new


@pytest.mark.parametrize("source,translation", NOT_REPLACED)
def test_names_carried_translated_or_dropped_are_not_replacements(source, translation):
    assert swapped_names(source, translation) == []


def test_the_finding_names_both_and_leaves_the_fix_to_the_editor():
    from helpers import run_rules

    from tqcheck.io.text import parse_text

    doc = parse_text("The decree was signed by Jean Lemaire on Monday.\n", "t.en.txt")
    doc.source = parse_text("Le décret a été signé lundi par Jean Castex.\n", "s.fr.txt")
    [f] = [f for f in run_rules(doc) if f.rule == "TQ917"]
    assert (f.line, f.column, f.end_column, f.text) == (1, 31, 38, "Lemaire")
    assert "'Jean Castex'" in f.message and f.suggestion is None and f.category == "accuracy/mistranslation"


# The story shape: a name its story's translation writes elsewhere, lost here, while a name new to the
# story stands here. (source lines, translation lines, the line to look at, the new name or None)
REVIEW_FR = ["Le film d'Affleck est une combinaison insolite de plusieurs genres.",
             "Affleck joue lui-même le rôle principal.",
             "Affleck et ses collaborateurs obtiennent un effet analogue.",
             "Le film se laisse voir avec un intérêt modéré."]
REVIEW_EN = ["Affleck's film is a peculiar mix of genres.",
             "Affleck plays the lead role himself.",
             "Ament and his team achieve a similar effect.",
             "The film can be watched with moderate interest."]
STORIES = [
    # a surname the story writes elsewhere (here starting the source's sentence) replaced by a new one
    (REVIEW_FR, REVIEW_EN, 2, "Ament"),
    # the story names Affleck nowhere else: no evidence that "Ament" stands for him
    (REVIEW_FR[2:], REVIEW_EN[2:], 0, None),
    # the same name, or a pronoun for it: nothing new
    (REVIEW_FR, REVIEW_EN[:2] + ["Affleck and his team achieve a similar effect."] + REVIEW_EN[3:], 2, None),
    (REVIEW_FR, REVIEW_EN[:2] + ["He and his team achieve a similar effect."] + REVIEW_EN[3:], 2, None),
    # a name the story has elsewhere (the translator names the actor again): not new
    (REVIEW_FR, REVIEW_EN[:2] + ["Affleck's Ament and his team achieve it."] + REVIEW_EN[3:], 2, None),
    # a new capitalised word that renders a word of the source, or a spelling of its name
    (["Le ministère a tardé.", "Selon Bayón, la Chancellerie a signalé un retard."],
     ["Bayón said the ministry was late.", "The Chancellery reported a delay."], 1, None),
    (["Elle vécut à Fort Pierce.", "Pierce l'a oubliée."],
     ["She lived in Fort Pierce.", "Pearce forgot her."], 1, None),
    # a first name with the surname, a famous surname: the surname is what the story repeats
    (["Selon Elizabeth Lyman, la loi est claire.", "Lyman a ajouté qu'elle ferait appel."],
     ["According to Elizabeth Monti, the law is clear.", "Lyman added that she would appeal."], 0, "Monti"),
    (["M. Obama a parlé mardi.", "Obama a promis des réformes."],
     ["Mr. Obama spoke on Tuesday.", "Orozco promised reforms."], 1, "Orozco"),
    # a place the story writes in its English form, lost here beside a name new to the story
    (["Le Mexique vote dimanche.", "Nos liens avec le Mexique sont forts, dit Bayón."],
     ["Mexico votes on Sunday.", "Our ties to Zarqa are strong, says Bayón."], 1, "Zarqa"),
    # the same new name in two segments, nowhere in the story's source: replaced each time (Bing's
    # Piromalli -> Patel); a name the translation renders from a source word is none (velours: Velvet)
    (["Le clan Piromalli est puissant.", "La police a décapité le clan Piromalli.", "Piromalli nie tout."],
     ["The Piromalli clan is powerful.", "The police beheaded the Patel clan.", "Patel denies everything."], 1, "Patel"),
    (["Le concert de la Révolution de velours.", "Les Etudiants de velours chantent avec Charles.", "Charles dirige."],
     ["The Velvet Revolution concert.", "Students for Velvet sing.", "Charles conducts."], 1, None),
    # the lost name is an ordinary capitalised word, not a person's name
    (["Le site Internet du gouvernement.", "Le document sera publié sur le site Internet."],
     ["The Internet site of the government.", "Chancellery sources said it would be published."], 1, None),
]


@pytest.mark.parametrize("sources,texts,i,new", STORIES)
def test_a_name_of_the_story_replaced_by_one_new_to_it(sources, texts, i, new):
    from tqcheck.text.swaps import Story

    swaps = swapped_names(sources[i], texts[i], Story(sources, texts))
    assert [s.text for s in swaps] == ([new] if new else [])
    if new:
        assert swaps[0].kind in ("story", "person") and swaps[0].source in (
            "Affleck", "Elizabeth Lyman", "Obama", "Mexique", "Piromalli")


@pytest.mark.parametrize("source,translation,new", [
    # a place alone at the start of the sentence, and one whose name goes on in lower case
    ("Singapour recherche des bébés pour sauver l'économie", "Ireland seeks babies to save its economy", "Ireland"),
    ("À certains endroits de la République tchèque, les routes sont gelées.",
     "In several places in the United States, the roads are icy.", "United States"),
])
def test_places_starting_the_sentence_or_going_on_in_lower_case(source, translation, new):
    assert [s.text for s in swapped_names(source, translation)] == [new]


@pytest.mark.parametrize("source,translation,new", [
    # beside a new place, a place only a demonym or a longer name carries, less often than the source has it
    ("dès qu'un officiel critique le Mexique, on entend dans la presse mexicaine",
     "the minute an official criticises Britain, you hear in the Mexican press", "Britain"),
    ("Le miroir du Southern African Large Telescope en Afrique du Sud a été segmenté.",
     "The mirror of the Southern African Large Telescope in Peru was segmented.", "Peru"),
    ("Les routes de la République tchèque sont gelées, selon la presse tchèque.",
     "The roads of Ivory Coast are icy, according to the Czech press.", "Ivory Coast"),
    ("La République tchèque a battu la Croatie.", "The Czech team beat Croatia.", None),
    # a demonym for the place, as often as the source has it; a new place the source has as an adjective
    ("Au dernier moment, la défense d'Estonie a pu empêcher un but.",
     "The Estonian rearguard prevented him at the last moment from taking Ireland into the lead.", None),
    ("pourquoi les réserves de l'Inde devraient payer des fonctionnaires grecs",
     "why India's reserves should pay Greece's public sector workers", None),
])
def test_a_place_carried_only_by_a_demonym_beside_a_new_place(source, translation, new):
    assert [s.text for s in swapped_names(source, translation)] == ([new] if new else [])


@pytest.mark.parametrize("source,translation,dropped", [
    # a description in the place of a country or city the translation names nowhere
    ("La Syrie ne fléchira pas, a-t-il dit.", "The country will not bend, he said.", "Syrie"),
    # ...one more than the source's "pays" renders, or named fewer times than the source names it
    ("Les taux des pays du sud, mais aussi en France, inquiètent.",
     "The rates of southern countries, but also of the country, worry.", "France"),
    ("La Syrie ne fléchira pas: les complots contre la Syrie échoueront.",
     "The country will not bend: plots against Syria will fail.", "Syrie"),
    # ...or as many as the source's "pays", when the place is in no form at all (a "pays" rendered otherwise)
    ("Le Mexique a ses gagnants et ses perdants, des gens pour qui le pays offre des chances et d'autres pour qui "
     "le pays n'en offre pas.", "The country has winners and losers, people for whom the country provides "
     "opportunities and others for whom it doesn't.", "Mexique"),
    ("Un centre de vente au Mexique, pour des produits du pays de la grande muraille.",
     "A sales centre in the country, selling Chinese products.", "Mexique"),
    ("L'économie du Mexique va mieux, dit-on dans le pays.", "The Mexican economy is better, people in the country say.",
     None),
    # the description renders the source's own "pays", the place is named, or "the town" is "the town hall"
    ("Le pays de la Syrie ne fléchira pas.", "The country of Syria will not bend.", None),
    ("Toute la Suisse a été secouée, car c'est grave pour un petit pays.",
     "The whole of Switzerland was shocked: the country saw how grave it is for a small country.", None),
    ("À Manille, ils ont manifesté devant la mairie.", "In Manila, they marched in front of the town hall.", None),
    # a person the source names with a title, named nowhere in the translation: a pronoun or a
    # description took the name's place
    ("Le ministre Jean Castex a démissionné.", "The minister resigned, and he left Paris.", "Jean Castex"),
    ("« C'était un fait », a déclaré M. Englund.", '"It was a fact," he said.', "Englund"),
    ("Le ministre, Jean Castex, a démissionné.", "The minister resigned.", "Jean Castex"),
    ("Le président américain Barack Obama a parlé.", "The American president spoke.", "Barack Obama"),
    ("Lorsque le Président Pena Nieto recevra son écharpe.", "As the president receives the sash.", "Pena Nieto"),
    ("Le président américain Barack Obama a parlé.", "US President Barack Obama spoke.", None),
    # a full name starting with a given name, named nowhere: nothing, a pronoun or a description took its place
    ("Le Premier ministre, Antonis Samaras, a averti qu'il n'y avait pas d'autre solution.",
     "The prime minister warned that there was no alternative.", "Antonis Samaras"),
    ("Le Premier ministre, Antonis Samaras, a averti qu'il n'y avait pas d'autre solution.",
     "The prime minister, Mr Samaras, warned that there was no alternative.", None),
    # ...not in an empty or cut-off translation (TQ915's), nor for a name that is no person's
    ("Le Premier ministre, Antonis Samaras, a averti qu'il n'y avait pas d'autre solution.", "No alternative.", None),
    ("Les Frères Musulmans ont gagné les élections législatives.", "The Muslim Brotherhood won the elections.", None),
    # the name in another spelling; a person without a title whose name starts the source is dropped
    # for "He" when the segments before do not name him (test_a_pronoun_for_the_person_just_named...)
    ("Le président Victor Ioutchenko a été empoisonné.", "President Viktor Yushchenko was poisoned.", None),
    ("Castex a démissionné.", "He resigned.", "Castex"),
    # a place after a title-like word is no person
    ("Le maire de Paris a démissionné.", "The mayor resigned.", None),
    # a person named nowhere in the translation, "the official" or "the man" where a name goes
    ("« C'est fini », a dit Geiger.", '"It is over," the official said.', "Geiger"),
    ("« C'est fini », a dit Obama.", '"It is over," the official said.', "Obama"),
    # the surname is the name's last word, whatever the hash order of its words (Pierre and Noizat tie in length)
    ("« La faille utilisée n'est pas le protocole », assure Pierre Noizat, qui vient de lancer Paymium.",
     '"The loophole used is not the protocol," says the spokesman reassuringly, who has just launched Paymium.',
     "Pierre Noizat"),
    # a name half like another of the translation (0.5 exactly) is not named by it: Torres is not Andrés
    ("Il est suivi par Fernando Torres, avec 90, et Andrés Iniesta, avec 62.",
     "He is followed by the man, with 90, and Andrés Iniesta, with 62.", "Fernando Torres"),
    ("« C'est fini », a dit Internet.", '"It is over," the official said.', None),
    ("Petr Jiracek a marqué deux buts.", "The man has scored two goals.", "Petr Jiracek"),
    # a description of an office, the source's "responsable" rendered, the name kept or a common word
    ("La liste officielle a été publiée, a dit Geiger.", "The official list was published, said Geiger.", None),
    ("Le responsable a parlé, selon Geiger.", "The official said so, according to Geiger.", None),
    ("Un responsable a dit que Martin viendrait.", "The official said that Martin would come.", None),
    ("Un responsable a dit que Martin viendrait.", "An official said that the man would come.", "Martin"),
    # a demonym does not name its place; "d'autres pays" is not what "the country" renders; the
    # exact row of the name-forms table comes first (Argentine: Argentina, not the adjective)
    ("Le ministre algérien a dit qu'Alger est certain.", "The Algerian minister said the city is certain.", "Alger"),
    ("D'autres pays dépensaient, mais la Norvège a économisé.", "Others spent, but the country saved.", "Norvège"),
    ("Le projet a été contesté par la Pologne et les Pays-Bas.", "Poland and the country contested it.", "Pays-Bas"),
    ("Il a joué à Neuquén en Argentine.", "He played in Neuquen, in the country.", "Argentine"),
    ("Il joue dans la Premier League d'Angleterre.", "He plays in the Premier League of the country.", "Angleterre"),
    ("Il visite le pays, et la Norvège l'accueille.", "He visits the country, and Norway welcomes him.", None),
    # "there" where the source names a place, not "there is", nor for the source's "là" or "y"
    ("Les touristes adorent les bains de Budapest.", "Tourists love the baths there.", "Budapest"),
    ("Il n'y aura pas de talibans à Kaboul.", "There will be no Taliban there.", "Kaboul"),
    ("Il y a de vieux bains à Budapest.", "There are old baths in Budapest.", None),
    ("Les touristes adorent les vieux bains là-bas.", "Tourists love the old baths there.", None),
    # a place of several words is named whole, not by a part ("Southern African", "Czech"); a French
    # city of the table (Laval); "city centre" renders "centre de la ville", which leaves "the city" over
    ("Le Southern African Large Telescope en Afrique du Sud a été segmenté.",
     "The Southern African Large Telescope in the country was segmented.", "Afrique du Sud"),
    ("Le Southern African Large Telescope en Afrique du Sud a été segmenté, et le pays économise.",
     "The Southern African Large Telescope in South Africa was segmented, and the country saves.", None),
    ("Des touristes tchèques partent de la République tchèque.", "Czech tourists leave the country.",
     "République tchèque"),
    ("Des touristes tchèques partent de la République tchèque.", "Czech tourists leave the Czech Republic.", None),
    ("Les touristes partent des États-Unis.", "Tourists leave the United States, the country of dreams.", None),
    ("Il a démissionné de son poste de maire de Laval, troisième ville du Québec.",
     "He resigned as mayor of the city, Quebec's third city.", "Laval"),
    ("Moscou est peu accessible dans le centre de la ville.", "The city is not accessible in the city centre.",
     "Moscou"),
    ("Moscou est peu accessible dans le centre de la ville.", "Moscow is not accessible in the city centre.", None),
    # "the man" before a preposition or a conjunction, and before a parenthesis
    ("Le film montre Geiger comme un héros.", "The film shows the man as a hero.", "Geiger"),
    ("L'arbitre Wolfgang Stark de Munich a été critiqué.", "The referee the man from Munich was criticised.",
     "Wolfgang Stark"),
    ("Le sénateur John McCain (Arizona) a voté.", "Senator the spokesman (R-Ariz.) voted.", "John McCain"),
    ("L'homme de Ergolding a été critiqué.", "The man from Ergolding was criticised.", None),
    # "the man" and an adverb before its verb
    ("Le chercheur, Geiger a déjà une idée.", "The researcher, the man already has an idea.", "Geiger"),
    ("Le chercheur, Geiger a déjà une idée.", "The researcher, Geiger already has an idea.", None),
    # a place named by a longer row of the name forms than one of its words (Grande-Bretagne is Britain,
    # not Brittany); a demonym or a combining form names no place (German, Franco-German); "metropolis"
    # renders "métropole" as "city" renders "ville"
    ("Et il pense que si la Grande-Bretagne accordait le sauf-conduit, cela se terminerait.",
     "And he felt that if the country says no to the safe-conduct pass, it's over.", "Grande-Bretagne"),
    ("Et il pense que si la Grande-Bretagne accordait le sauf-conduit, cela se terminerait.",
     "And he felt that if Britain says no to the safe-conduct pass, it's over.", None),
    ("À chaque fois que l'Allemagne décide de peser plus, des sentiments antiallemands apparaissent.",
     "Every time that the country assumes a more prominent role, anti-German feelings become apparent.", "Allemagne"),
    # the place's people named as often as the source has the place and its people: the place is kept
    ("Ils défendent le statut de pays des droits de l'homme de la France.",
     "They defend the status of the country as the country of French human rights.", None),
    ("Le pays a voté non, et la Suède est sortie.", "The country voted no, and the Swedes left the country.", None),
    ("Des touristes allemands ont quitté l'Allemagne, et le pays s'inquiète.",
     "German tourists have left the country, and the country is worried.", "Allemagne"),
    ("La motion consacre un paragraphe à l'amitié franco-allemande, mais Merkel n'a pas évoqué la France.",
     "The motion devotes a paragraph to Franco-German friendship, but Merkel did not mention the country.", "France"),
    ("La motion consacre un paragraphe à l'amitié franco-allemande, mais Merkel n'a pas évoqué la France.",
     "The motion devotes a paragraph to Franco-German friendship, but Merkel did not mention France.", None),
    ("Des missiles ont atteint Tel-Aviv, la métropole d'Israël, et la ville sainte de Jérusalem.",
     "Missiles landed near Tel Aviv, Israel's metropolis, and the holy city of the city.", "Jérusalem"),
    ("Des missiles ont atteint Tel-Aviv, la métropole d'Israël, et la ville sainte de Jérusalem.",
     "Missiles landed near Tel Aviv, Israel's metropolis, and the holy city of Jerusalem.", None),
    # "the official himself", "the spokesman nearly"; each kind of description against the nouns it
    # renders: "the man" is no rendering of the "porte-parole" that "the spokesman" renders, nor of
    # the "homme" of "droits de l'homme"
    ("Ils rappellent qu'Obama lui-même était un amateur.", "They recall that the official himself was an amateur.",
     "Obama"),
    ("Il raconte un tour que lui et Wozniak ont mis au point.", "He tells of a prank he and the spokesman nearly pulled.",
     "Wozniak"),
    ("« Au fond, Bloomberg est plus intéressé à défendre la finance », ajouta le porte-parole du mouvement.",
     '"Deep inside the man is more interested in defending finance," added the spokesman of the movement.',
     "Bloomberg"),
    ("La politique menée sous Nicolas Sarkozy a été jugée contraire aux droits de l'homme.",
     "Policy under the man was judged contrary to human rights.", "Nicolas Sarkozy"),
    ("« C'est fini », ajouta le porte-parole, Geiger.", '"It is over," added the spokesman, Geiger.', None),
    ("L'homme, selon Geiger, a fui.", "The man, according to Geiger, fled.", None),
    # a person whose name starts the source, "He" or "She" starting the translation ("en" before an
    # auxiliary is a pronoun, not a preposition after an adjective)
    ("Peter Englund est un historien suédois.", "He is a Swedish historian.", "Peter Englund"),
    ("Correa en a profité pour se réaffirmer.", "He took the opportunity to reassert himself.", "Correa"),
    ("Fier en toute chose, il a refusé.", "He refused, proud in all things.", None),
    ("Peter Englund est un historien suédois.", "Englund is a Swedish historian.", None),
    ("Selon lui, Peter Englund est un historien.", "He says Peter Englund is a historian.", None),
    # "là où" is "where", not the source's own "there"
    ("Mais là où vous trouverez le plus de lieux saints, c'est à Jérusalem.",
     "But the place with the most holy sites is there.", "Jérusalem"),
    ("Il y est allé, et là aussi il a prié à Jérusalem.", "He went there and prayed there too.", None),
    # "His" or "Her" starting the translation where the source starts with the person's thing
    ("Le film d'Affleck manque un peu de tension dramatique.", "His film lacks a little dramatic tension.", "Affleck"),
    ("Les cas de Pattloch sont toutefois différents.", "His cases, however, are different.", "Pattloch"),
    ("Le film d'Affleck manque un peu de tension dramatique.", "Affleck's film lacks a little dramatic tension.", None),
    ("Affleck est un réalisateur de talent.", "His films are good.", None),
    # French "Mexico" is Mexico City, a city; "Mexique" the country
    ("Lors d'un récent voyage à Mexico, je me suis senti perdu.", "On a recent trip to the city, I got lost.", "Mexico"),
    ("Lors d'un récent voyage à Mexico, je me suis senti perdu.", "On a recent trip to Mexico City, I got lost.", None),
    ("Les rues de Ciudad de México sont couvertes de pavés.", "The streets of the city are paved.", "Ciudad de México"),
    # another person's given name names none of this one's
    ("Dans cette traduction par Peter Graves, la prose de Peter Englund est souple.",
     "In this translation by Peter Graves, his prose is supple.", "Peter Englund"),
    ("Dans cette traduction par Peter Graves, la prose de Peter Englund est souple.",
     "In this translation by Peter Graves, Englund's prose is supple.", None),
])
def test_a_name_dropped_for_a_description_or_a_pronoun(source, translation, dropped):
    """The dropped shape: what took the name's place is no other name (swapped_names finds nothing)."""
    assert swapped_names(source, translation) == []
    swaps = dropped_names(source, translation)
    assert [(s.kind, s.source) for s in swaps] == ([("dropped", dropped)] if dropped else [])


@pytest.mark.parametrize("source,translation,dropped", [
    # a title standing where the name was, even in a translation under half the source's length
    ("Le professeur Eastwood est d'accord sur ce point.", "The professor agreed.", "Eastwood"),
    ("Le professeur Eastwood est d'accord sur ce point.", "Professor Eastwood agreed.", None),
    ("Le professeur Eastwood est d'accord sur ce point.", "Agreed.", None),  # cut off: TQ915's
    # what a name heads (l'administration Obama, le clan Ewing) marks a person as a title does
    ("Il a conseillé l'administration Obama sur la drogue.", "He advised the administration on drugs.", "Obama"),
    ("Il a conseillé l'administration Obama sur la drogue.", "He advised the Obama administration on drugs.", None),
    ("Elle a servi l'administration d'Obama devant les tribunaux.", "She served the administration in court.", "Obama"),
    ("La série sur le clan Ewing a été diffusée en 1978.", "The series about the clan aired in 1978.", "Ewing"),
    # an institution whose name starts with such a word stays one name
    ("Il est président du Gouvernement Régional Catalan.", "He is president of the Generalitat.", None),
    # a person's name is carried by a capitalised word ("accused" does not carry Accurso), and a full
    # name by its surname or a near spelling of its given name (the Daniel of Daniel Ortega is not Manuel)
    ("Ils accusent Tony Accurso et Lino Zambito.", "They accused the spokesman and Lino Zambito.", "Tony Accurso"),
    ("Ils accusent Tony Accurso et Lino Zambito.", "They accused Tony Accurso and Lino Zambito.", None),
    ("Le président colombien, Juan Manuel Santos, a parlé à Daniel Ortega.",
     "The President of Colombia, the man, spoke to Daniel Ortega.", "Juan Manuel Santos"),
    ("Le président colombien, Juan Manuel Santos, a parlé à Daniel Ortega.",
     "The President of Colombia, Santos, spoke to Daniel Ortega.", None),
    ("Somerset House, l'ancienne demeure d'Élisabeth Ire, est le seul lieu digne de l'exposition.",
     "Somerset House, former home of Queen Elizabeth I, is the only place worthy of the exhibition.", None),
    # a full name whose surname is an ordinary French word, after a title
    ("C'était chez mon cousin, le prince Edouard de Ligne.", "It was at my cousin's, the prince.", "Edouard de Ligne"),
    ("C'était chez mon cousin, le prince Edouard de Ligne.", "It was at my cousin's, Prince Edouard de Ligne.", None),
    # a given name written with its diacritics (Šimon for the list's Simon)
    ("Le concert sera gratuit, selon Šimon Ornest.", "The concert will be free, according to the band.", "Šimon Ornest"),
    # a full name of four words (a given name, another, two surnames)
    ("Son neveu Jorge Alberto Dávila Bacio se souvient de lui.", "His nephew the man remembers him.",
     "Jorge Alberto Dávila Bacio"),
    ("Son neveu Jorge Alberto Dávila Bacio se souvient de lui.", "His nephew Jorge Alberto Dávila Bacio remembers him.",
     None),
])
def test_a_titled_or_fully_named_person_dropped(source, translation, dropped):
    swaps = dropped_names(source, translation)
    assert [(s.kind, s.source) for s in swaps] == ([("dropped", dropped)] if dropped else [])


@pytest.mark.parametrize("source,translation,given", [
    # a given name written alone (or with fewer of the name's words) where the source has the full name
    ("Mort de l'acteur Larry Hagman", "Actor Larry dies", "Larry"),
    ("Le mexicain Enrique Pena Nieto connaît un départ difficile.", "Mexico's Enrique Pena faces a tough start",
     "Enrique"),
    # a lower-case word spelled half like the surname is not the surname ("month" is not Monk); a surname
    # translated as a word is lost too (Turbulenc: turbulence)
    ("La tirade a effrayé la petite Geneviève Monk âgée de 18 mois.", "The tirade frightened 18-month-old Genevieve.",
     "Genevieve"),
    ("Il a acheté l'album de Maxim Turbulenc.", "He bought the album from Maxim turbulence.", "Maxim"),
    ("Mort de l'acteur Larry Hagman", "Actor Larry Hagman dies", None),
    ("Mort de l'acteur Larry Hagman", "Actor Hagman dies", None),
    ("Mort de l'acteur Larry Hagman", "Actor Larry hagman dies", None),  # any case: lowercased is another rule's
    ("Le mexicain Enrique Pena Nieto connaît un départ difficile.", "Mexico's Pena Nieto faces a tough start", None),
    # a surname in another spelling, after the given name, is a spelling, not a surname dropped
    ("Le pilote est devenu, après Vladimír Remek, le deuxième cosmonaute.",
     "The pilot became the second cosmonaut after Vladimir Remkov.", None),
    ("Le président Bachar al-Assad doit partir.", "President Bashar al-Assad must go.", None),
    # a surname that is a given name too (Saddam Hussein is Saddam), a source that uses the given name
    # alone too, a "surname" of ordinary French words (a film's title)
    ("Une partie considère Saddam Hussein comme un dictateur.", "Some see Saddam as a dictator.", None),
    ("Opprimée par Saddam Hussein, elle fête la mort de Saddam.", "Oppressed by Saddam, it cheers Saddam's death.", None),
    ("Il a joué Dieu dans Evan Tout-Puissant.", "He played God in Evan Almighty.", None),
])
def test_a_given_name_without_its_surname(source, translation, given):
    swaps = dropped_names(source, translation)
    assert [(s.kind, s.text) for s in swaps] == ([("surname", given)] if given else [])


@pytest.mark.parametrize("form,word,expected", [
    ("nigeria", "nigerian", True), ("alger", "algerian", True), ("china", "chinese", True), ("iraq", "iraqi", True),
    ("mexico", "mexican", True), ("america", "americans", True), ("pekin", "peking", False), ("paris", "paris", False), ("iran", "iraq", False),
    ("germany", "german", True), ("sweden", "swedes", True), ("sweden", "swede", True), ("brussels", "brussels", False), ("france", "franco", True), ("russia", "russo", True), ("germany", "germany", False),
    ("mexico", "mexico", False), ("turkey", "turkish", True), ("turkey", "turkey", False), ("jersey", "jersey", False),
    # people's names no ending makes (data/places_demonyms.tsv)
    ("france", "french", True), ("netherlands", "dutch", True), ("poland", "polish", True), ("spain", "spaniards", True),
    ("france", "dutch", False), ("ireland", "iris", False),
])
def test_a_demonym_is_the_place_and_a_demonyms_ending(form, word, expected):
    assert demonym(form, word) is expected


@pytest.mark.parametrize("source,translation,before,dropped", [
    # a lone word starting the source is a name when rare (Correa), not an adjective before a preposition
    ("Correa assure qu'il ne regrette pas sa décision.", "He says he does not regret his decision.", [], "Correa"),
    ("Capable de porter 110 kilos, il assure qu'il travaille.", "He can carry 110 kilos and says he works.", [], None),
    # "the man" for a lone rare word starting the source, not for an adjective before a preposition
    ("Hagman, qui était revenu cette année, est décédé vendredi.", "The man, who had returned this year, died on Friday.",
     [], "Hagman"),
    ("Capable de porter 110 kilos, il travaille.", "The man can carry 110 kilos and works.", [], None),
    # a pronoun for the person one of the two segments before names is an anaphor; "the official" is not
    ("Correa assure qu'il ne regrette pas sa décision.", "He says he does not regret his decision.",
     ["President Correa spoke on Monday.", "It was late."], None),
    ("Anto souffre d'asthme.", "He has asthma.", ["Anto has asthma, and coughs."], None),
    ("« C'est fini », a dit Geiger.", '"It is over," the official said.', ["Geiger came first."], "Geiger"),
    # ...not three segments before
    ("Correa assure qu'il ne regrette pas sa décision.", "He says he does not regret his decision.",
     ["President Correa spoke on Monday.", "It was late.", "It rained."], "Correa"),
    # "there" for a place one of the two segments before names is an anaphor too
    ("Pendant ses études à Oxford, tous les points de vue étaient acceptés.",
     "During his time there, all views had been accepted.", ["I told my father I hated Oxford.", "He was incredulous."],
     None),
    ("Pendant ses études à Oxford, tous les points de vue étaient acceptés.",
     "During his time there, all views had been accepted.", [], "Oxford"),
])
def test_a_pronoun_for_the_person_just_named_is_an_anaphor(source, translation, before, dropped):
    swaps = dropped_names(source, translation, before)
    assert [s.source for s in swaps] == ([dropped] if dropped else [])


def test_the_rule_reads_the_segments_before_in_the_same_story_only():
    """TQ917 passes the story's two previous translation segments: "He" after "Correa has" is fine; in
    a new story (a blank line between, in the blank-line document mode) it is the name dropped."""
    from helpers import run_rules

    from tqcheck.io.text import parse_text

    source = "Correa parle.\nCorrea assure qu'il ne regrette pas sa décision.\n"
    doc = parse_text("Correa speaks.\nHe says he does not regret his decision.\n", "t.en.txt")
    doc.source = parse_text(source, "s.fr.txt")
    assert [f for f in run_rules(doc) if f.rule == "TQ917"] == []
    doc = parse_text("Correa speaks.\nIt rained.\nIt was late.\nHe says he does not regret his decision.\n", "t.en.txt")
    doc.source = parse_text("Correa parle.\nIl a plu.\nIl était tard.\nCorrea assure qu'il ne regrette pas sa décision.\n",
                            "s.fr.txt")
    assert [(f.line, f.text) for f in run_rules(doc) if f.rule == "TQ917"] == [(4, "He")]


def test_a_place_named_with_its_article_is_read_by_its_row():
    """'à La Havane' gives the name Havane: the rows 'La Havane' (Havana) and 'La Haye' (The Hague) read it,
    as 'Le Cap' does not read 'Cap', a French word."""
    from tqcheck.text.places import place_kinds
    from tqcheck.text.swaps import SourceSegment

    havana, = SourceSegment("Les autorités consulaires à La Havane essaient de le joindre.").all_names
    assert havana.phrases == ("Havana",) and place_kinds(havana) == {"city"}
    hague, = SourceSegment("La Cour siège à La Haye.").all_names[-1:]
    assert "hague" in hague.forms
    cape, = SourceSegment("Il est au Cap.").all_names
    assert not place_kinds(cape)
    from tqcheck import api
    report = api.check("The consular authorities in the city are trying to reach him.",
                       source="Les autorités consulaires à La Havane essaient de le joindre.")
    assert [f.rule for f in report.files[0].findings] == ["TQ917"]


ENTITIES_REPLACED = [
    # an entity of fidelity_entities.tsv new to the source, where the source's entity of its kind is lost
    ("Renault a annoncé la fermeture d'une usine.", "Peugeot announced the closure of a plant.", "Peugeot"),
    ("L'Europe doit réagir face à la crise.", "Asia must respond to the crisis.", "Asia"),
    ("Le Kremlin a démenti ces informations.", "The Elysee denied the reports.", "Elysee"),
    ("Le Hamas a revendiqué l'attaque.", "Hezbollah claimed the attack.", "Hezbollah"),
    ("La Seine a débordé à Paris.", "The Loire overflowed in Paris.", "Loire"),
    ("Selon Le Monde, le ministre va démissionner.", "According to Le Figaro, the minister will resign.", "Le Figaro"),
]
ENTITIES_KEPT = [
    # the same entity in an English form; a name added where the source has none of its kind; another kind
    ("La Tamise a débordé à Londres.", "The Thames overflowed in London."),
    ("Le Kremlin a démenti.", "Moscow denied it."),
    ("Le constructeur a annoncé la fermeture d'une usine.", "Renault announced the closure of a plant."),
    ("L'Europe doit réagir, a dit Renault.", "Europe must respond, Renault said."),
    ("Renault et l'Afrique du Sud ont signé.", "Renault and South Africa signed."),
    ("Le Proche-Orient reste instable, dit Le Monde.", "The Middle East remains unstable, Le Monde says."),
]


@pytest.mark.parametrize("source,translation,new", ENTITIES_REPLACED)
def test_an_entity_replaced_by_another_of_its_kind(source, translation, new):
    from helpers import run_rules

    [f] = run_rules(f"{translation} <<< {source}", select=["TQ917"])
    assert f.text == new and translation[f.column - 1:f.end_column - 1] == new


@pytest.mark.parametrize("source,translation", ENTITIES_KEPT)
def test_entities_carried_added_or_of_another_kind_are_not_replacements(source, translation):
    from helpers import run_rules

    assert run_rules(f"{translation} <<< {source}", select=["TQ917"]) == []


@pytest.mark.parametrize("source,translation,description", [
    ("Le groupe Renault a annoncé la fermeture de l'usine.", "The group announced the closure of the plant.", "The group"),
    ("Selon l'ONG Human Rights Watch, 20 civils ont été tués.", "According to the NGO, 20 civilians were killed.", "the NGO"),
    ("Renault a annoncé la fermeture de l'usine.", "The carmaker announced the closure of the plant.", "The carmaker"),
    ("Selon Le Monde, le ministre va démissionner.", "According to the newspaper, the minister will resign.", "the newspaper"),
])
def test_an_entity_dropped_for_a_description_of_its_kind(source, translation, description):
    from helpers import run_rules

    [f] = run_rules(f"{translation} <<< {source}", select=["TQ917"])
    assert f.text == description and "'the" not in f.message[:1] and "name it" in f.message


@pytest.mark.parametrize("text", [
    # the name kept, the description rendering the source's noun, a name in capitals, an anaphor
    "The Renault group announced the closure. <<< Le groupe Renault a annoncé la fermeture.",
    "Renault said the group would close the plant. <<< Renault a dit que le groupe fermerait l'usine.",
    "At the Association's general meeting, Rajchl spoke. <<< À l'Assemblée générale de l'association, Rajchl a parlé.",
    "Renault will close a plant. <<< Renault va fermer une usine.\\nThe group said so on Monday. <<< Le groupe Renault "
    "l'a dit lundi.",
])
def test_entities_named_or_rendered_are_not_dropped(text):
    from helpers import run_rules

    assert run_rules(text, select=["TQ917"]) == []


@pytest.mark.parametrize("source,translation,flagged", [
    ("L'Otan a tenu un sommet à Bruxelles.", "The UN held a summit in Brussels.", ["UN"]),
    ("Le FMI a prêté 2 milliards.", "The WTO lent 2 billion.", ["WTO"]),
    # the same organisation in English, spelled out, or the source's own acronym; a new one beside the kept one
    ("L'ONU et le FMI se sont réunis.", "The United Nations and the IMF met.", []),
    ("L'Otan a tenu un sommet.", "The North Atlantic Treaty Organization held a summit.", []),
    ("L'Organisation mondiale de la santé a parlé.", "The WHO spoke.", []),
    ("Le FMI a parlé.", "The IMF and the EU spoke.", []),
    ("Le PIB a reculé, selon l'OCDE.", "GDP fell, according to the OECD.", []),
])
def test_an_organisations_acronym_replaced_by_another(source, translation, flagged):
    from helpers import run_rules

    assert [f.text for f in run_rules(f"{translation} <<< {source}", select=["TQ917"])] == flagged


def test_a_word_of_a_longer_name_gives_it_no_kind():
    from tqcheck.text.crossnames import source_names
    from tqcheck.text.entities import entity_kinds

    kinds = {n.text: entity_kinds(n) for n in source_names("Hier, la Croix-Rouge et Le Monde, puis la Coupe du Monde.")}
    assert kinds == {"Croix-Rouge": {"organisation"}, "Monde": {"media"}, "Coupe du Monde": set()}
