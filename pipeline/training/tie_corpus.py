"""The annotated documents with their ties: corpus/annotated/documents/*.jsonl,
one {"id", "register", "split", "text", "directions", "ties"} per line. Each
document is run through the pipeline up to the ties stage; its candidate
pairs are labelled from the annotated ties (a pair is matched by the parties'
ids, or by their folded normal where a party has none, as ties.md scores)."""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pipeline.rules.name_index import fold
from pipeline.rules.tie_candidates import TieInput, candidates, sentence_triggers
from pipeline.text.clean import clean

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "corpus" / "annotated" / "documents"


def party_key(p: dict) -> str:
    return p["id"] if p.get("id") else "name:" + fold(p["normal"])


def pair_key(a: str, b: str) -> tuple:
    return tuple(sorted((a, b)))


def gold_ties(doc: dict) -> dict:
    """(key a, key b) -> {type: tie}."""
    out = {}
    for t in doc["ties"]:
        a, b = (party_key(p) for p in t["parties"])
        out.setdefault(pair_key(a, b), {})[t["type"]] = t
    return out


def files(folder: Path = DOCUMENTS) -> list:
    return sorted(folder.glob("*.jsonl"))


def documents(split: str | None = None, folder: Path = DOCUMENTS) -> list:
    out = [json.loads(line) for f in files(folder) for line in f.read_text(encoding="utf-8").splitlines()
           if line.strip()]
    return [d for d in out if split is None or d["split"] == split]


def data_hash(folder: Path = DOCUMENTS) -> str:
    digest = hashlib.sha256()
    for f in files(folder):
        digest.update(f.read_bytes())
    return digest.hexdigest()


@dataclass
class Example:
    doc: dict
    data: TieInput
    found: list          # candidates
    gold: dict           # gold_ties(doc)

    def labels(self) -> list:
        return [pair_key(c.a.territory.key, c.b.territory.key) in self.gold for c in self.found]

    def type_sets(self) -> list:
        """The annotated types of each candidate's pair, narrowed to those the
        sentence has trigger words of when it has any: a pair with a visit and
        an agreement is a visit in "прибыла делегация", an agreement in "подписали"."""
        out = []
        for c in self.found:
            types = set(self.gold.get(pair_key(c.a.territory.key, c.b.territory.key), {}))
            out.append(types & sentence_triggers(self.data, c.sentence) or types)
        return out


def examples(docs: list) -> list:
    """Every document through the pipeline without its ties stage."""
    from pipeline.nlp.build import STAGES, build
    from pipeline.stages.ties import input_of
    nlp = build([s for s in STAGES if s != "ties"])
    out = []
    for d in docs:
        data = input_of(nlp(clean(d["text"]).text))
        out.append(Example(d, data, candidates(data), gold_ties(d)))
    return out
