"""The `kind` of a place or organisation from the words of its name
(entities.md rule 7); the gazetteer, where it knows a place, says better."""

from pipeline.nlp import models
from pipeline.rules.lexicon import data_lines, table, words
from pipeline.rules.body_complement import head_lemma as body_head, is_head
from pipeline.rules.name_index import Name, NameIndex, fold, words_of
from pipeline.rules.normal_forms import is_nominal, quoted

ORDER = ("other", "ngo")  # checked before the head word


def loc_kind(lemmas: list, before: str = "") -> str:
    """From the words of a place the gazetteer does not know, and the lemma
    of the word before it: a region word in the name, a settlement word
    before it ("в селе Железинка"); with neither, no guess: `other`."""
    if words("region_words.txt") & set(lemmas):
        return "region"
    return "city" if fold(before) in words("settlement_words.txt") else "other"


def head_lemma(tokens, inside: list) -> str:
    """The first noun of the name outside quotes and legal forms; a body's
    head word by its own readings, whatever the tagger made of it ("Акиматом"
    tagged as an adjective, "Акиматами" lemmatised "акимата")."""
    forms = table("legal_forms.tsv")
    for t, in_quotes in zip(tokens, inside):
        if not in_quotes and (is_head(t) or is_nominal(t)) and t.text not in forms:
            return body_head(t)
    return ""


def org_kind(tokens) -> str:
    inside = quoted(tokens)
    forms, by_word = table("legal_forms.tsv"), table("org_kind_words.tsv")
    legal = next((forms[t.text] for t in tokens if t.text in forms), None)
    # what the body does ("по … безопасности дорожного движения") says nothing of its kind
    named = tokens[:next((i for i, t in enumerate(tokens) if fold(t.text) in ("по", "при")), len(tokens))]
    kinds = {by_word.get(fold(t.lemma_)) for t in named} | {by_word.get(fold(t.text)) for t in named}
    for kind in ORDER:  # a chamber of commerce or a university is never a body of state power
        if kind in kinds:
            return kind
    if legal != "company" and (head_lemma(tokens, inside) in words("government_words.txt")
                               or tokens[0].text in words("government_abbreviations.txt")):
        return "international" if part_of_international(tokens) else "government"
    return legal or ("company" if "company" in kinds else "other")


def load_international() -> NameIndex:
    """The intergovernmental organisations of the lexicon, matched by lemma
    (built once per process by `models.international`)."""
    return NameIndex(Name(n, words_of(n), "international") for n in data_lines("lexicon", "international.txt"))


def part_of_international(tokens) -> bool:
    """A body of an intergovernmental organisation ("Совет глав государств СНГ")."""
    return bool(models.international().find(tokens))
