"""Lemma accuracy on UD Russian-GSD (test split), the pipeline beside two
baselines measured in the same run: pymorphy3's first parse on the gold
tokens and natasha's own lemmatizer on its own tokens.

Scored: every gold token except PUNCT; case-insensitive, ё = е. A system's
token counts only where its (start, end) equals the gold token's, so a gold
token tokenized differently is wrong (and counted as a mismatch)."""

import sys
from collections import Counter
from pathlib import Path

from pipeline.evaluate import load

GOLD = Path(__file__).resolve().parents[3] / "shared" / "data" / "ud" / "ru_gsd-test.jsonl"
UNSCORED = {"PUNCT"}


def norm(lemma: str) -> str:
    return lemma.lower().replace("ё", "е")


def score(gold: list, predicted: list) -> dict:
    """Counts for one system; `predicted` holds, per sentence, a dict
    (start, end) -> lemma."""
    correct, total, mismatches = Counter(), Counter(), 0
    for sent, lemmas in zip(gold, predicted):
        for tok in sent["tokens"]:
            if tok["upos"] in UNSCORED:
                continue
            lemma = lemmas.get((tok["start"], tok["end"]))
            mismatches += lemma is None
            hit = lemma is not None and norm(lemma) == norm(tok["lemma"])
            for key in ("all", tok["upos"]):
                total[key] += 1
                correct[key] += hit
    return {"correct": correct, "total": total, "mismatches": mismatches}


def pipeline_lemmas(gold: list) -> list:
    """The pipeline's own lemmas; the stages after `lemmas` cannot change
    them, so they are left out (faster)."""
    from pipeline.nlp.build import STAGES, pipeline
    nlp = pipeline()
    later = [name for name in STAGES[STAGES.index("lemmas") + 1:] if name in nlp.pipe_names]
    with nlp.select_pipes(disable=later):
        docs = list(nlp.pipe(s["text"] for s in gold))
    return [{(t.idx, t.idx + len(t)): t.lemma_ for t in doc} for doc in docs]


def pymorphy_lemmas(gold: list) -> list:
    from pipeline.nlp.analyzer import parse
    return [{(t["start"], t["end"]): (parse(t["form"]) or [None])[0].normal_form
             for t in s["tokens"]} for s in gold]


def natasha_lemmas(gold: list) -> list:
    from natasha import Doc, MorphVocab, Segmenter
    from pipeline.nlp.models import morph_tagger
    segmenter, vocab, out = Segmenter(), MorphVocab(), []
    for sent in gold:
        doc = Doc(sent["text"])
        doc.segment(segmenter)
        doc.tag_morph(morph_tagger())
        for token in doc.tokens:
            token.lemmatize(vocab)
        out.append({(t.start, t.stop): t.lemma for t in doc.tokens})
    return out


SYSTEMS = {
    "pipeline": pipeline_lemmas,
    "pymorphy3 first parse": pymorphy_lemmas,
    "natasha lemmatize": natasha_lemmas,
}


def percent(result: dict, key: str) -> str:
    total = result["total"][key]
    return f"{100 * result['correct'][key] / total:.2f}" if total else "-"


def table(results: dict) -> str:
    """A markdown table: overall, then each gold UPOS, most frequent first."""
    names = list(results)
    totals = next(iter(results.values()))["total"]
    rows = [f"| UPOS | tokens | {' | '.join(names)} |", "|---|---:|" + "---:|" * len(names)]
    for key, n in [("all", totals["all"])] + totals.most_common()[1:]:
        label = "**all**" if key == "all" else key
        rows.append(f"| {label} | {n} | " + " | ".join(percent(results[s], key) for s in names) + " |")
    rows.append("| tokenization mismatches | | "
                + " | ".join(str(results[s]["mismatches"]) for s in names) + " |")
    return "\n".join(rows)


def main(path: Path = GOLD) -> int:
    if not path.exists():
        print(f"{path} is absent: nothing to evaluate.")
        return 0
    gold = load(path)
    results = {name: score(gold, system(gold)) for name, system in SYSTEMS.items()}
    print(f"Lemma accuracy (%) on {path.name}: {len(gold)} sentences, "
          "non-punctuation tokens, case-insensitive, ё = е\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    from pipeline.commands import no_arguments
    no_arguments("pipeline.evaluate.eval_lemmas", __doc__)
    sys.exit(main())
