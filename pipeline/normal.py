"""Normal forms: a mention put in the nominative as written ("Омской
области" -> "Омская область", "Дональдом Трампом" -> "Дональд Трамп")."""

from .lemmas import best_parse, token_feats

NOMINAL = {"NOUN", "PROPN"}
AGREEING = {"ADJ", "DET", "NUM", "VERB"}
OPEN_QUOTES, CLOSE_QUOTES = "«„“", "»“”"


def restore_case(new: str, old: str) -> str:
    """Give the inflected word the capitalisation of the original, per hyphen part."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    parts = zip(new.split("-"), old.split("-"))
    return "-".join(n[:1].upper() + n[1:] if o[:1].isupper() else n for n, o in parts)


def inflect(token, grammemes: set) -> str:
    p = best_parse(token.text, token.pos_, token_feats(token))
    if p is None or "nomn" in p.tag.grammemes or "Fixd" in p.tag.grammemes:
        return token.text
    form = p.inflect(grammemes)
    return restore_case(form.word, token.text) if form else token.text


def quoted(tokens) -> list:
    """True for tokens inside quotes (names in quotes never change)."""
    depth, out = 0, []
    for t in tokens:
        if t.text in CLOSE_QUOTES and depth and t.text != '"':
            depth -= 1
        elif t.text == '"':
            depth = 0 if depth else 1
        out.append(depth > 0 or t.text in OPEN_QUOTES + CLOSE_QUOTES + '"')
        if t.text in OPEN_QUOTES:
            depth += 1
    return out


def head_index(tokens, inside) -> int:
    for i, t in enumerate(tokens):
        if t.pos_ in NOMINAL and not inside[i]:
            return i
    return -1


def phrase_forms(tokens) -> list:
    """Inflect the head noun and the words agreeing before it; the rest
    ("Министерства иностранных дел Республики Казахстан") stays as written."""
    inside = quoted(tokens)
    head = head_index(tokens, inside)
    if head < 0:
        return [inflect(t, {"nomn", "sing"}) if t.pos_ in AGREEING else t.text for t in tokens]
    number = "plur" if tokens[head].morph.get("Number") == ["Plur"] else "sing"
    forms = [t.text for t in tokens]
    for i in range(head):
        if tokens[i].pos_ in AGREEING and not inside[i]:
            forms[i] = inflect(tokens[i], {"nomn", number})
    forms[head] = inflect(tokens[head], {"nomn", number})
    return forms


def person_forms(tokens) -> list:
    return [inflect(t, {"nomn", "sing"}) if len(t.text) > 1 and t.is_alpha else t.text for t in tokens]


def nominative(span, label: str) -> str:
    tokens = [t for t in span if not t.is_space]
    if label == "PER":
        forms = person_forms(tokens)
    elif label == "DATE":
        forms = phrase_forms(tokens) if tokens and tokens[0].is_alpha else [t.text for t in tokens]
    elif label in ("LOC", "ORG"):
        forms = phrase_forms(tokens)
    else:
        forms = [t.text for t in tokens]
    return "".join(f + t.whitespace_ for f, t in zip(forms, tokens)).strip()
