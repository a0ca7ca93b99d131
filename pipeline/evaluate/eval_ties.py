"""Ties: the model (models/ties.skops, trained on the `train` split) on the
`dev` split of corpus/annotated/documents/, beside two baselines measured in
the same run on the same candidates: co-occurrence (any two territories in
one sentence are a tie, as the entity network has it) and trigger rules (a
tie where the sentence has a trigger word and the two are in different
countries). Scored as ties.md says: per document, the set of unordered pairs
(a party keyed by its id, else its folded normal); the type, date and
directions of found pairs apart. Exits 1 when the model's pair F1 does not
beat co-occurrence by MARGIN."""

import sys
from collections import defaultdict

import numpy as np

from pipeline.nlp.models import ties_model
from pipeline.stages.ties import assemble, find_ties
from pipeline.training import tie_corpus
from pipeline.rules.tie_candidates import candidates, sentence_triggers

MARGIN = 0.20


def predicted(ties) -> dict:
    """(key a, key b) -> {type: Tie}."""
    out = defaultdict(dict)
    for t in ties:
        a, b = (tie_corpus.party_key({"id": p.id, "normal": p.normal}) for p in t.parties)
        out[tie_corpus.pair_key(a, b)][t.type] = t
    return out


def cooccurrence(ex) -> list:
    every = candidates(ex.data, stated_only=False)
    return assemble(ex.data, every, np.ones(len(every)), None, {"pair": 0.5})


def trigger_rules(ex) -> list:
    def fires(c):
        ca, cb = c.a.territory.country, c.b.territory.country
        return bool(sentence_triggers(ex.data, c.sentence)) and not (ca and ca == cb)
    probs = np.array([1.0 if fires(c) else 0.0 for c in ex.found])
    return assemble(ex.data, ex.found, probs, None, {"pair": 0.5})


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.types_exact = self.pairs_found = 0
        self.type_tp = self.type_fp = self.type_fn = 0
        self.dir_tp = self.dir_fp = self.dir_fn = 0
        self.dates_right = self.dates = 0

    def add(self, gold: dict, found: dict) -> None:
        g, f = set(gold), set(found)
        self.tp, self.fp, self.fn = self.tp + len(g & f), self.fp + len(f - g), self.fn + len(g - f)
        for pair in g & f:
            gt, ft = set(gold[pair]), set(found[pair])
            self.pairs_found += 1
            self.types_exact += gt == ft
            self.type_tp, self.type_fp = self.type_tp + len(gt & ft), self.type_fp + len(ft - gt)
            self.type_fn += len(gt - ft)
            gd = {d for t in gold[pair].values() for d in t["directions"]}
            fd = {d for t in found[pair].values() for d in t.directions}
            self.dir_tp, self.dir_fp, self.dir_fn = self.dir_tp + len(gd & fd), self.dir_fp + len(fd - gd), \
                self.dir_fn + len(gd - fd)
            for kind in gt & ft:
                self.dates += 1
                self.dates_right += gold[pair][kind]["date"] == found[pair][kind].date

    @staticmethod
    def f1(tp, fp, fn) -> tuple:
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        return p, r, 2 * p * r / max(p + r, 1e-9)

    def row(self, name: str) -> str:
        p, r, f = self.f1(self.tp, self.fp, self.fn)
        tf = self.f1(self.type_tp, self.type_fp, self.type_fn)[2]
        df = self.f1(self.dir_tp, self.dir_fp, self.dir_fn)[2]
        n = max(self.pairs_found, 1)
        return (f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {self.types_exact / n:.3f} | {tf:.3f} | {df:.3f} | "
                f"{self.dates_right / max(self.dates, 1):.3f} |")


def main() -> int:
    docs = tie_corpus.documents("dev")
    exs = tie_corpus.examples(docs)
    loaded = ties_model()
    systems = {"model": lambda ex: find_ties(ex.data, loaded), "trigger rules": trigger_rules,
               "co-occurrence": cooccurrence}
    scores = {name: Score() for name in systems}
    for ex in exs:
        for name, system in systems.items():
            scores[name].add(ex.gold, predicted(system(ex)))
    n_ties = sum(len(d["ties"]) for d in docs)
    pairs = sum(len(ex.gold) for ex in exs)
    print(f"Ties: dev split, {len(docs)} documents, {pairs} annotated pairs ({n_ties} ties); "
          f"model thresholds {loaded['thresholds']}\n")
    print("| system | pair P | pair R | pair F1 | types exact (found pairs) | type F1 (found pairs) | "
          "directions F1 (found pairs) | date right (found ties) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, s in scores.items():
        print(s.row(name))
    f = {name: Score.f1(s.tp, s.fp, s.fn)[2] for name, s in scores.items()}
    print(f"\npair F1: model {f['model']:.3f}, co-occurrence {f['co-occurrence']:.3f}, "
          f"margin {f['model'] - f['co-occurrence']:+.3f}")
    return 0 if f["model"] - f["co-occurrence"] >= MARGIN else 1


if __name__ == "__main__":
    sys.exit(main())
