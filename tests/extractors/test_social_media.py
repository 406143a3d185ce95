"""social_media: the administration's own accounts vs share buttons, posts and institutions' accounts."""

from __future__ import annotations

import pytest

from extractors import social_media
from extractors.base import CityContext
from tests.extractors.web_helpers import corpus_check, page, run, vals

NETWORKS = ("facebook", "twitter", "instagram", "youtube", "mastodon")
FB, TW, IG, YT, MA = (f"social_media.{n}" for n in NETWORKS)


@pytest.mark.parametrize("href, param, handle", [
    ("https://www.facebook.com/stadtkoeln", FB, "stadtkoeln"),
    ("https://x.com/Stadt_Koeln", TW, "Stadt_Koeln"),
    ("https://twitter.com/stadtkoeln/", TW, "stadtkoeln"),
    ("https://www.instagram.com/stadt.koeln/", IG, "stadt.koeln"),
    ("https://www.youtube.com/@stadtkoeln", YT, "@stadtkoeln"),
    ("https://www.youtube.com/user/stadtkoeln", YT, "stadtkoeln"),
    ("https://www.youtube.com/StadtKoeln", YT, "StadtKoeln"),  # the legacy custom URL
    ("https://www.facebook.com/stadtkoln", FB, "stadtkoln"),  # umlaut dropped, not transliterated
    ("https://www.instagram.com/stadt_koeln/?hl=de", IG, "stadt_koeln"),
    ("https://www.facebook.com/stadtkoeln?ref=footer", FB, "stadtkoeln"),
])
def test_city_accounts_by_name(href, param, handle):
    got = vals(social_media, page(f"<p>Neuigkeiten auch auf <a href='{href}'>unserem Kanal</a>.</p>"))
    assert got == {param: {"url": href, "handle": handle}}


def test_official_listing_vouches_for_handles_without_the_name():
    body = ("<p>Folgen Sie der Stadtverwaltung auf ihren offiziellen Kanälen:</p>"
            "<ul><li><a href='https://x.com/StadtOS'>X</a></li></ul>")
    [f] = run(social_media, page(body), city=CityContext("03404000", "Osnabrück", ("osnabrueck.de",)))
    assert f.parameter == TW and f.value["handle"] == "StadtOS" and 0.8 <= f.confidence < 0.88
    assert f.locator.endswith("> a") and "X" in f.snippet and f.url.startswith("https://www.stadt-koeln.de")


def test_opaque_channel_id_needs_the_official_listing():
    link = "<a href='https://www.youtube.com/channel/UCkoelnStadtVerwaltung01'>YouTube</a>"
    assert vals(social_media, page(f"<p>Videos: {link}</p>")) == {}
    got = vals(social_media, page(f"<p>Unsere offiziellen Kanäle:</p><ul><li>{link}</li></ul>"))
    assert got[YT]["handle"] == "UCkoelnStadtVerwaltung01"


def test_rel_me_and_mastodon_instances():
    body = ("<p><a rel='me' href='https://social.example.org/@koeln'>Fediverse</a> "
            "<a href='https://mastodon.social/@stadtkoeln'>Toots</a></p>")
    found = run(social_media, page(body))
    assert {f.value["url"] for f in found if f.parameter == MA} == {
        "https://social.example.org/@koeln", "https://mastodon.social/@stadtkoeln"}


@pytest.mark.parametrize("body", [
    "<p><a href='https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fstadt-koeln.de'>Teilen</a>"
    "<a href='https://twitter.com/intent/tweet?url=x'>Twittern</a><a href='https://x.com/share?url=x'>X</a></p>",
    "<p>Das Video: <a href='https://www.youtube.com/watch?v=abc123def45'>ansehen</a>, "
    "<a href='https://www.instagram.com/p/Cx1AbCdEfGh/'>Beitrag</a>, "
    "<a href='https://www.instagram.com/explore/tags/koeln/'>#koeln</a></p>",
    "<p>Folgen Sie dem Kölner Zoo auf <a href='https://www.instagram.com/koelnerzoo/'>Instagram</a>.</p>",
    "<p>Die Stadtwerke auf <a href='https://www.facebook.com/stadtwerkekoeln'>Facebook</a>.</p>",
    "<p>Folgen Sie uns: <a href='https://www.facebook.com/koelntourismus'>Köln Tourismus</a></p>",
    "<p>Oberbürgermeisterin Henriette Reker auf <a href='https://www.instagram.com/henriettereker/'>Instagram</a></p>",
    "<p>Die SPD-Fraktion im Rat auf <a href='https://www.facebook.com/spdkoeln'>Facebook</a>.</p>",
    "<p>Der Historiker schreibt auf <a href='https://medium.com/@koelnhistorie'>Medium</a>.</p>",
    "<p>Die Stadt Bonn ist jetzt auf <a href='https://www.instagram.com/stadt.bonn/'>Instagram</a>.</p>",
    "<p>Ein Fan-Account: <a href='https://www.instagram.com/koeln_fotos_123/'>Fotos</a>.</p>",
    # YouTube's own one-segment pages are no legacy channel URL
    "<p>Videos der Stadt Köln: <a href='https://www.youtube.com/playlist?list=PLkoeln123'>Playlist</a>, "
    "<a href='https://www.youtube.com/results?search_query=stadt+koeln'>Suche</a></p>",
])
def test_traps(body):
    assert vals(social_media, page(body)) == {}


def test_leftover_affix_only_counts_as_name():
    # "swk.kaiserslautern" names the city but the leftover "swk" is the utility, not an affix.
    kl = CityContext("07312000", "Kaiserslautern", ("kaiserslautern.de",))
    body = "<p>Aktuelles zu Bus und Energie bei der <a href='https://www.facebook.com/swk.kaiserslautern'>SWK</a>.</p>"
    assert vals(social_media, page(body), "https://www.kaiserslautern.de/x", kl) == {}


@pytest.mark.parametrize("sentence, param", [
    ("Auf Instagram ist die Stadtverwaltung nicht vertreten.", IG),
    ("Unseren Account bei X (ehemals Twitter) haben wir stillgelegt.", TW),
    ("Einen eigenen YouTube-Kanal betreibt die Stadt Köln nicht.", YT),
    ("Auf Facebook ist die Stadt nicht mehr aktiv.", FB),
])
def test_negative_statements(sentence, param):
    [f] = run(social_media, page(f"<p>{sentence}</p>"))
    assert (f.parameter, f.value) == (param, False) and sentence[:20] in f.snippet


def test_nichts_is_no_negation_and_an_invitation_names_the_channels():
    got = vals(social_media, page("<p>Folgen Sie uns auf Facebook und Instagram – verpassen Sie nichts!</p>"))
    assert set(got) == {FB, "social_media.instagram"} and all(v["owner"] == "city" for v in got.values())


@pytest.mark.parametrize("sentence", [
    "Der Zoo ist auf Instagram nicht vertreten.",
    "Wir sind auf Xing nicht aktiv.",
])
def test_statement_traps(sentence):
    assert vals(social_media, page(f"<p>{sentence}</p>")) == {}


def test_single_page_mode_guesses_the_name_from_the_domain():
    body = "<p><a href='https://www.facebook.com/stadtkoeln'>Facebook</a></p>"
    assert FB in vals(social_media, page(body), city=None)


@pytest.mark.parametrize("slug", [
    "b01-koeln-soziale-medien", "b02-darmstadt-mastodon-statt-x", "b03-heidelberg-pressemitteilung-share",
    "b04-kaiserslautern-kein-youtube", "b05-salzgitter-kontakt-tabelle", "b06-osnabrueck-fraktionen",
    "b07-muenchen-tourismus-kanaele", "b08-bremen-videos", "b09-hamburg-footer-rel-me",
    "b10-dresden-blog-medium",
    "b11-leipzig-nachbarstadt-instagram", "b12-nuernberg-ob-privat", "b13-essen-staedtische-gesellschaften",
    "b14-stuttgart-instagram-post", "b47-muenster-footer-icons", "b48-dortmund-youtube-c",
    "b53-krefeld-keine-netzwerke",
])
def test_corpus_pages(slug):
    got, facts = corpus_check(social_media, slug)
    assert got == facts


def test_one_sentence_denies_several_networks():
    got = vals(social_media, page("<p>Die Stadt ist auf Facebook, Instagram und X nicht vertreten.</p>"))
    assert got == {FB: False, IG: False, TW: False}
    xing = page("<p>Die Stadt ist auf Facebook und Xing nicht vertreten.</p>")
    assert vals(social_media, xing) == {FB: False}


@pytest.mark.parametrize("sentence, param", [
    ("Der Instagram-Kanal der Stadt Köln hat inzwischen 1.400 Follower.", "social_media.instagram"),
    ("Neuigkeiten aus dem Rathaus gibt es auch in unserem YouTube-Kanal.", "social_media.youtube"),
    ("Daneben ist die Stadt auf Instagram (@stadtkoeln) vertreten.", "social_media.instagram"),
    # uploading is posting (a town's new channel: "… bei Youtube hochgeladen")
    ("Fünf Videos hat die Stadtverwaltung inzwischen bei Youtube hochgeladen.", "social_media.youtube"),
])
def test_channels_named_in_prose(sentence, param):
    value = vals(social_media, page(f"<p>{sentence}</p>"))[param]
    assert value["owner"] == "city" and "url" not in value


@pytest.mark.parametrize("sentence", [
    "Die städtische Tourismusgesellschaft betreibt den Instagram-Kanal „visit_koeln“.",
    "Auf ihrem Instagram-Kanal zeigt die Stadtbücherei ihr Haus.",
    "Das Instagram-Profil „@koeln“ wird nicht von der Stadt Köln betrieben, es ist ein Fan-Konto.",
    "Fotos anderer Instagrammer teilt die Stadt gern.",
])
def test_channels_of_others_are_not_the_citys(sentence):
    got = vals(social_media, page(f"<p>{sentence}</p>"))
    assert got.get("social_media.instagram") in (None, False)


@pytest.mark.parametrize("sentence", [
    "Unbekannte haben den Instagram-Kanal der Stadt gehackt und posten dort Werbung.",
    "Dort wird behauptet, der Kanal sei ein offizieller Support-Account von Instagram.",
    "Melden Sie verdächtige Beiträge bitte direkt bei Instagram.",
])
def test_hijacked_claimed_or_reported_accounts_say_nothing(sentence):
    assert vals(social_media, page(f"<p>{sentence}</p>")).get(IG) is None


def test_an_impostor_profile_says_nothing_about_the_citys_account():
    body = "<p>Achtung: Ein gefälschtes Instagram-Profil gibt sich als Stadtverwaltung aus.</p>"
    assert vals(social_media, page(body)).get(IG) is None


def test_explainer_videos_on_the_citys_channel():
    # "Erklärvideos" are what the channel publishes, not an explanation of the concept
    body = "<p>Auf dem YouTube-Kanal der Stadt veröffentlichen wir Erklärvideos zu Bürgerdiensten.</p>"
    assert vals(social_media, page(body)).get(YT) not in (None, False)


ICONS = ("<footer><ul class='social'><li><a href='https://www.facebook.com/HanauerLeben' title='Facebook'>"
         "<i class='fa-brands fa-facebook-f'></i></a></li><li><a href='https://instagr.am/stadthanau'>"
         "<svg class='icon-instagram'></svg></a></li></ul><p>Impressum</p></footer>")
HANAU = CityContext("06435014", "Hanau", ("hanau.de",))


def test_footer_icons_of_the_citys_own_site_are_its_accounts():
    html = f"<html><body><main><h1>Aktuelles</h1><p>Text.</p></main>{ICONS}</body></html>"
    got = vals(social_media, html, url="https://www.hanau.de/aktuelles", city=HANAU)
    assert got[FB]["handle"] == "HanauerLeben"
    assert got[IG]["handle"] == "stadthanau"  # instagr.am is Instagram's short domain


def test_footer_icons_of_a_museum_or_company_site_are_not_the_citys():
    html = f"<html><body><main><h1>Ausstellung</h1><p>Text.</p></main>{ICONS}</body></html>"
    # (a handle that is the city's name still counts anywhere: "stadthanau")
    assert FB not in vals(social_media, html, url="https://www.museum-hanau.de/", city=HANAU)


@pytest.mark.parametrize("sentence, param, expected", [
    ("Die Stadt hat ihren X-Account gelöscht.", TW, False),
    ("Der Oberbürgermeister hat entschieden, dass die Stadt die Plattform X verlässt.", TW, False),
    ("Ergänzend zeigt die Stadt Fotos aus dem Rathausalltag auf ihrem Instagram-Profil.", IG, True),
])
def test_leaving_deleting_and_possessive_channels(sentence, param, expected):
    got = vals(social_media, page(f"<p>{sentence}</p>"))
    assert (got[param] is False) if expected is False else isinstance(got[param], dict)


def test_a_use_that_ended_days_ago_is_not_a_live_account():
    sentence = ("Bis vor wenigen Tagen hat die Stadt auch über den Kurznachrichtendienst X über Sperrungen "
                "informiert.")
    assert TW not in {p for p, v in vals(social_media, page(f"<p>{sentence}</p>")).items() if v is not False}


def test_copied_profiles_say_nothing():
    sentence = "Immer wieder tauchen auf Facebook nachgemachte Profile von Behörden und Städten auf."
    assert vals(social_media, page(f"<p>{sentence}</p>")) == {}


def test_a_social_media_box_vouches_only_on_the_citys_site():
    box = ("<main><h1>Kontakt</h1><div class='box'><h2>Social Media</h2><ul><li>"
           "<a href='https://www.instagram.com/hanau_entdecken/'>Instagram</a></li></ul></div></main>")
    html = f"<html><body>{box}</body></html>"
    got = vals(social_media, html, url="https://www.hanau.de/kontakt", city=HANAU)
    assert got[IG]["handle"] == "hanau_entdecken"
    assert vals(social_media, html, url="https://www.kunstverein-hanau.de/", city=HANAU) == {}


@pytest.mark.parametrize("sentence, expected", [
    ("Die Stadt Köln ist bei Instagram unter stadtkoeln zu finden.", True),
    ("Die Stadt ist seit 2019 auf Instagram aktiv.", True),
    ("Viele Jugendliche sind auf Instagram aktiv.", False),  # presence words admit, they do not vouch
])
def test_presence_words(sentence, expected):
    assert (IG in vals(social_media, page(f"<p>{sentence}</p>"))) is expected


@pytest.mark.parametrize("sentence", [
    "Neu ist die Stadt ab heute auf Mastodon, Bluesky und Threads vertreten.",
    "Aktuelles aus dem Rathaus gibt es jetzt auf Mastodon unter @stadtkoeln.",
])
def test_mastodon_named_in_prose(sentence):
    # tracked, not scored, but recorded like the scored networks: a city names it in the same sentences
    assert vals(social_media, page(f"<p>{sentence}</p>"))[MA]["owner"] == "city"


def test_mastodon_denied_and_the_lands_instance():
    assert vals(social_media, page("<p>Auf Mastodon ist die Stadt nicht vertreten.</p>"))[MA] is False
    land = ("<p>Der Freistaat betreibt jetzt eine eigene Mastodon-Instanz, auf der die Landesbehörden "
            "vertreten sind.</p>")
    assert MA not in vals(social_media, page(land))


def test_a_mastodon_instance_is_known_by_its_name():
    # "nrw.social", "social.jena.de", "troet.cafe": an instance host named as such, without the word Mastodon
    got = vals(social_media, page("<p>Folgen Sie der Stadt auch auf <a href='https://social.jena.de/@stadtkoeln'>"
                                  "@stadtkoeln</a>.</p>"))
    assert got[MA]["handle"] == "stadtkoeln"
    assert MA not in vals(social_media, page("<p>Ein Essay von <a href='https://medium.com/@stadtkoeln'>uns</a>.</p>"))


@pytest.mark.parametrize("name, url", [
    ("Weilheim an der Teck", "https://www.weilheim-teck.de/aktuelles"),  # linking words left out
    # the kind of authority left out
    ("Kreis Siegen-Wittgenstein", "https://www.siegen-wittgenstein.de/presse"),
])
def test_footer_icons_on_a_site_that_spells_the_name_short(name, url):
    # the domain spells the Kreis's or town's name without "Kreis" and without "an der": its own site
    html = f"<html><body><main><h1>Aktuelles</h1><p>Text.</p></main>{ICONS}</body></html>"
    got = vals(social_media, html, url=url, city=CityContext("1", name, ()))
    assert got[FB]["handle"] == "HanauerLeben"


def test_a_page_the_city_announces_things_on_is_in_use():
    # "angekündigt" tells what is announced on the page, not that the page is planned
    said = "Angekündigt wird die Sprechstunde einige Tage vorher auf der Facebook-Seite der Stadt Köln."
    assert isinstance(vals(social_media, page(f"<p>{said}</p>"))[FB], dict)
    planned = "Die Stadt Köln hat angekündigt, künftig auch auf einer eigenen Facebook-Seite zu informieren."
    assert vals(social_media, page(f"<p>{planned}</p>"))[FB] is False


def test_a_news_site_named_after_the_city_has_its_own_accounts():
    # "lueneburgaktuell.de": the city's name plus a news word is a local outlet; its handle is not the city's
    icons = ("<footer><a href='https://www.facebook.com/lueneburgaktuell'>Facebook</a>"
             "<a href='https://www.instagram.com/lueneburg_aktuell/'>Instagram</a></footer>")
    html = f"<html><body><main><h1>Lokales</h1><p>Text.</p></main>{icons}</body></html>"
    city = CityContext("1", "Lüneburg", ())
    got = vals(social_media, html, url="https://www.lueneburgaktuell.de/artikel/x", city=city)
    assert FB not in got and IG not in got
    # the same handle on the city's own site is the city's
    assert FB in vals(social_media, html, url="https://www.lueneburg.de/aktuelles", city=city)


def test_a_destination_marketing_handle_is_the_tourism_offices():
    # "@visithechingen", "visit_koeln": tourism accounts, even one the city's department runs (ro- convention)
    said = "Seit März zeigt der Instagram-Kanal @visithechingen Wanderungen und Stadtführungen."
    assert IG not in vals(social_media, page(f"<p>{said}</p>"))
    icons = ("<footer><ul class='social'><li><a href='https://www.instagram.com/{}/' title='Instagram'>"
             "<i class='fa-brands fa-instagram'></i></a></li></ul></footer>")
    html = "<html><body><main><h1>Aktuelles</h1><p>Text.</p></main>{}</body></html>"
    url = "https://www.stadt-koeln.de/aktuelles"
    assert IG not in vals(social_media, html.format(icons.format("visit_koeln")), url=url)
    assert IG in vals(social_media, html.format(icons.format("koelnerleben")), url=url)


def test_a_purchase_for_future_streams_names_no_account():
    # "um … künftig … veröffentlichen zu können": what the purchase is for is not there yet (Coesfeld)
    body = ("<p>Die Verwaltung beschafft derzeit Technik, um Veranstaltungen künftig live über YouTube und "
            "Facebook veröffentlichen zu können.</p>")
    found = vals(social_media, page(body))
    assert found.get("social_media.facebook") in (None, False)
    assert found.get("social_media.youtube") in (None, False)


def test_follow_us_on_a_news_site_is_the_outlets_not_the_citys():
    # "Folgen Sie uns" under a newspaper's article: "uns" is the paper; only the city's site speaks for it
    footer = ("<div class='social'><span>Folgen Sie uns:</span> <a href='https://www.facebook.com/nordbayern'>"
              "Facebook</a> <a href='https://www.instagram.com/nordbayern.de/'>Instagram</a></div>")
    news = (f"<html><head><title>Kita-Portal startet</title></head><body><p>Text.</p>"
            f"<footer>{footer}</footer></body></html>")
    assert vals(social_media, news, url="https://www.nn.de/region/schwabach/artikel") == {}
    # the same footer on the city's own site still lists the city's accounts
    assert set(vals(social_media, page(f"<p>Text.</p>{footer}"))) == {FB, IG}


@pytest.mark.parametrize("body", [
    "<p>Wie es mit dem Jugendbeirat weitergeht, können Sie auf "
    "<a href='https://www.instagram.com/jugendbeiratkoeln'>Instagram</a> verfolgen.</p>",
    "<p>Wie es mit dem Jugendbeirat weitergeht, können Sie ab sofort auf Instagram verfolgen.</p>",
    "<p>Neues vom Seniorenbeirat: <a href='https://www.facebook.com/seniorenbeirat.koeln'>Facebook</a></p>",
])
def test_an_advisory_bodys_channel_is_not_the_administrations(body):
    assert vals(social_media, page(body)) == {}


def test_a_library_page_on_the_city_domain_has_the_librarys_icons():
    # "stadtbibliothek.stadt-koeln.de": the city's domain, but the page is signed by the library, so the
    # footer's icons are the library's (publisher.publisher over the copyright line)
    icons = ("<footer><p>© 2024 Stadtbibliothek Köln</p><a href='https://www.facebook.com/stbibkoeln'>"
             "<i class='fa-facebook'></i></a></footer>")
    html = (f"<html><head><title>Neue Medien</title></head><body><main><p>Text.</p></main>{icons}"
            "</body></html>")
    assert FB not in vals(social_media, html, url="https://stadtbibliothek.stadt-koeln.de/neu")
    city_footer = icons.replace("© 2024 Stadtbibliothek Köln", "© 2024 Stadt Köln")
    url = "https://stadtbibliothek.stadt-koeln.de/neu"
    assert FB in vals(social_media, html.replace(icons, city_footer), url=url)


NEWS_FOOTER = "<footer><p>© 2020 Wolbeck-Münster.de – ein Angebot von Medienservice Wolbeck</p></footer>"


def test_a_channel_a_newspaper_names_without_an_owner_is_not_the_citys():
    # on a page another body publishes, the channel named without an owner is its own or its subject's
    # (the museum's series), not the city's; said to be the city's, it still is
    said = "<p>Auf seinem YouTube-Kanal startet das Stadtmuseum eine Reihe über Lieblingsstücke.</p>"
    html = (f"<html><head><title>Reihe startet</title></head><body><main>{said}</main>{NEWS_FOOTER}"
            "</body></html>")
    url = "https://www.wolbeck-muenster.de/artikel"
    assert YT not in vals(social_media, html, url=url)
    # a channel named without an owner on the city's own page is the city's; "seinem" gives it to the museum
    # there too (owner.yaml: a municipal institution's own channel is not the administration's account)
    unowned = "<p>Auf dem YouTube-Kanal startet eine Reihe über Lieblingsstücke.</p>"
    assert YT not in vals(social_media, html.replace(said, unowned), url=url)
    assert YT in vals(social_media, page(unowned))
    assert YT not in vals(social_media, page(said))
    city = "<p>Auf ihrem YouTube-Kanal zeigt die Stadt Köln die Ratssitzungen.</p>"
    assert YT in vals(social_media, html.replace(said, city), url=url)


def test_a_newspaper_still_reports_a_channel_that_is_not_planned():
    # "Weitere Kanäle wie Twitter sind nicht geplant" in a newspaper's round-up: a denial about its subject
    said = "<p>Die Stadt ist seit 2014 bei Facebook. Weitere Kanäle wie Twitter sind nicht geplant.</p>"
    html = (f"<html><head><title>Kommunen im Netz</title></head><body><main>{said}</main>{NEWS_FOOTER}"
            "</body></html>")
    assert vals(social_media, html, url="https://www.wolbeck-muenster.de/artikel").get(TW) is False


def test_youth_work_runs_its_own_channel():
    # the Kreisjugendpflege's and the Kreisjugendring's account on a Kreis's page or in a report about it:
    # youth work's channel, not the administration's (a county cue is the city on a Kreis's own pages)
    kreis = CityContext("09474000", "Landkreis Forchheim", ("lra-fo.de",))
    said = ("<p>Die Jugendpflegerinnen mehrerer Gemeinden und die Kreisjugendpflege des Landkreises haben "
            "gemeinsam einen Instagram-Account eröffnet.</p>")
    url = "https://www.lra-fo.de/a"
    assert IG not in vals(social_media, page(said, title="Landkreis Forchheim"), url=url, city=kreis)
    own = "<p>Die Pressestelle des Landkreises hat einen Instagram-Account eröffnet.</p>"
    assert IG in vals(social_media, page(own, title="Landkreis Forchheim"), url=url, city=kreis)


def test_the_publishers_own_account_on_a_news_site():
    # the site name the title ends with ("… – München Aktuell") is the outlet's; its handle is the outlet's
    # account even when the outlet's domain spells the city differently ("munchenaktuell.de")
    icons = ("<footer><span>München Aktuell folgen:</span> <a href='https://www.facebook.com/muenchenaktuell'>"
             "Facebook</a> <a href='https://www.instagram.com/muenchen.aktuell/'>Instagram</a></footer>")
    html = (f"<html><head><title>Wartezeiten im Bürgerbüro – München Aktuell</title></head><body><main>"
            f"<h1>Lokales</h1><p>Text.</p></main>{icons}</body></html>")
    city = CityContext("09162000", "München", ())
    got = vals(social_media, html, url="https://munchenaktuell.de/artikel", city=city)
    assert FB not in got and IG not in got
    # a site named after the city or Kreis itself ("… | Main-Taunus-Kreis" on mtk.org) keeps its accounts
    kreis = ("<footer><a href='https://www.facebook.com/MainTaunusKreis'>Facebook</a></footer>")
    html = (f"<html><head><title>Zehn Jahre 115 | Main-Taunus-Kreis</title></head><body><main><h1>Presse</h1>"
            f"<p>Text.</p></main>{kreis}</body></html>")
    mtk = CityContext("06436000", "Main-Taunus-Kreis", ())
    got = vals(social_media, html, url="https://www.mtk.org/presse", city=mtk)
    assert FB in got


@pytest.mark.parametrize("sentence, expected", [
    # the English channel word names the city's channel in prose (Tuttlingen's "QuadratTV")
    ("Wer Nachrichten lieber als Film sieht, kann jetzt den Youtube-Channel „StadtKöln“ abonnieren.", True),
    # subscribing alone is a newsletter's word: no channel
    ("Abonnieren Sie den Newsletter; auf YouTube gibt es Musikvideos.", False),
])
def test_the_english_channel_word(sentence, expected):
    value = vals(social_media, page(f"<p>{sentence}</p>", "Aktuelles")).get("social_media.youtube")
    assert (value not in (None, False)) is expected, value


def test_a_plan_in_another_main_clause_is_the_other_networks():
    body = ("<p>Bislang erreicht die Verwaltung die Menschen über die Homepage und ihre Seite bei Facebook; "
            "ein Auftritt bei Instagram ist in Vorbereitung.</p>")
    got = vals(social_media, page(body))
    assert got[FB]["status"] == "live" and got["social_media.instagram"] is False


def test_a_semicolon_naming_nothing_else_keeps_the_status():
    body = "<p>Ein Auftritt der Stadt bei Instagram; hier: Prüfung, ob er in Vorbereitung ist.</p>"
    assert vals(social_media, page(body)).get("social_media.instagram") is False


@pytest.mark.parametrize("sentence, expected", [
    # the administration's own videos on YouTube, whose they are said in so many words (ta- vocabulary study)
    ("Videos der Stadt Köln gibt es auf YouTube.", True),
    ("Den Imagefilm der Stadt können Sie auf YouTube ansehen.", True),
    ("Erklärvideos aus dem Rathaus stehen auf YouTube bereit.", True),
    # a consent notice, a club's film and another town's videos are not the city's channel
    ("Mit dem Abspielen des Videos werden Daten an YouTube übertragen.", False),
    ("Das Video des Heimatvereins ist auf YouTube zu sehen.", False),
    ("Videos der Stadt Bonn gibt es auf YouTube.", False),
])
def test_the_administrations_videos_on_youtube(sentence, expected):
    assert (YT in vals(social_media, page(f"<p>{sentence}</p>"))) is expected


def test_an_outlets_own_icons_and_rel_me_are_not_the_citys_whatever_their_handle():
    # publisher.publisher_class: a page another body publishes (here an outlet by its host word, a blog by its
    # site name) — its footer icons named after the city and its author's rel="me" are its own accounts
    city = CityContext("1", "Lüneburg", ())
    icons = ("<footer><a href='https://www.facebook.com/stadtlueneburg'>Facebook</a>"
             "<a rel='me' href='https://norden.social/@lueneburg'>Mastodon</a></footer>")
    html = ("<html><head><title>Rathaus | Lüneburger Nachrichten</title></head><body><main><p>Text.</p>"
            f"</main>{icons}</body></html>")
    got = vals(social_media, html, url="https://www.lg-nachrichten.de/artikel/x", city=city)
    assert FB not in got and MA not in got
    # the city's own site: the same icons are the city's
    got = vals(social_media, html.replace("Lüneburger Nachrichten", "Hansestadt Lüneburg"),
               url="https://www.lueneburg.de/aktuelles", city=city)
    assert FB in got and MA in got
    # a link in the outlet's article text that names the city still counts
    body = ("<p>Die Stadt informiert auf <a href='https://www.facebook.com/stadtlueneburg'>"
            "facebook.com/stadtlueneburg</a>.</p>")
    got = vals(social_media, f"<html><head><title>Rathaus | Lüneburger Nachrichten</title></head><body><main>"
               f"{body}</main></body></html>", url="https://www.lg-nachrichten.de/artikel/x", city=city)
    assert FB in got


@pytest.mark.parametrize("sentence, expected", [
    # apps11: council sessions streamed on YouTube run on a channel — the city's unless another owner is named
    ("Die Sitzungen des Stadtrats werden live auf YouTube übertragen.", True),
    ("Den Gemeinderat können Sie jeden Monat auf YouTube live verfolgen: alle öffentlichen Sitzungen werden "
     "gestreamt.", True),
    # a festival's stream names no council body; a denied or planned stream says nothing of the channel
    ("Das Stadtfest wird live auf YouTube übertragen.", None),
    ("Die Sitzungen des Stadtrats werden nicht live auf YouTube übertragen.", None),
])
def test_council_sessions_streamed_on_youtube(sentence, expected):
    value = vals(social_media, page(f"<p>{sentence}</p>")).get(YT)
    assert (isinstance(value, dict) if expected else value is None), value


# named14: the copula with the network as its place, and the city's bare name as its subject
@pytest.mark.parametrize("sentence, expected", [
    ("Köln ist jetzt auch auf Instagram.", True),
    ("Die Stadt Köln ist nun auch bei Facebook.", True),
    ("Viele Vereine sind auf Instagram.", False),
    ("Das Video ist auf YouTube.", False),
    # a club's presence said with the bare copula is not read (its owner would fall to the page's publisher)
    ("Der Heimatverein ist seit Mai auf Facebook.", False),
])
def test_the_city_is_on_a_network(sentence, expected):
    got = vals(social_media, page(f"<p>{sentence}</p>"))
    assert any(v not in (None, False) for v in got.values()) == expected


@pytest.mark.parametrize("body, param", [
    ("<p>Bei Instagram ist die Stadt seit März 2019, bislang eher nebenbei.</p>", IG),
    ("<p>Auf Facebook ist die Stadtverwaltung schon länger.</p>", FB),
])
def test_presence_told_with_the_network_first(body, param):
    value = vals(social_media, page(body)).get(param)
    assert isinstance(value, dict) and (value["owner"], value["status"]) == ("city", "live"), value


def test_network_first_needs_the_administration_after_the_copula():
    assert vals(social_media, page("<p>Auf Instagram ist die Altstadt ein beliebtes Motiv.</p>")) == {}


def test_profile_address_written_in_text_is_read_like_a_link():
    body = "<p>Herausgeber: Stadt Köln · Facebook: www.facebook.com/stadtkoeln · Telefon 0221 221-0</p>"
    assert vals(social_media, page(body)) == {FB: {"url": "https://www.facebook.com/stadtkoeln",
                                                    "handle": "stadtkoeln"}}


@pytest.mark.parametrize("body", [
    # a museum's account written out: the institution check reads it as it reads a link
    "<p>Das Museum Ludwig finden Sie unter www.instagram.com/museumludwig.</p>",
    # an e-mail address at a network's domain and a share endpoint are no profiles
    "<p>Schreiben Sie an presse@x.com/info oder teilen Sie über facebook.com/sharer.php.</p>",
])
def test_written_addresses_keep_the_link_checks(body):
    assert vals(social_media, page(body)) == {}


def test_not_even_one_is_a_denial():
    got = vals(social_media, page("<p>Die Gemeindeverwaltung hat nicht mal eine Facebook-Seite.</p>"))
    assert got == {FB: False}


@pytest.mark.parametrize("sentence, param", [
    # leaving said in the active voice: no live account on that network (README apps16)
    ("„Ab dem heutigen Tag betreibt die Stadt ihren X-Account nicht mehr“, teilte das Presseamt mit.", TW),
    ("Im Namen der Stadt legen wir unser Konto auf X still.", TW),
    ("Künftig wird es von der Stadt auf X keine aktuellen Meldungen mehr geben.", TW),
])
def test_leaving_in_the_active_voice(sentence, param):
    got = vals(social_media, page(f"<p>{sentence}</p>"))
    assert got.get(param) in (None, False)


def test_the_platforms_a_city_stays_on_are_its_channels():
    sentence = ("Die Stadt bleibt mit Ihnen weiterhin auf den Plattformen Facebook und Instagram in Kontakt.")
    got = vals(social_media, page(f"<p>{sentence}</p>"))
    assert isinstance(got.get(FB), dict) and isinstance(got.get(IG), dict)


@pytest.mark.parametrize("sentence", [
    "Die Gemeinde ist ab Sonntag mit einer eigenen Seite bei Facebook zu finden.",
    "Vom 3. März an ist die Facebook-Seite der Gemeinde freigeschaltet.",
    "Im Frühjahr wird sich die Gemeinde mit einer eigenen Facebook-Seite präsentieren.",
])
def test_a_page_that_starts_later_is_not_live(sentence):
    assert vals(social_media, page(f"<p>{sentence}</p>")).get(FB) in (None, False)


def test_examples_from_elsewhere_are_not_the_citys():
    sentence = "Als Beispiele nennt die Verwaltung den Instagram-Kanal der Landesregierung und mehr."
    assert vals(social_media, page(f"<p>{sentence}</p>")).get(IG) in (None, False)


@pytest.mark.parametrize("sentence", [
    # a demand that the city end or cut back its own account presupposes the account (README apps16)
    "Viele Bürger verlangen, dass die Stadt ihren X-Account zum Jahresende löscht.",
    "Der vorliegende Antrag sieht vor, den bisherigen X-Account nur noch für Warnungen zu nutzen.",
])
def test_a_demand_to_end_the_citys_account_presupposes_it(sentence):
    assert isinstance(vals(social_media, page(f"<p>{sentence}</p>")).get(TW), dict)


def test_the_citys_own_decision_to_end_it_stays_an_end():
    sentence = "Die Stadt hat entschieden, ihren X-Account zum Jahresende zu löschen."
    assert vals(social_media, page(f"<p>{sentence}</p>")).get(TW) in (None, False)


def test_a_model_the_city_took_for_its_own_channel_is_not_elsewhere():
    sentence = ("Für ihren neuen Facebook-Auftritt hat sich die Gemeinde einige Großstädte "
                "als Beispiel genommen.")
    assert isinstance(vals(social_media, page(f"<p>{sentence}</p>")).get(FB), dict)
