"""One identity per actor (output.md 1.1 `canonical`), beside `normal`:

- a place with an id: the gazetteer's standard name for that id ("КНР",
  "Китай" -> "Китайская Народная Республика");
- an organisation: its full name from data/lexicon/canonical_names.tsv
  ("ЕАЭС" -> "Евразийский экономический союз"), and a place abbreviation in
  its name written out in the genitive ("Акимат ВКО" -> "Акимат
  Восточно-Казахстанской области");
- a person: the fullest form of the same name in the document ("С. И.
  Воронин", "Воронин" -> "Сергей Игоревич Воронин") when exactly one matches;
- anything else: its normal."""

import re
from functools import lru_cache

from pipeline.nlp.models import places, places_by_id
from pipeline.rules.lexicon import data_lines
from pipeline.rules.normal_forms import genitive

HEAD_NOUNS = {"республика", "королевство", "княжество", "федерация", "государство", "султанат", "эмират"}
INITIAL = re.compile(r"^([А-ЯЁA-Z])\.$")


@lru_cache(maxsize=1)
def full_names() -> dict:
    return dict(line.split("\t")[:2] for line in data_lines("lexicon", "canonical_names.tsv"))


@lru_cache(maxsize=4096)
def place_abbreviation(word: str):
    """The place an upper-case word abbreviates ("ВКО", "РК"), if the gazetteer knows it."""
    if len(word) < 2 or not word.isupper():
        return None
    known = places().named(word)
    return known.payload if known and known.payload.id else None


def genitive_name(name: str) -> str:
    """"Восточно-Казахстанская область" -> "Восточно-Казахстанской области";
    after a head noun ("Республика Казахстан") the name itself stays."""
    head, _, rest = name.partition(" ")
    if rest and head.istitle() and head.lower() in HEAD_NOUNS:
        return f"{genitive(head)} {rest}"
    return genitive(name)


def organisation(normal: str) -> str:
    if normal in full_names():
        return full_names()[normal]
    words = normal.split()
    out = [full_names().get(words[0], words[0])] if words else []
    for w in words[1:]:
        place = place_abbreviation(w)
        out.append(genitive_name(places_by_id().get(place.id, place).name) if place else w)
    return " ".join(out)


def place(e) -> str:
    known = places_by_id().get(e.id) if e.id else None
    return known.name if known else e.normal


# --- persons ------------------------------------------------------------------------

def name_parts(normal: str) -> tuple:
    """(surname, [given-name initials or names]): "С. И. Воронин" ->
    ("воронин", ["С", "И"]); "Сергей Игоревич Воронин" -> ("воронин",
    ["Сергей", "Игоревич"]); "Воронин С. И." likewise."""
    words = normal.replace(".", ". ").split()
    if not words:
        return "", []
    if len(words) > 1 and INITIAL.match(words[0]) is None and all(INITIAL.match(w) for w in words[1:]):
        return words[0].lower(), [w[0] for w in words[1:]]  # surname first: "Воронин С. И."
    return words[-1].lower(), [w.rstrip(".") for w in words[:-1]]


def compatible(short: list, full: list) -> bool:
    """Each given name or initial agrees with the fuller form's at its place."""
    return len(short) <= len(full) and all(s[0] == f[0] and (len(s) == 1 or s == f) for s, f in zip(short, full))


def person_canonicals(normals: list) -> dict:
    """normal -> the fullest compatible name in the same document."""
    parts = {n: name_parts(n) for n in set(normals)}
    out = {}
    for n, (surname, given) in parts.items():
        fuller = [m for m, (s, g) in parts.items() if s == surname and m != n and compatible(given, g)
                  and sum(len(x) > 1 for x in g) > sum(len(x) > 1 for x in given)]
        best = max(fuller, key=lambda m: (len(parts[m][1]), sum(len(x) for x in parts[m][1])), default=None)
        widest = {m for m in fuller if len(parts[m][1]) == len(parts[best][1])} if best else set()
        out[n] = best if best and len({parts[m][1][0] for m in widest}) == 1 else n
    return out


def canonicals(entities: list) -> list:
    """The canonical name of each entity, in order."""
    persons = person_canonicals([e.normal for e in entities if e.label == "PER"])
    out = []
    for e in entities:
        if e.label == "PER":
            out.append(persons[e.normal])
        elif e.label == "LOC":
            out.append(place(e))
        elif e.label == "ORG":
            out.append(organisation(e.normal))
        else:
            out.append(e.normal)
    return out
