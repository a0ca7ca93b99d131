"""What an actor's page shows: its mentions in context across the corpus,
its ties, and the directions of the articles naming it, year by year."""

from pipeline.outputs.reading import direction_labels
from pipeline.outputs.review.actors import actor_page
from pipeline.outputs.review.corpus import UNDATED, Corpus
from pipeline.outputs.review.index import page_name
from pipeline.outputs.review.vocabulary import direction_name, tie_type, type_name


def ties(corpus: Corpus, actor) -> list:
    out = []
    for n in actor.ties:
        tie = corpus.ties[n]
        other = corpus.actors[tie["b"] if tie["a"] == actor.key else tie["a"]]
        doc_id, doc_title = corpus.docs[tie["doc"]]
        out.append({"other": other.name, "other_page": f"../{actor_page(other.key)}", "type": tie["type"],
                    "type_name": tie_type(tie["type"]), "date": tie["date"] or "", "directions": tie["directions"],
                    "score": tie["score"], "title": doc_title,
                    "href": f"../{page_name(doc_id)}" + (f"#s{tie['evidence'][0]}" if tie["evidence"] else "")})
    return sorted(out, key=lambda t: (t["date"], t["other"]))


def by_year(actor) -> dict:
    """Articles naming the actor per year and direction (the article's date; undated ones under "без даты")."""
    rows = sorted(actor.years.items(), key=lambda kv: (kv[0] == UNDATED, kv[0]))
    return {"labels": [(label, direction_name(label)) for label in direction_labels()],
            "rows": [{"year": y, "articles": c["_articles"], "counts": [c[label] for label in direction_labels()]}
                     for y, c in rows]}


def actor_context(corpus: Corpus, actor) -> dict:
    return {"actor": {"name": actor.name, "key": actor.key, "slug": actor.slug, "id": actor.id,
                      "type": type_name(actor.label, actor.kind),
                      "code": f"{actor.label}/{actor.kind}" if actor.kind else actor.label,
                      "variants": sorted(n for n in actor.names if n != actor.name)},
            "articles": actor.articles, "mention_count": actor.count,
            "mentions": actor.mentions, "ties": ties(corpus, actor),
            "years": by_year(actor), "mode": corpus.mode}
