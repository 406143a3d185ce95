"""Write files in the GV100AD fixed-width format (for tests and bench/scale): the layout
sci/gv100ad.py documents, so the reader is tested on bytes laid out independently of it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STAND = "20241231"


@dataclass(frozen=True)
class Gemeinde:
    ags: str
    name: str
    population: int
    area_ha: int
    type_code: int = 64


def _line(kind: str, key: str, name: str, seat: str = "", code: str = "") -> str:
    # 1-2 Satzart, 3-10 Gebietsstand, 11-22 key (AGS + Gemeindeverband), 23-72 name,
    # 73-122 seat, 123-124 Kennzeichen
    return kind + STAND + key.ljust(12) + name.ljust(50) + seat.ljust(50) + code.rjust(2)


def gemeinde_line(g: Gemeinde, verband: str = "0000") -> str:
    head = _line("60", g.ags + verband, g.name, "", str(g.type_code))
    # 125-128 blank, 129-139 area ha, 140-150 population, 151-161 male, 162-165 blank, 166-170 PLZ
    return (head + " " * 4 + str(g.area_ha).rjust(11) + str(g.population).rjust(11)
            + str(g.population // 2).rjust(11) + " " * 4 + "12345" + " " * 20)


def write(path: Path, lands: dict[str, str], kreise: dict[str, tuple[str, int]],
          gemeinden: list[Gemeinde]) -> Path:
    """lands: key -> name; kreise: 5-digit key -> (name, Kennzeichen); one Gemeindeverband each."""
    lines = []
    for land, lname in sorted(lands.items()):
        lines.append(_line("10", land, lname, "Hauptstadt"))
        for kreis, (kname, code) in sorted(kreise.items()):
            if not kreis.startswith(land):
                continue
            lines.append(_line("40", kreis, kname, "Kreisstadt", str(code)))
            lines.append(_line("50", kreis + "000" + "0001", f"Verband {kname}", "Sitz", "55"))
            lines.extend(gemeinde_line(g, "0001") for g in gemeinden if g.ags.startswith(kreis))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
