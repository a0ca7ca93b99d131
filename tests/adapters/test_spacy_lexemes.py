"""The set-based like_num agrees with spaCy's Russian one."""

import pytest
import spacy
from spacy.attrs import LIKE_NUM
from spacy.lang.ru.lex_attrs import like_num as spacys

from pipeline.adapters.spacy_lexemes import install, like_num

WORDS = ["двадцать", "Двадцать", "миллиардов", "трлн", "xiv", "XIV", "12", "+5", "-3,5", "~10", "50%",
         "1.000.000", "3/4", "3/4/5", "a/b", "область", "Омск", "первый", "", "-", "1990-х", "½", "٣"]


@pytest.mark.parametrize("word", WORDS)
def test_like_num_is_spacys(word):
    assert like_num(word) == spacys(word)


def test_installed_in_a_russian_vocab():
    nlp = spacy.blank("ru")
    install(nlp.vocab)
    assert nlp.vocab.lex_attr_getters[LIKE_NUM] is like_num
    doc = nlp("Двести тысяч рублей и 15 % — это XIV век")
    assert [t.like_num for t in doc] == [spacys(t.text) for t in doc]
    assert [t.text for t in doc if t.like_num] == ["Двести", "тысяч", "15", "XIV"]
