"""What a running SampleWeb offers: cities, partner roles, hostile URLs."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

REGISTRY_FIELDS = ["ags", "name", "state", "population", "area_km2", "website", "university"]


@dataclass
class Manifest:
    """Addresses of everything served; safe to hand to crawlers and tests."""

    cities: list[dict] = field(default_factory=list)
    partners: dict[str, str] = field(default_factory=dict)  # role -> base URL
    partner_hosts: list[str] = field(default_factory=list)  # "127.0.0.10:PORT", ...
    hostile: dict[str, str] = field(default_factory=dict)  # case -> absolute URL
    # network -> URL prefix of profiles on the social host, e.g.
    # "facebook" -> "http://127.0.0.14:PORT/facebook.com/"
    social: dict[str, str] = field(default_factory=dict)
    bench: str = ""
    port: int = 0
    truth_dir: str = ""  # data/sampleweb/truth: <ags>.yaml per city

    def write_registry(self, path: str | Path) -> Path:
        """Write a city registry CSV in the project's registry format."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=REGISTRY_FIELDS, extrasaction="ignore")
            writer.writeheader()
            for city in self.cities:
                writer.writerow(city)
        return path

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)
