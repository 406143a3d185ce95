"""presence: who is on which network — the predicate in any inflection or case, a bounded back-reference
("dort", "auf der Plattform") and the owner carried from the sentence before, with the owner check in force.
Pages in our own words, written from the ways municipal pages and local news say it."""

from __future__ import annotations

import pytest

from extractors import social_media
from extractors.owner import Judgement
from extractors.presence import back_reference, carried_owner, predicate
from tests.extractors.web_helpers import page, vals

FB, TW, IG, YT = (f"social_media.{n}" for n in ("facebook", "twitter", "instagram", "youtube"))
PRESENCE = {"lemmas": ["vertreten", "erreichbar", "ausspielen", "twittern", "aktiv"],
            "regex": r"(?i)\bzu\s+finden\b",
            "back_regex": r"(?i)\bdort\b|\bauf\s+der\s+Plattform\b",
            "carry_regex": r"\b(?:sie|er)\b|\b(?:wird|werden)\b"}


def test_predicate_reads_inflections_and_capitals():
    assert predicate("Die Stadt vertritt sich selbst auf Facebook", PRESENCE)
    assert predicate("Zu finden ist sie auf Facebook", PRESENCE)
    assert predicate("Die Clips werden auf YouTube ausgespielt", PRESENCE)
    assert not predicate("Die Stadt hat ein Rathaus", PRESENCE)
    assert not predicate("Die Stadt ist auf Facebook", None)


def test_back_reference_and_carry():
    assert back_reference("Dort postet sie Neuigkeiten", PRESENCE) == (0, 4)
    assert back_reference("Sie postet Neuigkeiten", PRESENCE) is None
    city = Judgement("city", "live", owner_cue="Stadt")
    club = Judgement("institution", "live", owner_cue="Verein")
    assert carried_owner("Die Clips werden auf YouTube gezeigt", "Die Stadt dreht Clips.", PRESENCE,
                         lambda _: city) == city
    assert carried_owner("Die Clips werden auf YouTube gezeigt", "Der Verein dreht Clips.", PRESENCE,
                         lambda _: club) is None
    assert carried_owner("Clips auf YouTube", "Die Stadt dreht Clips.", PRESENCE, lambda _: city) is None


@pytest.mark.parametrize("body, param", [
    # the predicate inflected ("erreichbar"), capitalised ("Zu finden"), a passive, a verb of the network
    ("<p>Die Stadtverwaltung Köln ist seit dem Frühjahr auch über Instagram erreichbar.</p>", IG),
    ("<p>Die Stadt Köln ist dem Netzwerk treu. Zu finden ist die Stadt Köln auf Facebook.</p>", FB),
    ("<p>Seit einigen Wochen twittert die Stadt Köln über Baustellen und Sperrungen auf Twitter.</p>", TW),
    # the owner said in the sentence before, the subject left out (a passive) or a pronoun
    ("<p>Die Stadt Köln produziert jede Woche kurze Filme aus dem Rathaus. "
     "Die Clips werden auf YouTube und Instagram ausgespielt.</p>", YT),
    ("<p>Die Stadtverwaltung Köln setzt jetzt auf soziale Medien. "
     "Seit Mai ist sie auf Instagram aktiv.</p>", IG),
    # a bounded back-reference to the network of the sentence before, the city said there
    ("<p>Viele Menschen in Köln nutzen Instagram täglich. "
     "Jetzt ist auch die Stadt Köln dort vertreten.</p>", IG),
    ("<p>Der Oberbürgermeister nutzt Facebook schon länger.</p>"
     "<p>Nun hat auch die Stadt Köln einen eigenen Auftritt auf der Plattform.</p>", FB),
])
def test_presence_of_the_city(body, param):
    got = vals(social_media, page(body))
    assert got.get(param) and got[param] is not False and got[param]["owner"] == "city"


@pytest.mark.parametrize("body, param", [
    # another owner's presence, said or carried
    ("<p>Der Kölner Zoo produziert kurze Filme über seine Tiere. "
     "Die Clips werden auf YouTube ausgespielt.</p>", YT),
    ("<p>Viele Vereine sind auf Instagram aktiv.</p>", IG),
    # "dort" with nobody said to be there, or with another owner
    ("<p>Viele Menschen nutzen Instagram täglich. Dort ist vieles zu finden.</p>", IG),
    ("<p>Viele Menschen nutzen Instagram täglich. Dort ist auch der Sportverein Köln vertreten.</p>", IG),
    # "dort" after a paragraph that named no network, or after a heading
    ("<p>Die Stadt Köln ist auf Facebook vertreten, sagt der Sprecher nicht.</p><h2>Rathaus</h2>"
     "<p>Dort ist die Stadt Köln mit dem Bürgerbüro vertreten.</p>", IG),
])
def test_no_presence_of_the_city(body, param):
    got = vals(social_media, page(body))
    assert not got.get(param)


def test_dort_after_another_bodys_channel_is_that_channel():
    # the channel named before is the tourism company's (excluded): "dort" and "sie" point at it
    body = ("<p>Die städtische Tourismusgesellschaft betreibt den Instagram-Kanal „koeln_erleben“. "
            "Dort teilt sie eigene Bilder der Stadt Köln.</p>")
    assert not vals(social_media, page(body)).get(IG)


def test_hier_after_the_network_with_the_city_said():
    body = ("<p>Seit gestern gibt es eine Seite auf Facebook. Hier informiert die Stadtverwaltung Köln "
            "über Baustellen.</p>")
    assert vals(social_media, page(body))[FB]["owner"] == "city"


def test_dort_goes_on_with_a_plan_told_before():
    body = ("<p>Der Stadtrat hat die Stadtverwaltung Köln beauftragt, einen Auftritt auf Instagram "
            "aufzubauen. "
            "Bis zum Sommer klärt die Stadt Köln, wer den Kanal betreut und was er zeigt.</p>")
    assert not vals(social_media, page(body)).get(IG)
