"""Quoted stretches of a sentence, nested quotes balanced:
«Возрождение казахских традиций «Путь Чокана»» is one group, and so is the
common spelling that closes both quotes with one: «… «Путь Чокана»."""

OPENING, CLOSING = {"«": "»", "„": "“", "“": "”"}, {"»", "“", "”"}
QUOTES = {*OPENING, *CLOSING, '"'}


def closes(stack: list, mark: str) -> bool:
    return bool(stack) and (OPENING.get(stack[-1][0]) == mark or stack[-1][0] == mark == '"')


def pairs_and_open(tokens):
    """(open, close, depth) of every closed pair, and the openers left open."""
    stack, pairs = [], []
    for i, t in enumerate(tokens):
        if t.text not in QUOTES:
            continue  # only quotes open or close
        if closes(stack, t.text):
            pairs.append((stack.pop()[1], i, len(stack)))
        elif t.text in OPENING or t.text == '"':
            stack.append((t.text, i))
    return pairs, [i for _, i in stack]


def quote_groups(tokens) -> list:
    """(open index, close index) of each outermost group. An opener left open
    ends where the first quote nested right inside it closes."""
    pairs, left_open = pairs_and_open(tokens)
    groups = [(o, c) for o, c, depth in pairs if depth == 0]
    for depth, o in enumerate(left_open):
        inner = [(o2, c2) for o2, c2, d in pairs if o2 > o and d == depth + 1]
        if inner:
            groups.append((o, inner[0][1]))
    return sorted(g for g in groups if not any(h != g and h[0] <= g[0] and g[1] <= h[1] for h in groups))

