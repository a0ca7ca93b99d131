"""pymorphy3's `MorphAnalyzer.parse` of a word its dictionary knows, in one
function: the same `Parse` records, without a Python call per step.

A known word is most words of a text. For it the library looks the word up
(with "е" read as "ё" too), builds each analysis's normal form and tag with
a method call each, makes a record of each, then for each asks the
probability table P(tag | word) with a call, sorts, and makes each record
again as a `Parse`. Here the same steps are one loop over the paradigms'
arrays. A word the dictionary does not know, or a capital letter (the
initials' units also read it), is handed to the library; a word of Cyrillic
letters alone it does not know to the library's guessing units only (its
units of numbers, punctuation, Roman numerals, Latin and hyphenated words
give it nothing: 60 -> 42 µs a word).

Touches: the analyser's units (`_units`: the first, terminal group must be
the dictionary and the two initials units, their `_letters_set`), its
`char_substitutes`, `_result_type`, the dictionary's `words`, `paradigms`,
`gramtab`, `paradigm_prefixes`, `suffixes` and its `build_stem` (as `build_normal_form` and
`build_tag_info` read them), the probability estimator's `p_t_given_w`
and `MULTIPLIER` (as `apply_to_parses` reads them) and its
`apply_to_parses`, each unit's `parse(word, word_lower, seen)`. Compared with the
library by tests/adapters/test_pymorphy_parse.py.

The same for a dictionary analysis's lexeme and `inflect` (the lemma of a
name or participle is an inflected form): the library makes a `Parse` of
each of the paradigm's forms (up to ~200 for a verb with its participles);
here the forms' tags are tested first and only the words of those that fit
are made (`Dictionary.build_paradigm_info`, `DictionaryAnalyzer.get_lexeme`
and `MorphAnalyzer._inflect` read the same way; the tag class's
`fix_rare_cases`)."""

import re
from operator import itemgetter

from pymorphy3 import units as u

score_of = itemgetter(3)
# pymorphy3's units for Russian, in their order (its DEFAULT_UNITS)
RUSSIAN_UNITS = [u.DictionaryAnalyzer, u.AbbreviatedFirstNameAnalyzer, u.AbbreviatedPatronymicAnalyzer,
                 u.NumberAnalyzer, u.PunctuationAnalyzer, u.RomanNumberAnalyzer, u.LatinAnalyzer,
                 u.HyphenSeparatedParticleAnalyzer, u.HyphenAdverbAnalyzer, u.HyphenatedWordsAnalyzer,
                 u.KnownPrefixAnalyzer, u.UnknownPrefixAnalyzer, u.KnownSuffixAnalyzer, u.UnknAnalyzer]
CYRILLIC = re.compile("[а-яёА-ЯЁ]+")


def known_word_parser(morph):
    """A function word -> list of Parse, as `morph.parse` gives them (its
    `forms` and `inflected_word` as a Parse's lexeme and inflect give them);
    the library's own where the analyser is not laid out as expected."""
    first_group = [(type(unit), terminal) for unit, terminal in morph._units[:3]]
    if first_group != [(u.DictionaryAnalyzer, False), (u.AbbreviatedFirstNameAnalyzer, False),
                       (u.AbbreviatedPatronymicAnalyzer, True)] \
            or morph.prob_estimator is None or morph._result_type is None:
        return Library(morph)
    try:
        return KnownWords(morph)
    except AttributeError:  # its internals moved (a release the adapter tests have not seen): the library's own
        return Library(morph)


class Library:
    """The library's own parse, lexeme and inflect."""

    def __init__(self, morph):
        self.library = morph.parse

    def __call__(self, word: str) -> list:
        return self.library(word)

    def forms(self, parse) -> list:
        """(word, tag) of each form of the analysis's lexeme, in the library's order."""
        return [(form.word, form.tag) for form in parse.lexeme]

    def inflected_word(self, parse, required: set) -> str | None:
        """`parse.inflect(required).word`, None where there is no such form."""
        form = parse.inflect(required)
        return form.word if form else None


class KnownWords(Library):
    def __init__(self, morph):
        super().__init__(morph)
        self.rare_cases_fixed = morph.TagClass.fix_rare_cases
        units = morph._units
        self.unit = units[0].analyzer
        self.letters = units[1].analyzer._letters_set | units[2].analyzer._letters_set  # the initials' own words
        dictionary = morph.dictionary
        self.similar = dictionary.words.similar_items
        self.substitutes = morph.char_substitutes
        self.paradigms, self.gramtab = dictionary.paradigms, dictionary.gramtab
        self.tag_keys = [f":{tag}" for tag in self.gramtab]  # a tag's part of its key in P(t|w)
        self.prefixes, self.suffixes = dictionary.paradigm_prefixes, dictionary.suffixes
        self.build_stem = dictionary.build_stem
        table = morph.prob_estimator.p_t_given_w
        self.prob, self.multiplier = table.get, table.MULTIPLIER
        self.record = morph._result_type
        # A word of Cyrillic letters alone that the dictionary does not know gets
        # nothing from the units of numbers, punctuation, Roman numerals, Latin
        # words and hyphens: it is guessed by the units from the known prefixes on.
        kinds = [type(unit) for unit, _ in units]
        self.guessers = units[kinds.index(u.KnownPrefixAnalyzer):] if kinds == RUSSIAN_UNITS else None
        self.estimate = morph.prob_estimator.apply_to_parses

    def __call__(self, word: str) -> list:
        if word in self.letters:
            return self.library(word)
        lower = word.lower()
        found = self.similar(lower, self.substitutes)
        if not found:
            return self.guessed(word, lower) if self.guessers and CYRILLIC.fullmatch(word) else self.library(word)
        paradigms, gramtab, tag_keys, prob, multiplier = (self.paradigms, self.gramtab, self.tag_keys,
                                                          self.prob, self.multiplier)
        parses = []
        for fixed, forms in found:  # `fixed`: the word as the dictionary spells it ("ё")
            for para_id, idx in forms:
                paradigm = paradigms[para_id]
                size = len(paradigm) // 3
                tag_id = paradigm[size + idx]
                normal = fixed if idx == 0 else normal_form(paradigm, size, self.build_stem(paradigm, idx, fixed),
                                                            self.prefixes, self.suffixes)
                parses.append((fixed, gramtab[tag_id], normal, prob(lower + tag_keys[tag_id], 0) / multiplier,
                               ((self.unit, fixed, para_id, idx),)))
        return self.records(parses)

    def guessed(self, word: str, lower: str) -> list:
        """MorphAnalyzer.parse from the guessing units on (the ones before give such a word nothing)."""
        parses, seen = [], set()
        for unit, terminal in self.guessers:
            parses.extend(unit.parse(word, lower, seen))
            if terminal and parses:
                break
        new, record = tuple.__new__, self.record
        return [new(record, parse) for parse in self.estimate(word, lower, parses)]

    def records(self, parses: list) -> list:
        """apply_to_parses: by probability, or equal shares where the table knows none."""
        new, record = tuple.__new__, self.record
        if not any(map(score_of, parses)):
            share = 1.0 / float(len(parses))  # the library's 1.0 / sum of scores of 1.0
            return [new(record, (word, tag, normal, 1.0 * share, stack)) for word, tag, normal, _, stack in parses]
        parses.sort(key=score_of, reverse=True)  # stable, as the library's sorted(..., reverse=True)
        return [new(record, parse) for parse in parses]

    def forms(self, parse) -> list:
        stack = parse.methods_stack
        if len(stack) != 1 or stack[0][0] is not self.unit:  # not the dictionary's own analysis
            return super().forms(parse)
        return list(self.lexeme(parse, stack[0][2], stack[0][3], lambda grammemes: True))

    def inflected_word(self, parse, required: set) -> str | None:
        stack = parse.methods_stack
        if len(stack) != 1 or stack[0][0] is not self.unit:
            return super().inflected_word(parse, required)
        _, _, para_id, idx = stack[0]
        fits = list(self.lexeme(parse, para_id, idx, required.__le__))
        if not fits:  # as the library: rare cases (loc2, voct...) read as the common ones
            required = self.rare_cases_fixed(required)
            fits = list(self.lexeme(parse, para_id, idx, required.__le__))
        grammemes = parse.tag.updated_grammemes(required)
        # heapq.nlargest(1, ...) as the library takes it: the first of the most similar
        best = max(fits, key=lambda form: len(grammemes & form[1].grammemes) - 0.1 * len(grammemes ^ form[1].grammemes),
                   default=None)
        return None if best is None else best[0]

    def lexeme(self, parse, para_id: int, idx: int, wanted):
        """(word, tag) of the lexeme's forms whose grammemes `wanted` accepts;
        a form's word made only then (get_lexeme's stem, prefix and suffix)."""
        paradigm, prefixes, suffixes, gramtab = self.paradigms[para_id], self.prefixes, self.suffixes, self.gramtab
        size = len(paradigm) // 3
        stem = self.build_stem(paradigm, idx, parse.word)
        for index in range(size):
            tag = gramtab[paradigm[size + index]]
            if wanted(tag.grammemes):
                yield prefixes[paradigm[2 * size + index]] + stem + suffixes[paradigm[index]], tag


def normal_form(paradigm, size: int, stem: str, prefixes, suffixes) -> str:
    """Dictionary.build_normal_form, given the form's stem (its build_stem)."""
    return prefixes[paradigm[2 * size]] + stem + suffixes[paradigm[0]]
