"""All configuration in one place.

Every setting is a field of :class:`Settings` with a default and help text and
can be overridden by an environment variable ``SCI_<NAME>`` (upper case).
Components receive a ``Settings`` object; nothing else reads ``os.environ``.
`sci settings` prints the table (the README lists it too).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sci import ROOT
from sci.errors import DataError, Problem

PREFIX = "SCI_"


def _s(default: Any, help: str) -> Any:  # noqa: A002 - "help" reads best here
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    # --- store and files ---------------------------------------------------
    database_url: str = _s(
        "", "SQLAlchemy URL of the evidence store; empty = SQLite in var_dir/sci.db"
    )
    data_dir: Path = _s(
        ROOT / "data", "Folder with cities/, catalog/, patterns/ … (versioned data)"
    )
    var_dir: Path = _s(ROOT / "var", "Folder for the SQLite store, WARC files, screenshots, locks")
    edition: int = _s(2020, "Default edition (year) for every command")
    store_busy_timeout: float = _s(
        30.0, "Seconds to wait for a store locked by another writer before giving up (CLI exit 2, app 503)"
    )

    # --- crawling ------------------------------------------------------------
    contact_url: str = _s("https://github.com/smartcity-index", "Contact URL put in the User-Agent")
    user_agent: str = _s(
        "smartcity-index/0.1 (research crawler for the Smart City Index; +{contact_url})",
        "User-Agent of every request; {contact_url} is filled in",
    )
    crawl_max_pages: int = _s(1500, "Page budget per city and crawl")
    crawl_max_depth: int = _s(6, "Link depth limit from the seeds")
    crawl_concurrency_per_host: int = _s(2, "Parallel requests per host (politeness)")
    crawl_concurrency: int = _s(16, "Parallel requests overall")
    crawl_delay: float = _s(1.0, "Seconds between requests to one host")
    crawl_timeout: float = _s(30.0, "Download timeout in seconds")
    crawl_retries: int = _s(2, "Retries of failed requests (with backoff)")
    crawl_city_timeout: float = _s(
        7200.0, "Wall-clock limit of one city's crawl in seconds (0 = none); a city cut by it counts as done"
    )
    crawl_max_body_bytes: int = _s(10 * 1024 * 1024, "Largest response body kept, in bytes")
    allow_private_addresses: bool = _s(
        False, "Allow loopback targets (tests and the offline demo); never link-local or private ranges"
    )
    blocked_networks: str = _s(
        "", "Networks never contacted, on top of every non-public range (comma-separated CIDR)"
    )
    render: str = _s("auto", "Browser rendering: auto | always | never")
    render_wait_ms: int = _s(5000, "Cap for waiting on late widgets when rendering (ms)")
    render_max_heap_mb: int = _s(256, "JavaScript heap cap of a rendered page (MB); a page past it crashes")
    render_max_memory_mb: int = _s(
        512, "Private memory of one Chromium renderer (MB) past which it is killed (its page is not rendered)"
    )
    render_max_dom_bytes: int = _s(
        10 * 1024 * 1024, "Largest rendered DOM kept (bytes of text); bigger DOMs are cut"
    )
    render_max_screenshot_px: int = _s(8000, "Tallest screenshot of a rendered page (pixels)")
    chromium_path: str = _s("/usr/bin/chromium", "Chromium executable for Playwright")
    crawl_extra_partner_hosts: str = _s(
        "", "Extra partner hosts (comma-separated host or host:port) one hop is followed into"
    )
    crawl_max_partner_pages: int = _s(50, "Page budget per city for one-hop pages on partner hosts")
    crawl_log_level: str = _s("WARNING", "Scrapy log level of crawls (log in var_dir/crawls/<id>/scrapy.log)")

    # --- distributed crawl ------------------------------------------------------
    redis_url: str = _s(
        "", "Redis URL of the shared crawl frontier; set = `sci crawl` feeds `sci worker` processes"
    )
    redis_prefix: str = _s("sci", "Prefix of this installation's Redis keys (one Redis, several stores)")
    redis_lease_seconds: float = _s(
        120.0, "A worker's hold on a request; a killed worker's requests return to the frontier after it"
    )

    resolve: str = _s(
        "", "host=address[:port],… : these host names resolve to these addresses and no others, "
        "for every fetcher through the address guard (website discovery, the crawl, Chromium; offline "
        "demos and tests; never real DNS then, the address still judged)"
    )

    # --- third-party endpoints (tests point these at loopback servers) -------
    apple_search_url: str = _s("https://itunes.apple.com/search", "Apple iTunes Search API")
    apple_lookup_url: str = _s("https://itunes.apple.com/lookup", "Apple iTunes Lookup API")
    google_play_url: str = _s("https://play.google.com", "Google Play web store base URL")
    youtube_feed_url: str = _s(
        "https://www.youtube.com/feeds/videos.xml", "YouTube channel Atom feed endpoint"
    )
    api_rate_per_minute: int = _s(20, "Requests per minute to one third-party API host")
    apple_rate_per_minute: int = _s(
        20, "Requests per minute to Apple's Search/Lookup API (Apple documents ~20/min); 0 = no limit"
    )
    mastodon_url: str = _s(
        "", "Mastodon instance base URL override; empty = the instance in the account's own URL"
    )
    facebook_url: str = _s("https://www.facebook.com", "Facebook base URL (public pages)")
    instagram_url: str = _s("https://www.instagram.com", "Instagram base URL (public profiles)")
    x_url: str = _s("https://x.com", "X (Twitter) base URL (public profiles)")
    external_render: bool = _s(
        True, "Render Facebook/Instagram/X pages with Chromium to read post dates"
    )

    # --- review app ------------------------------------------------------------
    serve_host: str = _s("127.0.0.1", "Address the review app listens on")
    serve_port: int = _s(8000, "Port the review app listens on")
    secret_key: str = _s("", "Secret for sessions and CSRF; empty = generated once into var_dir")
    session_https_only: bool = _s(
        False, "Send the review app's session cookie over HTTPS only (set when served behind TLS)"
    )
    login_max_failures: int = _s(
        5, "Failed logins for one name before it is locked for login_lockout_minutes (per address: 4x)"
    )
    login_lockout_minutes: float = _s(15.0, "How long too many failed logins lock a name or address")
    review_public_url: str = _s(
        "", "Base URL of the review app as city staff reach it (feedback links); empty = serve_host:port"
    )
    corpus_dir: Path = _s(
        ROOT / "tests" / "extractors" / "realcorpus",
        "Real-web corpus root (dev/ and test/) that `sci corpus add` and the app's corpus button write to",
    )

    # --- nightly digest ------------------------------------------------------------
    smtp_url: str = _s(
        "", "Mail the nightly digest via smtp://[user:pass@]host[:port] (smtps:// = TLS); empty = no mail"
    )
    digest_mail_from: str = _s("sci@localhost", "Sender address of the nightly digest mail")
    digest_mail_to: str = _s("", "Recipients of the nightly digest mail (comma-separated)")
    digest_webhook: str = _s("", "POST the nightly digest as JSON to this URL; empty = no webhook")

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.var_dir / 'sci.db'}"

    @property
    def resolved_user_agent(self) -> str:
        return self.user_agent.format(contact_url=self.contact_url)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from ``SCI_*`` variables; keyword overrides win."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = environ.get(PREFIX + f.name.upper())
            if raw is not None:
                values[f.name] = _parse(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _parse(f: dataclasses.Field[Any], raw: str) -> Any:
    kind = type(f.default)
    try:
        if kind is bool:
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off", ""}:
                return False
            raise ValueError(raw)
        if kind in (int, float):
            return kind(raw)
        if isinstance(f.default, Path):
            return Path(raw)
        return raw
    except ValueError:
        msg = f"{PREFIX}{f.name.upper()}={raw!r}: expected {kind.__name__}"
        raise DataError([Problem("environment", None, msg)]) from None


def describe() -> list[tuple[str, str, str]]:
    """(variable, default, help) for every setting, for `sci settings` and the README."""
    return [
        (PREFIX + f.name.upper(), str(f.default), f.metadata["help"])
        for f in dataclasses.fields(Settings)
    ]
