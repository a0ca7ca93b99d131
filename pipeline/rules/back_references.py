"""Back-references: a bare "Акимат" / "администрация" that points to the body
of the same kind named earlier in the paragraph takes that body's normal and
`governs`. A bare head with no antecedent is not an entity."""

from pipeline.rules.lexicon import words
from pipeline.records import Entity
from pipeline.nlp.spans import index_at


def antecedent(token, head: str, bodies: list, starts: list):
    """The last body with this head named before the token in its paragraph."""
    para = index_at(starts, token.idx)
    earlier = [e for e, h in bodies if h == head and e.end <= token.idx and index_at(starts, e.start) == para]
    return max(earlier, key=lambda e: e.start, default=None)


def resolve_back_references(bodies: list, bare: list, paragraphs: list) -> list:
    starts = [s for s, _ in paragraphs]
    out = []
    for token, head in bare:
        if head not in words("back_reference_words.txt"):
            continue
        target = antecedent(token, head, bodies, starts)
        if target is not None:
            end = token.idx + len(token.text)
            out.append(Entity(token.idx, end, token.text, "ORG", target.normal, kind="government",
                              source="rule", governs=target.governs))
    return out
