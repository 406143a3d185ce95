"""Social-activity runner (`sci crawl --source social`): days since each official account's last post.

Accounts come from the extraction stage (``social_media.<network>`` candidates
or decided values) or from ``options["accounts"]``. YouTube: the channel's Atom
feed; Mastodon: account RSS, else the public API; Facebook, Instagram, X: the
public page (rendered with Chromium when the plain page shows no dates). An
account whose page shows no date gets a *manual-check* candidate: value null,
confidence 0, evidence detail ``{"needs_manual_check": true, "account": url}``
— the recency kind has no "unknown" value, and the analyst needs the link.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from crawlers.external.accounts import found_links
from crawlers.external.fetch import Fetched, FetchError
from crawlers.external.render import Renderer, RenderError
from crawlers.external.run import ExternalRun
from crawlers.parsers import social_activity as sa
from sci.candidates import EvidenceIn
from sci.context import AppContext
from sci.registry import CityRecord
from sci.settings import Settings

EXTRACTOR = "external:social"
# Real domains of the page networks -> Settings field with the base URL to use instead.
PAGE_NETWORKS = {"facebook": (("facebook.com", "fb.com"), "facebook_url"),
                 "instagram": (("instagram.com",), "instagram_url"),
                 "twitter": (("x.com", "twitter.com"), "x_url")}


def rebase(url: str, network: str, settings: Settings) -> str:
    """Point a real profile URL at the configured base (tests, mirrors); others unchanged."""
    if network not in PAGE_NETWORKS:
        return url
    domains, field = PAGE_NETWORKS[network]
    base = str(getattr(settings, field)).rstrip("/")
    default = str(Settings.__dataclass_fields__[field].default).rstrip("/")
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    if base == default or host not in domains:
        return url
    return base + parts.path + (f"?{parts.query}" if parts.query else "")


class SocialRunner:
    def __init__(self, run: ExternalRun, accounts: dict[str, list[tuple[str, str]]]) -> None:
        self.run, self.settings, self.accounts = run, run.settings, accounts
        # SCI_RENDER=never (no browser on this machine) wins over SCI_EXTERNAL_RENDER.
        use_browser = run.settings.external_render and run.settings.render != "never"
        self.renderer: Renderer | None = Renderer(run.settings) if use_browser else None

    def city(self, s: Session, city: CityRecord) -> None:
        if not self.accounts.get(city.ags):
            self.run.summary.notes.append(f"{city.name}: no social-media account found on the city site")
        for network, url in self.accounts.get(city.ags, []):
            try:
                self._account(s, city, network, url)
            except (FetchError, sa.FeedFormatError) as exc:
                # One broken account must not cost the city's other accounts.
                self.run.summary.errors.append(f"{city.name} ({city.ags}) {network} {url}: {exc}")

    def _account(self, s: Session, city: CityRecord, network: str, url: str) -> None:
        if network == "youtube":
            found = self._youtube(s, city, url)
        elif network == "mastodon":
            found = self._mastodon(s, city, url)
        else:
            found = self._page(s, city, network, url)
        parameter = f"social_media.{network}_activity"
        latest, fetched = found
        if latest is None:
            self.run.summary.manual_checks.append(f"{city.name} ({city.ags}) {network}: {url}")
            self.run.candidate(s, city.ags, parameter, None, 0.0, EXTRACTOR, sa.VERSION, [
                EvidenceIn(fetched.url, "Kein Beitragsdatum maschinell lesbar – bitte Account prüfen.", "",
                           fetched.capture_id, None, 0.0,
                           detail={"needs_manual_check": True, "account": url})])
            return
        days = sa.days_since(latest.when, self.run.now)
        self.run.candidate(s, city.ags, parameter, days, 0.9, EXTRACTOR, sa.VERSION, [
            EvidenceIn(fetched.url, f"Neuester Beitrag {latest.when:%d.%m.%Y %H:%M} UTC: {latest.title}",
                       latest.locator, fetched.capture_id, days, 0.9,
                       detail={"account": url, "latest_post": latest.when.isoformat(),
                               "post_url": latest.url, "posts_seen": latest.posts,
                               "crawl_time": self.run.now.isoformat()})])

    def _youtube(self, s: Session, city: CityRecord, url: str) -> tuple[sa.Latest | None, Fetched]:
        channel = sa.youtube_channel_id(url)
        if channel is None:  # a /@handle URL: the channel page names the id
            channel = sa.youtube_channel_id(url, self.run.fetcher.get(s, url, city.ags).text())
        if channel is None:
            raise sa.FeedFormatError(f"{url}: no channel id on the channel page")
        feed = self.run.fetcher.get(s, self.settings.youtube_feed_url, city.ags,
                                    params={"channel_id": channel})
        return sa.latest_youtube(feed.body), feed

    def _mastodon(self, s: Session, city: CityRecord, url: str) -> tuple[sa.Latest | None, Fetched]:
        parsed = sa.mastodon_handle(url)
        if parsed is None:
            raise sa.FeedFormatError(f"{url}: not a Mastodon profile URL (https://instance/@handle)")
        base = self.settings.mastodon_url.rstrip("/") or parsed[0]
        handle = parsed[1]
        try:
            rss = self.run.fetcher.get(s, f"{base}/@{handle}.rss", city.ags)
            return sa.latest_rss(rss.body), rss
        except (FetchError, sa.FeedFormatError) as exc:
            self.run.summary.notes.append(f"{city.name}: Mastodon RSS failed ({exc}); trying the API")
        lookup = self.run.fetcher.get(s, f"{base}/api/v1/accounts/lookup", city.ags, params={"acct": handle})
        account_id = sa.account_id(lookup.body)
        statuses = self.run.fetcher.get(s, f"{base}/api/v1/accounts/{account_id}/statuses", city.ags,
                                        params={"limit": "20", "exclude_reblogs": "true"})
        return sa.latest_statuses(statuses.body), statuses

    def _page(self, s: Session, city: CityRecord, network: str, url: str) -> tuple[sa.Latest | None, Fetched]:
        target = rebase(url, network, self.settings)
        page = self.run.fetcher.get(s, target, city.ags)
        latest = sa.latest_on_page(page.text())
        if latest is not None or self.renderer is None:
            return latest, page
        try:
            final_url, dom = self.renderer.render(target)
        except RenderError as exc:
            # No date without the browser: the analyst checks by hand (manual-check candidate).
            self.run.summary.errors.append(f"{city.name} ({city.ags}) {network}: render failed: {exc}")
            return None, page
        rendered = self.run.fetcher.record_rendered(s, target, final_url, city.ags, dom)
        return sa.latest_on_page(dom), rendered

    def close(self) -> None:
        if self.renderer is not None:
            self.renderer.close()


def collect_accounts(ctx: AppContext, cities: list[CityRecord], edition: int,
                     explicit: list[tuple[str, str, str]]) -> dict[str, list[tuple[str, str]]]:
    """ags -> [(network, url)]: explicit (ags, network, url) triples, else the found links."""
    out: dict[str, list[tuple[str, str]]] = {}
    if explicit:
        for ags, network, url in explicit:
            out.setdefault(ags, []).append((network, url))
        return out
    with ctx.store.session() as s:
        links = found_links(s, edition, [c.ags for c in cities], [f"social_media.{n}" for n in sa.NETWORKS])
    for (ags, parameter), url in sorted(links.items()):
        out.setdefault(ags, []).append((parameter.split(".", 1)[1], url))
    return out


def run(ctx: AppContext, cities: list[CityRecord], edition: int, options: dict[str, Any]) -> dict[str, Any]:
    """SourceRunner for "social"; options: now, progress, accounts=[(ags, network, url)]."""
    accounts = collect_accounts(ctx, cities, edition, options.get("accounts") or [])
    external = ExternalRun(ctx.store, ctx.settings, "social", edition,
                           {"cities": [c.ags for c in cities],
                            "accounts": sum(len(v) for v in accounts.values())}, now=options.get("now"))
    runner = SocialRunner(external, accounts)
    try:
        external.each(cities, runner.city, options.get("progress"))
    except BaseException:
        runner.close()
        external.finish("interrupted")
        raise
    runner.close()
    summary = external.finish()
    return summary.as_dict()
