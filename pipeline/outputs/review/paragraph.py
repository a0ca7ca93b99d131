"""A paragraph shown as its sentences: each is an anchor (#s<index>) followed
by its own directions as small labels (visible, not only on hover), so that
an evidence link lands on the sentence and a reader sees why it counts."""

from html import escape

from pipeline.outputs.review.colors import direction_color
from pipeline.outputs.review.highlight import fragment_html
from pipeline.outputs.review.vocabulary import direction_name, short_name


def segments(doc: dict, n: int) -> list:
    """(start, end, sentence indexes) covering paragraph n; sentences that an
    entity spans across stay together, since a mark cannot be split."""
    p = doc["paragraphs"][n]
    found = []
    for i, s in enumerate(doc["sentences"]):
        if s["paragraph"] != n:
            continue
        if found and any(e["start"] < found[-1][1] < e["end"] for e in doc["entities"]):
            found[-1] = (found[-1][0], s["end"], found[-1][2] + [i])
        else:
            found.append((s["start"], s["end"], [i]))
    return found or [(p["start"], p["end"], [])]


def _gap(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def _directions(doc: dict, indexes: list) -> list:
    return [d for i in indexes for d in doc["sentences"][i].get("directions", [])]


def _tooltip(dirs: list) -> str:
    named = [f"{direction_name(d['label'])} ({d['label']}) {d['score']:.2f}" for d in dirs]
    return escape(", ".join(named) or "без направления", quote=True)


def _labels(dirs: list) -> str:
    """The sentence's directions after it: short Russian name, colour, score."""
    return "".join(f'<span class="sdir" style="border-color: {direction_color(d["label"])}; color: '
                   f'{direction_color(d["label"])}" title="{escape(direction_name(d["label"]))} ({d["label"]})">'
                   f'{escape(short_name(d["label"]))} {d["score"]:.2f}</span>' for d in dirs)


def paragraph_html(doc: dict, n: int, rows: dict, evidence: set) -> str:
    p, text, cursor, html = doc["paragraphs"][n], doc["text"], doc["paragraphs"][n]["start"], []
    for start, end, indexes in segments(doc, n):
        html.append(_gap(text[cursor:start]))
        anchors = "".join(f'<span id="s{i}"></span>' for i in indexes[1:])
        css = "sent ev" if evidence & set(indexes) else "sent"
        sid = f' id="s{indexes[0]}"' if indexes else ""
        dirs = _directions(doc, indexes)
        html.append(f'<span class="{css}"{sid} title="{_tooltip(dirs)}">{anchors}'
                    f'{fragment_html(doc, start, end, rows)}</span>{_labels(dirs)}')
        cursor = end
    html.append(_gap(text[cursor:p["end"]]))
    return f'<div class="entities">{"".join(html)}</div>'
