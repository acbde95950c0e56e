"""TQ917: a name of the source replaced by another in the translation (tqcheck.text.swaps)."""
import pytest

from tqcheck.text.swaps import swapped_names

REPLACED = [
    # a first name kept, another surname after it
    ("Le décret a été signé lundi par Jean Castex.", "The decree was signed by Jean Lemaire on Monday.", "Lemaire"),
    ("a souligné le président de l'Anmil Pietro Mercandelli.", "said the president of Anmil Pietro Marx.", "Marx"),
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
]

NOT_REPLACED = [
    # the same name, in its own or its English spelling
    ("Le décret a été signé lundi par Jean Castex.", "The decree was signed by Jean Castex on Monday."),
    ("Le président Mohamed Morsi a parlé.", "President Mohamed Mursi spoke."),
    ("avec Abou Mehdi al-Mouhandis", "with Abu Mahdi al-Muhandis"),
    ("Des voix viennent d'Allemagne et des Etats-Unis.", "Voices are coming from Germany and from Washington."),
    ("Le Caire et Moscou ont démenti.", "Cairo and Moscow denied it."),
    ("La Tchéquie a battu la Croatie à Vienne.", "The Czech Republic beat Croatia in Vienna."),
    ("La République tchèque et la Côte d'Ivoire", "The Czech Republic and Ivory Coast"),
    ("Les Suisses ont voté en Suisse.", "The Swiss voted in Switzerland."),
    ("Dominique Strauss-Kahn est arrivé à Mexico.", "Dominique Strauss-Kahn arrived in Mexico City."),
    # a first name alone, a surname alone: the other name is not the replacement
    ("M. Hollande a parlé.", "Mr Hollande spoke, and François agreed."),
    # metonymy, demonyms, translated or dropped names
    ("Berlin a dit non.", "Germany said no."),
    ("Ce n'est pas entre Tchèques et Moraves.", "It is not between people from Bohemia and Moravia."),
    ("Les Français de Pologne", "The French of Poland"),
    ("Il a visité Césarée.", "He visited Caesarea."),
    ("Elle a été couronnée Miss Mondial, a dit le procureur général.",
     "She was crowned Miss Universe, said the Attorney General."),
    ("Le ministre Jean Castex a démissionné.", "The minister resigned, and he left Paris."),
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
