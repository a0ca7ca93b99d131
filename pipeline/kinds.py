"""The `kind` of a place or organisation from the words of its name
(entities.md rule 7); the gazetteer, where it knows a place, says better."""

from .lexicon import table, words


def loc_kind(lemmas: list) -> str:
    return "region" if words("region_words.txt") & set(lemmas) else "other"


def org_kind(lemmas: list, text: str) -> str:
    forms = table("legal_forms.tsv")
    first = text.split()[0] if text.split() else ""
    if first in forms:
        return forms[first]
    if lemmas and lemmas[0] in words("government_words.txt"):
        return "government"
    return "other"
