"""The `kind` of a place or organisation from the words of its name
(entities.md rule 7); the gazetteer, where it knows a place, says better."""

from .lexicon import table, words
from .names import fold
from .normal import quoted

ORDER = ("other", "ngo")


def loc_kind(lemmas: list) -> str:
    if words("region_words.txt") & set(lemmas):
        return "region"
    return "city" if len(lemmas) == 1 else "other"


def head_lemma(tokens, inside: list) -> str:
    """The first noun of the name outside quotes and legal forms."""
    forms = table("legal_forms.tsv")
    for t, quoted in zip(tokens, inside):
        if not quoted and t.pos_ in ("NOUN", "PROPN") and t.text not in forms:
            return fold(t.lemma_)
    return ""


def org_kind(tokens) -> str:
    inside = quoted(tokens)
    forms, by_word = table("legal_forms.tsv"), table("org_kind_words.tsv")
    legal = next((forms[t.text] for t in tokens if t.text in forms), None)
    if legal != "company" and (head_lemma(tokens, inside) in words("government_words.txt")
                               or tokens[0].text in words("government_abbreviations.txt")):
        return "government"
    kinds = {by_word.get(fold(t.lemma_)) for t in tokens} | {by_word.get(fold(t.text)) for t in tokens}
    for kind in ORDER:
        if kind in kinds:
            return kind
    return legal or ("company" if "company" in kinds else "other")
