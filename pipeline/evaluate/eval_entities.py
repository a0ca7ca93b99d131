"""Entity scores, printed by `make eval`.

1. The development sets corpus/annotated/entities.jsonl and
   entities_real.jsonl (the register of real regional news and press
   services): per label P/R/F1 on the set of (label, normal) pairs of each
   paragraph (entities.md rule 1; normals compared with ё = е and spaces
   collapsed), then, over the pairs found, id and `governs` accuracy and DATE
   and MONEY value accuracy; for the real-register set also the recall of
   each error family its paragraphs are tagged with.
2. factRuEval-2016 dev (../shared/data/factru/dev.jsonl, when present): PER,
   LOC, ORG span-level exact match (start, end, label), as naeval scores it,
   for the pipeline and for plain natasha NER in the same run. The pipeline's
   spans are mapped back to the raw text through the cleaning offsets; its
   DATE and MONEY are left out (factRuEval has neither). factRuEval marks
   organisations differently from entities.md, and the pipeline's ORGs are
   printed twice: as they stand, and mapped to factRuEval's convention with
   what the pipeline itself found (`factru_view`): a quoted name loses its
   quotes and the legal form or type word before them ("газета «Труд»" ->
   "Труд"), and a name that ends at a place found inside it is split into the
   name and that place ("Министерство внутренних дел Пакистана" -> ORG +
   LOC). Nothing else is changed."""

import re
from collections import Counter
from pathlib import Path

from pipeline.evaluate import load

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "corpus" / "annotated" / "entities.jsonl"
# original paragraphs in the register of real regional news
REAL = ROOT / "corpus" / "annotated" / "entities_real.jsonl"
# ../shared beside the checkout; a worktree in a subfolder finds it further up
FACTRU = next((p / "shared" / "data" / "factru" / "dev.jsonl" for p in ROOT.parents
               if (p / "shared" / "data" / "factru" / "dev.jsonl").exists()),
              ROOT.parent / "shared" / "data" / "factru" / "dev.jsonl")
LABELS = ("PER", "LOC", "ORG", "DATE", "MONEY")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("ё", "е").replace("Ё", "Е")).strip()


def prf(tp: int, fp: int, fn: int) -> tuple:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def outcomes(gold, mine):
    """(key, "tp" | "fp" | "fn") for every key found in either."""
    for key in set(gold) | set(mine):
        yield key, "tp" if key in gold and key in mine else "fp" if key in mine else "fn"


def label_rows(counts: Counter, labels) -> list:
    return [(label, counts[label, "tp"], counts[label, "fp"], counts[label, "fn"]) for label in labels]


def pairs(entities: list) -> dict:
    """(label, normal) -> the first entity with it."""
    out = {}
    for e in entities:
        out.setdefault((e["label"], norm(e["normal"])), e)
    return out


def as_dict(e) -> dict:
    return {"label": e.label, "normal": e.normal, "id": e.id, "value": e.value, "governs": e.governs, "kind": e.kind}


def run(texts: list) -> list:
    from pipeline.text.clean import clean
    from pipeline.nlp.build import pipeline
    nlp = pipeline()
    return [nlp(clean(t).text)._.entities for t in texts]


def score_dev(gold_docs: list, predicted: list):
    counts, checks = Counter(), Counter()
    for doc, found in zip(gold_docs, predicted):
        gold, mine = pairs(doc["entities"]), pairs([as_dict(e) for e in found])
        for key, outcome in outcomes(gold, mine):
            counts[key[0], outcome] += 1
            if outcome == "tp":
                compare(gold[key], mine[key], checks)
    return counts, checks


def compare(g: dict, m: dict, checks: Counter):
    """Attribute checks on one matched pair."""
    fields = {"LOC": ("id", "kind"), "ORG": ("kind", "governs"), "DATE": ("value",), "MONEY": ("value",)}
    for field in fields.get(g["label"], ()):
        if field == "governs" and g.get("kind") != "government":
            continue
        checks[g["label"], field, "total"] += 1
        checks[g["label"], field, "ok"] += g.get(field) == m.get(field)


def print_table(title: str, rows: list):
    print(title)
    print(f"  {'':<22}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}")
    for name, tp, fp, fn in rows:
        p, r, f = prf(tp, fp, fn)
        print(f"  {name:<22}{p:7.3f}{r:7.3f}{f:7.3f}{tp + fn:7d}")


def family_rows(gold_docs: list, predicted: list) -> list:
    """Per error family: (family, pairs found, gold pairs) over the paragraphs tagged with it."""
    found, total = Counter(), Counter()
    for doc, mine in zip(gold_docs, predicted):
        gold, got = pairs(doc["entities"]), pairs([as_dict(e) for e in mine])
        for family in doc.get("family", ()):
            total[family] += len(gold)
            found[family] += len(set(gold) & set(got))
    return [(family, found[family], total[family]) for family in sorted(total)]


def report_dev(path: Path):
    gold = load(path)
    predicted = run([d["text"] for d in gold])
    counts, checks = score_dev(gold, predicted)
    rows = label_rows(counts, LABELS)
    total = [sum(counts[label, k] for label in LABELS) for k in ("tp", "fp", "fn")]
    print_table(f"Development set {path.relative_to(ROOT)}: {len(gold)} paragraphs, (label, normal) pairs",
                rows + [("all", *total)])
    print("  attributes of the pairs found:")
    for label, field in sorted({(k[0], k[1]) for k in checks}):
        ok, n = checks[label, field, "ok"], checks[label, field, "total"]
        print(f"    {label} {field:<8} {ok}/{n} = {ok / n if n else 0:.3f}")
    if any("family" in d for d in gold):
        print("  recall of all pairs in the paragraphs of each family:")
        for family, ok, n in family_rows(gold, predicted):
            print(f"    {family:<22} {ok}/{n} = {ok / n if n else 0:.3f}")


def natasha_spans(docs: list) -> list:
    from pipeline.nlp.models import ner_tagger
    return [{(s.start, s.stop, s.type) for s in ner_tagger()(d["text"]).spans} for d in docs]


def factru_view(doc) -> list:
    """(start, end, label) of the pipeline's findings in factRuEval's convention."""
    from pipeline.text.quotes import quote_groups
    out = []
    for e in doc._.entities:
        span = [t for t in doc.char_span(e.start, e.end, alignment_mode="expand") if not t.is_space]
        groups = quote_groups(span) if e.label == "ORG" else []
        places = [c for c in doc._.candidates if c.label == "LOC" and c.end == e.end and c.start > e.start]
        if groups and groups[0][1] - groups[0][0] > 1:
            o, c = groups[0]
            out.append((span[o + 1].idx, span[c - 1].idx + len(span[c - 1].text), "ORG"))
        elif e.label == "ORG" and places:
            place = min(places, key=lambda c: c.start)
            head = [t for t in span if t.idx + len(t.text) <= place.start]
            out += [(e.start, head[-1].idx + len(head[-1].text), "ORG"), (place.start, place.end, "LOC")]
        else:
            out.append((e.start, e.end, e.label))
    return out


def pipeline_spans(docs: list, view=None) -> list:
    from pipeline.text.clean import clean
    from pipeline.nlp.build import pipeline
    nlp, out = pipeline(), {"as is": [], "factRuEval view": []}
    for d in docs:
        aligned = clean(d["text"])
        doc = nlp(aligned.text)
        for name, spans in (("as is", [(e.start, e.end, e.label) for e in doc._.entities]),
                            ("factRuEval view", factru_view(doc))):
            out[name].append({(aligned.offsets[s], aligned.offsets[e - 1] + 1, label)
                              for s, e, label in spans if label in ("PER", "LOC", "ORG")})
    return out


def span_rows(docs: list, predicted: list) -> list:
    counts = Counter()
    for d, mine in zip(docs, predicted):
        gold = {(s["start"], s["end"], s["label"]) for s in d["spans"]}
        for key, outcome in outcomes(gold, mine):
            counts[key[2], outcome] += 1
    return label_rows(counts, ("PER", "LOC", "ORG"))


def report_factru():
    if not FACTRU.exists():
        print(f"factRuEval: {FACTRU} is absent, skipped")
        return
    docs = load(FACTRU)
    title = f"factRuEval-2016 dev: {len(docs)} documents, exact spans"
    for name, spans in pipeline_spans(docs).items():
        print_table(f"{title}, pipeline ({name})", span_rows(docs, spans))
    print_table(f"{title}, plain natasha NER", span_rows(docs, natasha_spans(docs)))


def main():
    for path in (DEV, REAL):
        if path.exists():
            report_dev(path)
        else:
            print(f"{path} is absent, development set skipped")
        print()
    report_factru()


if __name__ == "__main__":
    from pipeline.commands import no_arguments
    no_arguments("pipeline.evaluate.eval_entities", __doc__)
    main()
