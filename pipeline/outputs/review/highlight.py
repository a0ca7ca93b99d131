"""A stretch of text with its entities highlighted by displaCy (manual mode),
each mention anchored (#m<index>) and linked to its row in the entity table."""

import re
from functools import lru_cache
from html import escape

from spacy.displacy.render import EntityRenderer

from pipeline.outputs.review.colors import displacy_colors, ent_type

# displaCy fills {bg}, {text}, {label} and whatever a span's "params" adds.
TEMPLATE = ('<mark class="entity" id="m{mid}" title="{tip}" style="background: {bg}">{text}'
            '<a class="ent-label" href="#e{row}">{label}</a></mark>')


def _tip(e: dict) -> str:
    governs = e.get("governs") and f"governs {e['governs']}"
    value = e.get("value") if isinstance(e.get("value"), str) else None
    parts = [e.get("normal") or e["text"], e.get("id"), governs, value]
    return escape(" · ".join(str(p) for p in parts if p), quote=True)


def _spans(entities: list, start: int, end: int, rows: dict) -> list:
    """Mentions inside [start, end) relative to it; an overlapping one is
    skipped because displaCy draws flat spans only."""
    spans, last = [], start
    for i, e in enumerate(entities):
        if start <= e["start"] and e["end"] <= end and e["start"] >= last:
            spans.append({"start": e["start"] - start, "end": e["end"] - start,
                          "label": ent_type(e["label"], e.get("kind")),
                          "params": {"mid": i, "row": rows[i], "tip": _tip(e)}})
            last = e["end"]
    return spans


# displaCy wraps what it renders in one block; a stretch goes inside a sentence span.
WRAPPER = re.compile(r'^\s*<div class="entities"[^>]*>(.*)</div>\s*$', re.S)


@lru_cache(maxsize=64)
def _renderer(colors: tuple) -> EntityRenderer:
    """displaCy's entity renderer (what displacy.render(style="ent", manual=True)
    builds on every call), made once per colour set: one per sentence costs
    more than the highlighting itself."""
    return EntityRenderer({"colors": dict(colors), "template": TEMPLATE})


def fragment_html(doc: dict, start: int, end: int, rows: dict) -> str:
    """doc.text[start:end] as inline HTML; rows maps an entity's index to its table row."""
    spans = _spans(doc["entities"], start, end, rows)
    renderer = _renderer(tuple(sorted(displacy_colors(doc["entities"]).items())))
    html = renderer.render([{"text": doc["text"][start:end], "ents": spans}])
    return WRAPPER.match(html).group(1)
