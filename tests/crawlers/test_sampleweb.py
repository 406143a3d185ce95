"""The bundled sample web: pages, HTTP conventions, hostile cases, partner APIs, truth.

One SampleWeb per session (like Scrapy's mockserver); every request goes to
127.0.0.x only, with ``trust_env=False`` so no proxy setting can reroute it.
"""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
import yaml

from crawlers.sampleweb import Manifest, SampleWeb
from crawlers.sampleweb.hostile import BIG_BODY_BYTES
from tests.design_ids import DESIGN_IDS

DATA = Path(__file__).resolve().parents[2] / "data" / "sampleweb"
SLOW = 0.3


@pytest.fixture(scope="session")
def web() -> Iterator[SampleWeb]:
    sample = SampleWeb(slow_seconds=SLOW, bench_pages=300)
    sample.start()
    yield sample
    sample.stop()


@pytest.fixture(scope="session")
def manifest(web: SampleWeb) -> Manifest:
    assert web.manifest is not None
    return web.manifest


@pytest.fixture(scope="session")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5, trust_env=False) as c:
        yield c


def city(manifest: Manifest, name: str) -> str:
    return next(c["website"] for c in manifest.cities if c["name"] == name).rstrip("/")


def test_every_address_is_loopback(manifest: Manifest) -> None:
    urls = [c["website"] for c in manifest.cities] + list(manifest.partners.values())
    urls += list(manifest.hostile.values())
    assert all(httpx.URL(u).host.startswith("127.") for u in urls)
    assert all(h.startswith("127.0.0.") for h in manifest.partner_hosts)


def test_manifest_roles_and_cities(manifest: Manifest) -> None:
    roles = {"booking", "participation", "opendata", "appstore", "social", "council",
             "geodata", "video", "bench"}
    assert roles <= set(manifest.partners)
    assert len(manifest.cities) >= 6
    assert len({c["website"] for c in manifest.cities}) == len(manifest.cities)
    assert '"cities"' in manifest.to_json()
    assert Path(manifest.truth_dir, "05315000.yaml").is_file()


def test_city_home_pages_are_german(manifest: Manifest, client: httpx.Client) -> None:
    for c in manifest.cities:
        r = client.get(c["website"])
        assert r.status_code == 200
        assert r.headers["content-type"] == "text/html; charset=utf-8"
        assert 'lang="de' in r.text and "Bürgerservice" in r.text
        assert "Beispielseite – Simulation für Testzwecke" in r.text


def test_styles_differ(manifest: Manifest, client: httpx.Client) -> None:
    homes = [client.get(c["website"]).text for c in manifest.cities]
    markers = ['class="main-nav"', "Government Site Builder", "__next", "Sitepark",
               "WordPress", "<table"]
    assert all(any(m in h for h in homes) for m in markers)


def test_robots_and_sitemap(manifest: Manifest, client: httpx.Client) -> None:
    base = city(manifest, "Köln")
    robots = client.get(base + "/robots.txt").text
    assert "Disallow: /intern/" in robots and f"Sitemap: {base}/sitemap.xml" in robots
    root = ElementTree.fromstring(client.get(base + "/sitemap.xml").content)
    locs = [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert len(locs) > 20 and all(loc.startswith(base) for loc in locs)
    impressum = client.get(base + "/service/impressum/").text
    assert 'href="/intern/mitarbeiterportal.html"' in impressum
    for host in manifest.partner_hosts:
        assert client.get(f"http://{host}/robots.txt").status_code == 200


def test_etag_and_last_modified_give_304(manifest: Manifest, client: httpx.Client) -> None:
    url = city(manifest, "Darmstadt") + "/"
    first = client.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    gz = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip" and gz.text == first.text
    assert client.get(url, headers={"If-None-Match": gz.headers["etag"]}).status_code == 304


def test_set_page_changes_and_restores(web: SampleWeb, manifest: Manifest,
                                       client: httpx.Client) -> None:
    url = city(manifest, "Osnabrück") + "/"
    old = client.get(url)
    web.set_page("127.0.0.4", "/", "<html lang='de'><p>Neue Startseite</p></html>")
    try:
        changed = client.get(url, headers={"If-None-Match": old.headers["etag"],
                                           "If-Modified-Since": old.headers["last-modified"]})
        assert changed.status_code == 200 and "Neue Startseite" in changed.text
        assert client.get(url, headers={
            "If-Modified-Since": old.headers["last-modified"]}).status_code == 200
    finally:
        web.set_page("127.0.0.4", "/", None)
    assert client.get(url).text == old.text


def test_request_log(web: SampleWeb, manifest: Manifest, client: httpx.Client) -> None:
    client.get(city(manifest, "Heidelberg") + "/robots.txt", headers={"X-Probe": "1"})
    # This request's entry by its header, not the last one: the loopback addresses are shared with
    # every other test process on the machine, and a stray request may land after it.
    [entry] = [e for e in web.request_log if e[5].get("X-Probe") == "1"]
    host, method, path, status, sent, headers = entry
    assert (host.startswith("127.0.0.5:"), method, path, status) == (True, "GET",
                                                                     "/robots.txt", 200)
    assert sent > 0 and headers.get("X-Probe") == "1"


def test_trap_pages_link_onward(manifest: Manifest, client: httpx.Client) -> None:
    cal = client.get(manifest.hostile["calendar_trap"]).text
    assert "/veranstaltungen/kalender?monat=2026-12" in cal
    far = client.get(city(manifest, "Köln") + "/veranstaltungen/kalender?monat=2999-12").text
    assert "monat=3000-01" in far
    page = client.get(manifest.hostile["pagination_trap"]).text
    assert "/presse/archiv?seite=2" in page
    assert "seite=5001" in client.get(city(manifest, "Darmstadt") + "/presse/archiv?seite=5000").text


def test_error_pages(manifest: Manifest, client: httpx.Client) -> None:
    assert client.get(manifest.hostile["error_500"]).status_code == 500
    r = client.get(manifest.hostile["error_503"])
    assert r.status_code == 503 and r.headers["retry-after"]


def test_connection_reset_raises(manifest: Manifest, client: httpx.Client) -> None:
    with pytest.raises(httpx.TransportError):
        client.get(manifest.hostile["connection_reset"])


def test_slow_page(manifest: Manifest, client: httpx.Client) -> None:
    t0 = time.monotonic()
    assert client.get(manifest.hostile["slow"]).status_code == 200
    assert time.monotonic() - t0 >= SLOW
    with pytest.raises(httpx.ReadTimeout):
        client.get(manifest.hostile["slow"], timeout=SLOW / 3)


def test_redirect_loop(manifest: Manifest, client: httpx.Client) -> None:
    first = client.get(manifest.hostile["redirect_loop"])
    assert first.status_code == 302 and first.headers["location"] == "/umleitung/b"
    with pytest.raises(httpx.TooManyRedirects):
        client.get(manifest.hostile["redirect_loop"], follow_redirects=True)


def test_big_body_declares_50_mb(manifest: Manifest, client: httpx.Client) -> None:
    with client.stream("GET", manifest.hostile["big_body"]) as r:
        assert int(r.headers["content-length"]) == BIG_BODY_BYTES == 50 * 1024 * 1024
        first = next(r.iter_raw(65536))
        assert first  # streamed; we stop reading here like a size-limited crawler


def test_gzip_bomb_headers(manifest: Manifest, client: httpx.Client) -> None:
    with client.stream("GET", manifest.hostile["gzip_bomb"]) as r:
        assert r.headers["content-encoding"] == "gzip"
        assert 1_000_000 < int(r.headers["content-length"]) < 10_000_000
        raw = next(r.iter_raw(65536))
    assert raw[:2] == b"\x1f\x8b"


def test_encoding_cases(manifest: Manifest, client: httpx.Client) -> None:
    latin = client.get(manifest.hostile["latin1_no_charset"])
    assert latin.headers["content-type"] == "text/html"
    assert b"charset" not in latin.content.lower()
    assert "Über" in latin.content.decode("iso-8859-1")
    wrong = client.get(manifest.hostile["utf8_declared_cp1252"])
    assert "charset=utf-8" in wrong.headers["content-type"]
    with pytest.raises(UnicodeDecodeError):
        wrong.content.decode("utf-8")
    assert "€" in wrong.content.decode("windows-1252")


def test_binary_downloads(manifest: Manifest, client: httpx.Client) -> None:
    pdf = client.get(manifest.hostile["pdf_download"])
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    docx = client.get(manifest.hostile["docx_download"])
    assert "wordprocessingml" in docx.headers["content-type"]
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(docx.content)).namelist()
    linking = [city(manifest, "Osnabrück") + "/DE/Buergerservice/Anwohnerparkausweis.html"]
    assert "antrag-bewohnerparken.pdf" in client.get(linking[0]).text


def test_render_needed_pages(manifest: Manifest, client: httpx.Client) -> None:
    booking = client.get(city(manifest, "Köln") + "/termine/buergeramt/").text
    assert "setTimeout" in booking and "<iframe" not in booking
    spa = client.get(city(manifest, "Darmstadt") + "/rathaus/maengelmelder").text
    body = re.sub(r"<script.*?</script>", "", spa, flags=re.S)
    assert "Mängelmelder" not in body and 'id="root"' in body
    api = client.get(city(manifest, "Darmstadt") + "/api/maengelmelder.json").json()
    assert "Mängelmelder" in api["rendered"]
    heidelberg = client.get(city(manifest, "Heidelberg") + "/").text
    src = re.search(r'<script src="([^"]+/widget/chatbot\.js)"', heidelberg)
    assert src and client.get(src.group(1)).status_code == 200


def test_ckan_count_and_shape(manifest: Manifest, client: httpx.Client) -> None:
    base = manifest.partners["opendata"]
    r = client.get(base + "koeln/api/3/action/package_search", params={"rows": 0}).json()
    assert r["success"] is True and r["result"]["count"] == 812
    assert {"count", "facets", "results", "sort", "search_facets"} <= set(r["result"])
    rows = client.get(base + "api/3/action/package_search", params={"q": "", "rows": 3}).json()
    assert len(rows["result"]["results"]) == 3
    assert {"name", "title", "organization", "resources", "metadata_modified"} <= set(
        rows["result"]["results"][0])
    status = client.get(base + "api/3/action/status_show").json()
    assert status["result"]["ckan_version"]


def test_itunes_search_and_lookup_shape(manifest: Manifest, client: httpx.Client) -> None:
    base = manifest.partners["appstore"]
    found = client.get(base + "search", params={"term": "Köln", "country": "de",
                                                "entity": "software"}).json()
    assert set(found) == {"resultCount", "results"} and found["resultCount"] >= 3
    first = found["results"][0]
    for key in ("trackId", "trackName", "bundleId", "sellerName", "artistName", "kind",
                "trackViewUrl", "version", "currentVersionReleaseDate", "description"):
        assert key in first
    sellers = {r["sellerName"] for r in found["results"]}
    assert "Stadt Köln" in sellers and len(sellers) >= 3  # official app plus decoys
    look = client.get(base + "lookup", params={"id": first["trackId"]}).json()
    assert look["resultCount"] == 1
    assert client.get(base + "lookup", params={"id": "1"}).json()["resultCount"] == 0
    play = client.get(base + "store/apps/details", params={"id": "de.koeln.stadtapp"})
    assert play.status_code == 200 and "Stadt Köln" in play.text


def test_social_feeds_and_recency(manifest: Manifest, client: httpx.Client) -> None:
    social = manifest.partners["social"]
    feed = client.get(social + "feeds/videos.xml", params={"channel_id": "UCkoelnStadtVerwaltung01"})
    atom = ElementTree.fromstring(feed.content)
    assert len(atom.findall("{http://www.w3.org/2005/Atom}entry")) == 5
    acct = client.get(social + "api/v1/accounts/lookup", params={"acct": "darmstadt"}).json()
    statuses = client.get(social + f"api/v1/accounts/{acct['id']}/statuses").json()
    assert statuses and statuses[0]["account"]["acct"] == "darmstadt"
    assert "<pubDate>" in client.get(social + "@darmstadt.rss").text
    stale = client.get(manifest.social["twitter"] + "StadtOS").text
    newest = re.search(r'<time datetime="(\d{4}-\d\d-\d\d)', stale)
    assert newest is not None
    age = (time.time() - time.mktime(time.strptime(newest.group(1), "%Y-%m-%d"))) / 86400
    assert age >= 399


def test_oparl_system(manifest: Manifest, client: httpx.Client) -> None:
    system = client.get(manifest.partners["council"] + "oparl/v1/system").json()
    assert system["type"] == "https://schema.oparl.org/1.0/System"
    bodies = client.get(system["body"]).json()
    assert {b["ags"] for b in bodies["data"]} >= {"05315000", "03102000"}


def test_bench_site(manifest: Manifest, client: httpx.Client) -> None:
    page = client.get(manifest.partners["bench"] + "seite/7.html")
    assert 18_000 < len(page.content) < 24_000
    assert len(re.findall(r'href="/seite/\d+\.html"', page.text)) >= 15
    assert page.content == client.get(manifest.partners["bench"] + "seite/7.html").content


def _truth() -> dict[str, dict[str, bool]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((DATA / "truth").glob("*.yaml"))}


def test_truth_files_use_design_ids(manifest: Manifest) -> None:
    truth = _truth()
    assert set(truth) == {c["ags"] for c in manifest.cities}
    for ags, values in truth.items():
        assert set(values) <= DESIGN_IDS, ags
        assert all(isinstance(v, bool) for v in values.values()), ags
        assert len(values) >= 10 and sum(not v for v in values.values()) >= 3, ags


def test_truth_matches_city_descriptions() -> None:
    """What the city YAML makes the pages say must be what the truth file claims."""
    common = yaml.safe_load((DATA / "common.yaml").read_text(encoding="utf-8"))
    truth = _truth()
    for path in (DATA / "cities").glob("*.yaml"):
        c = yaml.safe_load(path.read_text(encoding="utf-8"))
        t = truth[c["ags"]]
        for key, spec in c.get("services", {}).items():
            mode = spec["mode"] if isinstance(spec, dict) else spec
            assert t[common["services"][key]["param"]] is (mode == "online"), (c["slug"], key)
        for key, mode in c.get("appointments", {}).items():
            assert t[common["offices"][key]["param"]] is (mode in ("online", "js")), key
        for key, spec in c.get("features", {}).items():
            if common["features"][key]["param"]:
                assert t[common["features"][key]["param"]] is spec["present"], (c["slug"], key)


def test_write_registry(manifest: Manifest, tmp_path: Path) -> None:
    path = manifest.write_registry(tmp_path / "registry.csv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["ags", "name", "state", "population", "area_km2", "website", "university"]
    assert len(rows) == len(manifest.cities) + 1


@pytest.mark.browser
def test_script_content_appears_in_a_browser(manifest: Manifest) -> None:
    """The render-needed pages really do fill in under Chromium."""
    import os
    import shutil

    chromium = os.environ.get("SCI_CHROMIUM_PATH", "/usr/bin/chromium")
    in_ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if in_ci:
            pytest.fail("playwright missing in CI")
        pytest.skip("playwright not installed")
    if not shutil.which(chromium):
        if in_ci:
            pytest.fail(f"chromium missing in CI: {chromium}")
        pytest.skip(f"no chromium at {chromium}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto(city(manifest, "Köln") + "/termine/buergeramt/")
            page.wait_for_selector("#terminbuchung iframe", timeout=5000)
            # The iframe element comes before its frame has navigated (about:blank under load).
            deadline = time.monotonic() + 5
            while not any("/widget/koeln" in f.url for f in page.frames) and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert any("/widget/koeln" in f.url for f in page.frames)
            page.goto(city(manifest, "Darmstadt") + "/rathaus/maengelmelder")
            page.wait_for_selector("#root h1", timeout=5000)
            assert "Mängelmelder" in page.inner_text("#root")
            page.goto(city(manifest, "Heidelberg") + "/")
            page.wait_for_selector("#fds-chatbot", timeout=5000)
        finally:
            browser.close()


def test_generated_dates_are_stable_between_requests(manifest: Manifest,
                                                     client: httpx.Client) -> None:
    url = manifest.social["facebook"] + "stadtkoeln"
    assert client.get(url).headers["etag"] == client.get(url).headers["etag"]


def test_cli_prints_manifest_and_stops() -> None:
    import json
    import signal
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "crawlers.sampleweb", "--port", "0"],
                            stdout=subprocess.PIPE, text=True, cwd=DATA.parents[1])
    try:
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:  # the manifest JSON ends with a bare "}"
            lines.append(line)
            if line == "}\n":
                break
        printed = json.loads("".join(lines))
        home = httpx.get(printed["cities"][0]["website"], trust_env=False, timeout=5)
        assert home.status_code == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 0
