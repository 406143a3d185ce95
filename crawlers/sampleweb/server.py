"""SampleWeb: starts one HTTP server per loopback address and tracks them."""

from __future__ import annotations

import errno
import threading
import time
from pathlib import Path
from types import TracebackType

from crawlers.sampleweb.bench import BenchSite
from crawlers.sampleweb.cities import CitySite, load_cities
from crawlers.sampleweb.handler import HostServer
from crawlers.sampleweb.hostile import HOSTILE_ROUTES
from crawlers.sampleweb.manifest import Manifest
from crawlers.sampleweb.partners import build_partner
from crawlers.sampleweb.site import Response, Site
from crawlers.sampleweb.world import BENCH_IP, PARTNER_IPS, SOCIAL_PREFIXES, World, today_utc

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "sampleweb"


class SampleWeb:
    """The bundled stand-in for the internet (see data/sampleweb/README.md)."""

    def __init__(self, data_dir: Path | None = None, port: int = 0,
                 slow_seconds: float = 2.0, bench_pages: int = 2000) -> None:
        self.data_dir = Path(data_dir or DEFAULT_DATA_DIR)
        self.port = port
        self.slow_seconds = slow_seconds
        self.bench_pages = bench_pages
        self.request_log: list[tuple[str, str, str, int, int, dict[str, str]]] = []
        self._log_lock = threading.Lock()
        self._overrides: dict[tuple[str, str], Response] = {}
        self._modified: dict[tuple[str, str], float] = {}
        self._started = time.time()
        self._servers: list[HostServer] = []
        self.manifest: Manifest | None = None

    # -- lifecycle -----------------------------------------------------------
    def start(self) -> Manifest:
        cities = load_cities(self.data_dir)
        sites: dict[str, Site] = {}
        world = World(port=0, cities=cities, data_dir=self.data_dir)
        for city in cities:
            sites[city["host"]] = CitySite(city, world)
        for role, ip in PARTNER_IPS.items():
            sites[ip] = build_partner(role, world)
        sites[BENCH_IP] = BenchSite(self.bench_pages)
        self._bind(sites)
        world.port = self.port
        self._started = time.time()
        for server in self._servers:
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                             daemon=True, name=f"sampleweb-{server.server_address[0]}").start()
        self.manifest = self._manifest(world)
        return self.manifest

    def _bind(self, sites: dict[str, Site]) -> None:
        """Bind every address on one common port; retry if another process has it."""
        first, rest = next(iter(sites)), list(sites)[1:]
        for _attempt in range(50):
            servers = [HostServer((first, self.port), sites[first], self)]
            port = servers[0].server_address[1]
            try:
                for ip in rest:
                    servers.append(HostServer((ip, port), sites[ip], self))
            except OSError as exc:
                for s in servers:
                    s.server_close()
                if self.port or exc.errno != errno.EADDRINUSE:
                    raise
                continue
            self.port, self._servers = port, servers
            return
        raise RuntimeError("no port free on all sample-web addresses")

    def _manifest(self, world: World) -> Manifest:
        port = self.port
        cities = [{
            "ags": c["ags"], "name": c["name"], "state": c["state"],
            "population": c["population"], "area_km2": c["area_km2"],
            "website": f"http://{c['host']}:{port}/", "university": c["university"],
        } for c in world.cities]
        partners = {role: f"http://{ip}:{port}/" for role, ip in PARTNER_IPS.items()}
        partners["bench"] = f"http://{BENCH_IP}:{port}/"
        hostile: dict[str, str] = {}
        for c in world.cities:
            for name in c.get("hostile", []):
                hostile[name] = world.city_url(c) + HOSTILE_ROUTES[name][0]
            for name, path in c.get("downloads", {}).items():
                hostile[name] = world.city_url(c) + path
        return Manifest(
            cities=cities, partners=partners,
            partner_hosts=[f"{ip}:{port}" for ip in PARTNER_IPS.values()],
            hostile=hostile,
            social={n: world.social(n) + ("" if p else "@") for n, p in SOCIAL_PREFIXES.items()},
            bench=partners["bench"], port=port, truth_dir=str(self.data_dir / "truth"),
        )

    def stop(self) -> None:
        # shutdown() waits up to one poll interval; do all hosts at once.
        stoppers = [threading.Thread(target=s.shutdown) for s in self._servers]
        for t in stoppers:
            t.start()
        for t in stoppers:
            t.join()
        for server in self._servers:
            server.server_close()
        self._servers = []

    def __enter__(self) -> Manifest:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- runtime changes and bookkeeping --------------------------------------
    def reset(self) -> None:
        """Back to the web as started: every replaced page restored, the request log empty.

        Lets one running sample web serve many tests (the test session starts it once)."""
        with self._log_lock:
            self._overrides.clear()
            self._modified.clear()
            self.request_log.clear()

    def set_page(self, host_ip: str, path: str, html: str | None) -> None:
        """Replace (html) or restore (None) a page, bumping its Last-Modified."""
        key = (host_ip, path)
        if html is None:
            self._overrides.pop(key, None)
        else:
            self._overrides[key] = Response(html.encode("utf-8"))
        # HTTP dates have 1 s resolution: move strictly past anything served so far.
        self._modified[key] = max(time.time(), self.last_modified_for(host_ip, path) + 1)

    def override_for(self, host_ip: str, raw_path: str, path: str) -> Response | None:
        return self._overrides.get((host_ip, raw_path)) or self._overrides.get((host_ip, path))

    def last_modified_for(self, host_ip: str, path: str) -> float:
        # Generated dates roll over at midnight UTC, so no page is older than that.
        default = max(self._started, today_utc().timestamp())
        return self._modified.get((host_ip, path), default)

    def log_request(self, host: str, method: str, path: str, status: int, sent: int,
                    headers: dict[str, str]) -> None:
        with self._log_lock:
            self.request_log.append((host, method, path, status, sent, headers))
