"""What an actor's page shows: its mentions in context across the corpus,
its ties, and the directions of the articles naming it, year by year."""

from collections import Counter, defaultdict
from html import escape

from pipeline.outputs.reading import direction_labels
from pipeline.outputs.review.actors import actor_page
from pipeline.outputs.review.corpus import MENTIONS, Corpus, year
from pipeline.outputs.review.vocabulary import direction_name, human_date, tie_type, type_name


def in_context(doc: dict, e: dict) -> str:
    """The mention's sentence as HTML with the mention marked."""
    index = e.get("sentence")
    s = doc["sentences"][index] if index is not None and 0 <= index < len(doc["sentences"]) \
        else {"start": max(0, e["start"] - 100), "end": min(len(doc["text"]), e["end"] + 100)}
    start, end = min(s["start"], e["start"]), max(s["end"], e["end"])
    text = doc["text"]
    return (escape(text[start:e["start"]]) + f'<mark class="hit">{escape(text[e["start"]:e["end"]])}</mark>'
            + escape(text[e["end"]:end]))


def mentions(corpus: Corpus, actor, page) -> list:
    out = []
    for doc_n, i in actor.mentions[:MENTIONS]:
        doc, e = corpus.docs[doc_n], corpus.docs[doc_n]["entities"][i]
        anchor = f"s{e['sentence']}" if e.get("sentence") is not None else f"m{i}"
        out.append({"doc_id": doc["doc_id"], "title": corpus.titles[doc_n], "date": human_date(corpus.dates[doc_n][0]),
                    "href": f"../{page(doc['doc_id'])}#{anchor}", "html": in_context(doc, e)})
    return out


def ties(corpus: Corpus, actor, page) -> list:
    out = []
    for n in actor.ties:
        tie = corpus.ties[n]
        other = corpus.actors[tie["b"] if tie["a"] == actor.key else tie["a"]]
        doc = corpus.docs[tie["doc"]]
        out.append({"other": other.name, "other_page": f"../{actor_page(other.key)}", "type": tie["type"],
                    "type_name": tie_type(tie["type"]), "date": tie["date"] or "", "directions": tie["directions"],
                    "score": tie["score"], "title": corpus.titles[tie["doc"]],
                    "href": f"../{page(doc['doc_id'])}" + (f"#s{tie['evidence'][0]}" if tie["evidence"] else "")})
    return sorted(out, key=lambda t: (t["date"], t["other"]))


def by_year(corpus: Corpus, actor) -> dict:
    """Articles naming the actor per year and direction (the article's date; undated ones under "без даты")."""
    table = defaultdict(Counter)
    for n in actor.docs:
        when = year(corpus.dates[n][0]) or "без даты"
        table[when]["_articles"] += 1
        for d in corpus.docs[n].get("directions", []):
            table[when][d["label"]] += 1
    rows = sorted(table.items(), key=lambda kv: (kv[0] == "без даты", kv[0]))
    return {"labels": [(label, direction_name(label)) for label in direction_labels()],
            "rows": [{"year": y, "articles": c["_articles"], "counts": [c[label] for label in direction_labels()]}
                     for y, c in rows]}


def actor_context(corpus: Corpus, actor, page) -> dict:
    return {"actor": {"name": actor.name, "key": actor.key, "slug": actor.slug, "id": actor.id,
                      "type": type_name(actor.label, actor.kind),
                      "code": f"{actor.label}/{actor.kind}" if actor.kind else actor.label,
                      "variants": sorted(n for n in actor.names if n != actor.name)},
            "articles": len(actor.docs), "mention_count": len(actor.mentions),
            "mentions": mentions(corpus, actor, page), "ties": ties(corpus, actor, page),
            "years": by_year(corpus, actor), "mode": corpus.mode}
