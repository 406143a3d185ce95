"""A class of offers said absent as a whole: the city on no social network, an office's online services."""

from __future__ import annotations

import pytest

from extractors import online_services, social_media
from extractors.class_absence import class_absences_of
from extractors.patterns import load_patterns
from sci.errors import DataError
from tests.extractors.detect_helpers import DATA
from tests.extractors.web_helpers import page, run, vals

NETWORKS = {f"social_media.{n}" for n in ("facebook", "twitter", "instagram", "youtube", "mastodon")}
VEHICLE = {"online_services.vehicle_registration", "online_services.vehicle_deregistration"}


@pytest.mark.parametrize("sentence", [
    "Die Gemeinde ist in keinem sozialen Netzwerk vertreten.",
    "Man biete Kontaktformulare an, habe aber kein Konto in den sozialen Netzwerken.",
    "Die Stadt verzichtet bewusst auf einen Auftritt in den sozialen Medien.",
    "Für die Verwaltung wolle man keine sozialen Netzwerke nutzen, sagte der Sprecher.",
    "Einen eigenen Social-Media-Kanal hat die Stadtverwaltung nicht; sie informiert im Amtsblatt.",
])
def test_the_class_denied_denies_every_network(sentence: str) -> None:
    found = run(social_media, page(f"<p>{sentence}</p>"))
    assert {f.parameter for f in found} == NETWORKS
    assert all(f.value is False and f.rule == "absent@class" and sentence[:20] in f.snippet for f in found)


@pytest.mark.parametrize("sentence", [
    # a network named is that network's statement, not the class's
    "Die Stadt ist nur auf Facebook, in anderen sozialen Netzwerken ist sie nicht vertreten.",
    # posts, not accounts; the visitor; other bodies; a relative clause about people
    "In keinem der beiden sozialen Netzwerke hat die Stadt bisher einen Beitrag veröffentlicht.",
    "Niemand muss soziale Netzwerke nutzen, um an städtische Informationen zu kommen.",
    "Für alle, die keine sozialen Medien nutzen, gibt es einen Newsletter.",
    "Die App richtet sich an Ältere, die ein Smartphone, aber keine sozialen Netzwerke nutzen.",
    "Viele Kommunen haben noch kein Konto in den sozialen Netzwerken.",
    # the past, a plan, a question
    "Lange wurde bemängelt, dass die Stadt in den sozialen Netzwerken nicht zu finden ist.",
    "Noch ist die Stadt in keinem sozialen Netzwerk vertreten, ein Instagram-Kanal ist aber geplant.",
    "Noch hat die Stadt kein Konto in den sozialen Netzwerken; geplant ist ein Kanal im Herbst.",
    "Warum hat die Stadt kein Konto in den sozialen Netzwerken?",
    "Die Stadt hat einen Social-Media-Kanal, nutzt ihn aber nicht.",
])
def test_what_is_no_denial_of_the_class(sentence: str) -> None:
    assert not [f for f in run(social_media, page(f"<p>{sentence}</p>")) if f.rule == "absent@class"]


def test_an_account_found_outweighs_the_class_denial() -> None:
    body = ("<p>Die Stadt ist in keinem sozialen Netzwerk vertreten.</p>"
            "<footer><a href='https://www.facebook.com/stadtkoeln'>Facebook</a></footer>")
    got = vals(social_media, page(body))
    assert got["social_media.facebook"] is not False and got["social_media.youtube"] is False


@pytest.mark.parametrize("sentence", [
    "Die Zulassungsstelle bietet ihre Online-Leistungen derzeit nicht an.",
    "Das Straßenverkehrsamt bietet derzeit keine Online-Dienste an; bitte kommen Sie vorbei.",
    "Die Online-Dienste der Kfz-Zulassungsstelle sind abgeschaltet.",
])
def test_an_offices_online_services_denied_as_a_whole(sentence: str) -> None:
    found = [f for f in run(online_services, page(f"<h1>Fahrzeuge</h1><p>{sentence}</p>"))
             if f.rule == "absent@class"]
    assert {f.parameter for f in found} == VEHICLE and not any(f.value for f in found)


@pytest.mark.parametrize("sentence", [
    # a maintenance notice with a stated end; other offices in general; a condition; offers named
    "Die Online-Dienste der Zulassungsstelle sind bis zum 12. Mai nicht verfügbar.",
    "Viele Zulassungsstellen bieten keine Online-Dienste an.",
    "Sollten die Online-Dienste der Zulassungsstelle nicht erreichbar sein, rufen Sie an.",
    "Die Zulassungsstelle bietet viele Online-Dienste an.",
])
def test_what_is_no_denial_of_an_offices_services(sentence: str) -> None:
    found = run(online_services, page(f"<h1>Fahrzeuge</h1><p>{sentence}</p>"))
    assert not [f for f in found if f.rule == "absent@class"]


def test_sections_are_read_once_and_a_bad_one_names_the_key() -> None:
    patterns = load_patterns(DATA, social_media.NAME)
    assert class_absences_of(patterns) is class_absences_of(patterns)
    with pytest.raises(DataError) as err:
        class_absences_of({"class_absence": {"parameters": ["x"], "class_regex": "("}})
    assert "class_absence" in str(err.value)
    assert class_absences_of({}) == ()
