"""TQ912: a name of the source (person, place, organisation) that the translation lost;
TQ917: a name of the source that the translation replaced by another.

The source's names and whether a text carries them over are read by
``tqcheck.text.crossnames``; names swapped for others by ``tqcheck.text.swaps``.
"""
from __future__ import annotations

from ...model import Document, Severity
from ...registry import DocumentRule, Rule, register
from ...text.consistent import consistent_swaps
from ...text.crossnames import CapitalisedWords, SourceName, carried, source_names
from ...text.dropped import ANAPHOR_SEGMENTS, dropped_names
from ...text.entities import entities_dropped, entities_swapped
from ...text.nearnames import near_names
from ...text.sentences import article_pairs
from ...text.spans import strip_span
from ...text.swaps import Story, swapped_names


@register
class SourceNameMissing(DocumentRule):
    """A name of the source (person, place, organisation) that the translation lost.

    Runs of capitalised words of the French source are names; a name is
    carried over when one of its words appears in the translation under the
    same transliteration key as TQ501's (Hachd = Hashd, Mouhandis = Muhandis),
    in an English form from untranslated_exonyms.tsv (Bagdad = Baghdad) or
    fidelity_name_forms.tsv (Etats-Unis = US, United States or Washington;
    Français = French), or sharing all but its ending (Américains = Americans,
    Irakiens = Iraqis). Dropping a first name ("Qassem Soleimani" ->
    "Soleimani") is not a loss.

    A name is only required when the English side confirms that it is one and
    that it stays: with references, every reference has it as a capitalised
    word (so translated institutions, "Affaires étrangères", "Premier
    ministre", and names a translator may drop are never required); without
    references, the translation itself keeps the name's own spelling,
    capitalised, in another segment (a name MT carries over verbatim).
    Scraping-debris lines are left to TQ804.

    Flag: Soleimani was killed at the airport. ||| Qassem Soleimani was killed at Baghdad airport. <<< Qassem Soleimani a été tué à l'aéroport de Bagdad.
    Flag: The general was killed in Baghdad. <<< Le général Soleimani a été tué à Bagdad.\\nThe Hashd mourned Soleimani. <<< Le Hachd a pleuré Soleimani.
    Okay: Soleimani was killed at Baghdad airport. ||| Qassem Soleimani was killed at Baghdad airport. <<< Qassem Soleimani a été tué à l'aéroport de Bagdad.\\nAbu Mahdi al-Muhandis was with him. ||| Abu Mahdi al-Muhandis was with him. <<< Abou Mehdi al-Mouhandis était avec lui.
    Okay: The Iraqis and the Americans met in the United States. ||| Iraqis and Americans met in the US. <<< Les Irakiens et les Américains se sont réunis aux Etats-Unis.
    Okay: Foreign ministers met the prime minister. ||| The foreign ministers met the prime minister. <<< Les ministres des Affaires étrangères ont rencontré le Premier ministre.
    Okay: The Security Council met and the White House denied it. <<< Le Conseil de sécurité s'est réuni et la Maison-Blanche a démenti.
    """

    code = "TQ912"
    opt_in = True
    name = "source-name-missing"
    category = "accuracy/omission"
    severity = Severity.MAJOR
    data_files = (
        "untranslated_exonyms.tsv", "fidelity_name_forms.tsv", "fidelity_names_distinct.tsv",
        "names_distinct.tsv", "crossnames_french_titles.txt", "crossnames_common_nouns.txt", "untranslated_foreign_markers.txt",
    )
    needs = frozenset({"source"})

    def feed(self, window, ctx):
        if window.references:  # the references decide, segment by segment
            for i, seg, src in article_pairs(window):
                lost = []
                for name in source_names(src):
                    if not carried(name, seg.text):
                        witness = self._in_references(window, i, name)
                        if witness is not None:
                            lost.append(f"'{name.text}' ({witness})")
                yield from self._report(window, seg, lost)
            return
        # Without references, the translation's own capitalised words decide, in any segment of
        # the document: index them, and keep the names not carried until the last window.
        state = ctx.state(self)
        index = state.setdefault("capitalised", CapitalisedWords())
        index.add(window.segments)
        pending = state.setdefault("pending", [])
        for _, seg, src in article_pairs(window):
            missing = [name for name in source_names(src) if not carried(name, seg.text)]
            if missing:
                pending.append((seg, missing))

    def end(self, doc, ctx):
        state = ctx.state(self)
        index = state.get("capitalised")
        for seg, missing in state.get("pending", []):
            lost = []
            for name in missing:
                hit = index.first_elsewhere(name.own, seg.index - 1)
                if hit:
                    line, word = hit
                    lost.append(f"'{name.text}' (this translation keeps it as '{word}' on line {line})")
            yield from self._report(doc, seg, lost)

    def _report(self, doc, seg, lost):
        if lost:  # one finding per segment: the span is the whole segment
            start, end = strip_span(seg.text)
            names = "name " + lost[0] if len(lost) == 1 else "names " + ", ".join(dict.fromkeys(lost))
            yield self.finding(
                doc, seg, start, end,
                f"the source's {names} {'is' if len(lost) == 1 else 'are'} missing from the translation "
                "in every spelling and English form: possible omission",
            )

    @staticmethod
    def _in_references(window: Document, i: int, name: SourceName) -> str | None:
        """Why the name must appear (every reference has it), or None when it need not."""
        found = [carried(name, ref.segments[i].text, capitalised=True) for ref in window.references]
        if all(found):
            return "the reference has '" + "', '".join(dict.fromkeys(found)) + "'"
        return None


@register
class SourceNameReplaced(Rule):
    """A name of the source replaced by another name in the translation (Castex -> Lemaire, Prague -> Damascus).

    MT and careless editing swap one name for another, and the sentence still
    reads well. Reported only with evidence on both sides: the source's name is
    missing from the translation in every spelling and English form, and the
    translation has, in its place, a name the source has in no form and that is
    no spelling of the lost one (Mursi for Morsi is a spelling; Hernandez for
    Hollande, a spelling English writes too, is not). Four shapes:
    a first name kept with another surname after it ("Jean Lemaire" for "Jean
    Castex"); a title before a surname the source lacks ("Mr Dwyer" for
    "M. Englund"; fidelity_english_titles.txt); a country or city
    (fidelity_places.tsv) the source lacks, where a place of the same kind of
    the source is lost, or kept only as a demonym less often than the source
    has it ("Berlin" rendered "Germany" is a metonymy, left alone);
    and, within one story (document), a name the translation writes in other
    segments (a place in any of its forms) but lost here, while this segment has a name found
    nowhere in the story's source and rendering no word of the source ("Ament's film"
    in a review that names Affleck throughout; "the Patel clan" wherever the source
    has "le clan Piromalli"). A fifth, for names alike in their letters: a person's
    surname replaced by a name as alike as Castro is to Castex, Monk to Monti or
    Kerry to Kelly, with other consonants (text/nearnames.py: transliterations keep
    their consonants, Ioutchenko and Yushchenko); the person is a given name and
    a surname in the segment, or a surname the story's source writes after a
    given name ("Monti" after "Mario Monti"). A sixth, over a story: a person's
    surname the source names in two segments or more (and once after another
    name, Ben Affleck) that the translation writes nowhere in the story, the same
    other name standing in its place each time, alike in some of its letters
    ("Kadlec" wherever the source has "Affleck"; text/consistent.py).
    A seventh, for the other entities of news copy (text/entities.py,
    fidelity_entities.tsv: world regions, companies, media, organisations,
    parties, seats of power, rivers and seas): one of the table new to the
    source where the source's entity of the same kind is lost ("Peugeot" for
    "Renault", "Asia" for "l'Europe", "The Elysee" for "Le Kremlin"), unless the
    two share a word ("North and South America") or the source writes it as an
    acronym ("l'UE" for the European Union); an organisation's acronym new to
    the source where the source's is lost ("the UN" for "l'Otan"; not "the
    United Nations" for "l'ONU"); or dropped for a description of
    its kind ("the group" for "le groupe Renault", "the carmaker" for "Renault").
    A name dropped for a description counts too (text/dropped.py): "the
    country" for "la Libye", "He" for the person the source starts with, a title
    left where the name was ("the professor" for "le professeur Eastwood", "the
    administration" for "l'administration Obama"), a given name left without
    its surname ("Larry" for "Larry Hagman"; not for a surname that is a given
    name too, Saddam Hussein, nor where the source uses the given name alone).
    Names translated into their English forms are not replacements
    (Allemagne = Germany, Tchèques = Czechs). Measured (benchmarks/accuracy.py, with
    --src, labelled): 3 findings on 6,003 professional newstest segments (one a
    translator's slip, Remkov for Vladimír Remek; two false), 1 on 7,881
    post-edited ones (real), 1 on 7,881 Google segments (false: a Hungarian
    foundation's name translated word for word) and 16 on 7,881 Bing segments, all
    real (Bayón -> Banerjee, Piromalli -> Patel). A name the source mistypes with
    letters alike in print (Smimov for Smirnov: rn, m) is the same name.

    Flag: The decree was signed by Jean Lemaire on Monday. <<< Le décret a été signé lundi par Jean Castex.
    Flag: The festival takes place in Damascus and Pardubice. <<< Le festival a lieu à Prague et à Pardubice.
    Flag: "It was a fact," Mr Dwyer said. <<< « C'était un fait », a déclaré M. Englund.
    Flag: Voices are coming from Afghanistan. <<< Des voix viennent d'Allemagne.
    Flag: When an official criticises Britain, you hear it in the Mexican press. <<< Quand un officiel critique le Mexique, on l'entend dans la presse mexicaine.
    Flag: First, the Museum of Estonia, near the Knesset. <<< Tout d'abord, le Musée d'Israël, près de la Knesset.
    Flag: Nicolas Sebregondi was criticised. <<< Nicolas Sarkozy a été critiqué.
    Flag: Mario Marcotte asked the markets for time. <<< Mario Monti a réclamé du temps aux marchés.
    Flag: In his programme, François Hernandez confines himself to banalities. <<< Dans son programme, François Hollande se cantonne à des banalités.
    Okay: President Viktor Yanukovych signed. <<< Le président Viktor Ianoukovitch a signé.
    Flag: Hélène Crosby's hopes were already slim. <<< Les espérances d'Hélène Richard étaient déjà minimes.
    Flag: along with Sens. John Makelele and Joseph Lieberman <<< avec les sénateurs John McCain et Joseph Lieberman
    Flag: He wants to partner with the United Kingdom and Canada. <<< Il souhaite s'allier aux États-Unis et au Canada.
    Flag: Vienna-based Deutsche Bank will pay. <<< La banque de Francfort paiera.
    Okay: The decree was signed by Jean Castex on Monday. <<< Le décret a été signé lundi par Jean Castex.
    Flag: Prime Minister Castro announced new measures. <<< Le Premier ministre Jean Castex a annoncé de nouvelles mesures.
    Flag: warned Xavier Bertin on RTL on Sunday <<< a averti Xavier Bertrand au micro de RTL, dimanche
    Okay: Prime Minister Castex announced new measures. <<< Le Premier ministre Jean Castex a annoncé de nouvelles mesures.
    Okay: Raoul Khadzhimba won the election, and the Saudis refused. <<< Raoul Khadjimba a gagné l'élection, et les Saoudiens ont refusé.
    Okay: He wants to partner with the United States and Canada. <<< Il souhaite s'allier aux États-Unis et au Canada.
    Okay: Frankfurt-based Deutsche Bank will pay. <<< La banque de Francfort paiera.
    Flag: Rescuing Slovakia would be too much. <<< Sauver l'Italie serait trop.
    Flag: Warsaw is worried by the links. <<< Paris s'inquiète des liens.
    Flag: those who leave the state to work in the Philippines <<< ceux qui quittent l'État pour travailler aux États-Unis
    Okay: Rescuing Italy would be too much, and Paris is worried. <<< Sauver l'Italie serait trop, et Paris s'inquiète.
    Flag: the World's Fair in Washington won prizes, became a museum in Vienna <<< l'exposition universelle de Bruxelles a remporté des prix, a été un musée à Vienne
    Okay: Washington and Paris disagree, George Washington's heirs say. <<< Les États-Unis et la France sont en désaccord, disent les héritiers de George Washington.
    Flag: "It was a fact," he said. <<< « C'était un fait », a déclaré M. Englund.
    Flag: Critics of the country hear it in the press. <<< Les critiques du Mexique l'entendent dans la presse.
    Okay: They defend the status of the country as the country of French human rights. <<< Ils défendent le statut de pays des droits de l'homme de la France.
    Flag: The picture shows the route, the official said. <<< La photo montre le trajet, a dit Geiger.
    Okay: The official list shows the route, said Geiger. <<< La liste officielle montre le trajet, a dit Geiger.
    Flag: The attacks against the man increase as the election nears. <<< Les attaques contre Obama augmentent à l'approche des élections.
    Okay: The attacks against the man increase as the election nears. <<< Les attaques contre l'homme augmentent à l'approche des élections.
    Okay: Critics of the country hear it in Mexico. <<< Les critiques du pays l'entendent au Mexique.
    Flag: The country was the first to vote. <<< La Géorgie a été la première à voter.
    Okay: Georgia was the first to vote. <<< La Géorgie a été la première à voter.
    Flag: The Algerian minister said the city is now certain. <<< Le ministre algérien a affirmé qu'Alger en est désormais certain.
    Okay: The Algerian minister said Algiers is now certain. <<< Le ministre algérien a affirmé qu'Alger en est désormais certain.
    Flag: Czech tourists leave the country. <<< Des touristes tchèques partent de la République tchèque.
    Okay: Czech tourists leave the Czech Republic. <<< Des touristes tchèques partent de la République tchèque.
    Flag: Tourists love the old baths there. <<< Les touristes adorent les vieux bains de Budapest.
    Okay: Tourists love the old baths there. <<< Les touristes adorent les vieux bains là-bas.
    Okay: There are old baths in Budapest. <<< Il y a de vieux bains à Budapest.
    Flag: He is a Swedish historian and journalist. <<< Peter Englund est un historien et journaliste suédois.
    Okay: He is a Swedish historian and journalist. <<< Il est un historien et journaliste suédois.
    Okay: Englund is a Swedish historian and journalist. <<< Peter Englund est un historien et journaliste suédois.
    Flag: His film lacks dramatic tension. <<< Le film d'Affleck manque de tension dramatique.
    Flag: On a recent trip to the city, I got lost. <<< Lors d'un récent voyage à Mexico, je me suis perdu.
    Okay: On a recent trip to Mexico City, I got lost. <<< Lors d'un récent voyage à Mexico, je me suis perdu.
    Flag: The president's daughter ran for governor. <<< La fille du président Calderon s'est présentée au poste de gouverneur.
    Okay: "It was a fact," Mr Englund said. <<< « C'était un fait », a déclaré M. Englund.
    Flag: The prime minister warned that there was no alternative. <<< Le Premier ministre, Antonis Samaras, a averti qu'il n'y avait pas d'autre solution.
    Okay: The prime minister, Samaras, warned that there was no alternative. <<< Le Premier ministre, Antonis Samaras, a averti qu'il n'y avait pas d'autre solution.
    Okay: No alternative. <<< Le Premier ministre, Antonis Samaras, a averti qu'il n'y avait pas d'autre solution.
    Okay: President Viktor Yushchenko was poisoned. <<< Le président Victor Ioutchenko a été empoisonné.
    Okay: Mario Monti asked the markets for a few months. <<< Mario Monti a réclamé quelques mois aux marchés.
    Okay: the president , viktor yushchenko , was poisoned . <<< Le président, Victor Ioutchenko, a été empoisonné.
    Okay: the Biztos Bridge foundation and the First Christmas fair <<< la fondation Biztos Pont et la foire First Noël
    Okay: Voices are coming from Germany and from Washington. <<< Des voix viennent d'Allemagne et des Etats-Unis.
    Okay: A professor in the US spoke of the poor in Brazil. <<< Un professeur aux États-Unis a parlé des pauvres du pays.
    Okay: First, the Israel Museum, near the Knesset. <<< Tout d'abord, le Musée d'Israël, près de la Knesset.
    Okay: Germany said no, and President Mohamed Mursi agreed. <<< Berlin a dit non, et le président Mohamed Morsi était d'accord.
    Okay: It is not between people from Bohemia and Moravia. <<< Ce n'est pas entre Tchèques et Moraves.
    Okay: She was crowned Miss Universe, said the Attorney General. <<< Elle a été couronnée Miss Mondial, a dit le procureur général.
    Flag: The professor agreed. <<< Le professeur Eastwood est d'accord sur ce point.
    Okay: Professor Eastwood agreed. <<< Le professeur Eastwood est d'accord sur ce point.
    Flag: He advised the administration on drugs. <<< Il a conseillé l'administration Obama sur la drogue.
    Okay: He advised the Obama administration on drugs. <<< Il a conseillé l'administration Obama sur la drogue.
    Flag: Actor Larry dies <<< Mort de l'acteur Larry Hagman
    Okay: Actor Hagman dies <<< Mort de l'acteur Larry Hagman
    Okay: Some see Saddam as a dictator. <<< Une partie considère Saddam Hussein comme un dictateur.
    Flag: The film is by Ben Kadlec. <<< Le film est de Ben Affleck.\\nKadlec's film is unusual. <<< Le film d'Affleck est insolite.
    Okay: The Carlsbad region is green. <<< La région de Karlovy Vary est verte.\\nThe hotels of Carlsbad are full. <<< Les hôtels de Karlovy Vary sont pleins.
    Okay: The signatories were Anatoly Smirnov and Juri Rosljak. <<< Les signataires étaient Anatoly Smimov et Juri Rosljak.
    Flag: Peugeot announced the closure of a plant, and Asia must respond. <<< Renault a annoncé la fermeture d'une usine, et l'Europe doit réagir.
    Flag: The UN held a summit in Brussels. <<< L'Otan a tenu un sommet à Bruxelles.
    Okay: The United Nations and the IMF met. <<< L'ONU et le FMI se sont réunis.
    Flag: According to the NGO, the group announced the closure. <<< Selon l'ONG Human Rights Watch, le groupe a annoncé la fermeture.
    Okay: The Thames overflowed, Renault said, in Western and Southern Europe. <<< La Tamise a débordé, a dit le constructeur, en Europe occidentale et méridionale.
    """

    code = "TQ917"
    name = "source-name-replaced"
    category = "accuracy/mistranslation"
    severity = Severity.MAJOR
    data_files = ("fidelity_places.tsv", "fidelity_places_source.tsv", "fidelity_english_titles.txt", "untranslated_exonyms.tsv",
                  "fidelity_name_forms.tsv", "crossnames_common_nouns.txt", "fidelity_person_titles.txt",
                  "fidelity_name_heads.txt", "crossnames_french_titles.txt", "names_first.txt", "places_demonyms.tsv",
                  "fidelity_entities.tsv")
    needs = frozenset({"source"})

    def check(self, doc, ctx):
        stories: dict[int, list[int]] = {}  # the segments of each document (story) of the window
        for i, seg in enumerate(doc.segments):
            stories.setdefault(seg.doc, []).append(i)
        contexts = {n: Story([doc.source.segments[i].text for i in idx], [doc.segments[i].text for i in idx])
                    for n, idx in stories.items()}
        place = {i: k for idx in stories.values() for k, i in enumerate(idx)}  # a segment's number in its story
        replaced = {n: consistent_swaps(story) for n, story in contexts.items()}  # read once per story
        for i, seg, _ in article_pairs(doc):
            before = [doc.segments[k].text for k in range(max(0, i - ANAPHOR_SEGMENTS), i)
                      if doc.segments[k].doc == seg.doc]
            story = contexts[seg.doc]
            read = story.segments[place[i]]  # the source segment, its names read once for every shape
            swaps = swapped_names(read, seg.text, story) or entities_swapped(read, seg.text) or near_names(read, seg.text, story)
            swaps = swaps or dropped_names(read, seg.text, before) or entities_dropped(read, seg.text, before)
            swaps = swaps or replaced[seg.doc].get(place[i], [])
            for swap in swaps:
                if swap.kind == "dropped" and swap.end - swap.start < len(seg.text.strip()):
                    message = (f"'{swap.text}' stands for the source's '{swap.source}', which the translation names in no "
                               "spelling or English form: name it")
                elif swap.kind == "surname":
                    message = (f"the source names '{swap.source}', and the translation has '{swap.text}' without the "
                               "surname in any spelling: the surname seems dropped, replaced by a description, or "
                               "translated as a word")
                elif swap.kind == "near":
                    message = (f"'{swap.text}' is not in the source, and the source's '{swap.source}', spelled alike "
                               "but with other consonants, is missing from the translation in every spelling and "
                               "English form: the name seems replaced by another")
                elif swap.kind == "dropped":
                    message = (f"the source names '{swap.source}', and the translation has the name in no spelling or "
                               "English form: it seems dropped, or replaced by a pronoun or a description")
                elif swap.kind == "consistent":
                    message = (f"'{swap.text}' is not in the story's source, and the source's '{swap.source}', named "
                               f"here and elsewhere in the story, is in no spelling or English form anywhere in its "
                               f"translation, '{swap.text}' standing in its place each time: the name seems replaced")
                else:
                    message = (f"'{swap.text}' is not in the source, and the source's '{swap.source}' is missing from "
                               f"the translation in every spelling and English form: the "
                               f"{'place' if swap.kind == 'place' else 'name'} seems replaced by another")
                yield self.finding(doc, seg, swap.start, swap.end, message)
