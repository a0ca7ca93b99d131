"""razdel's tokens found from its atoms are razdel's own tokens."""

import itertools
import sys
from pathlib import Path

import pytest
from razdel import tokenize as razdel_tokenize
from razdel.segmenters.tokenize import ATOM, PUNCTS

from pipeline.adapters.razdel_tokens import ATOM_KINDS, SOKRS, token_spans
from pipeline.ingest.sources import read_source

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "raw"


@pytest.mark.parametrize("text_in", [
    "что-то", "Усть-Каменогорск — город", "слово -то и то- слово", "К_тому_же", "1,5 и 1/2 и 3.14",
    "Он сказал: «Да!» ... и ушёл?! :)))", "ΔP и mβж", "Yahoo! и --- ***", "(Омск) — [Павлодар]",
    "В 2019 г. в Омске, т. е. в РФ", "Ту-154М  и  Су-27\tи км2", "", " ", "№5, 10:30, 2002, 2004",
    "Yahoo!!, yahoo!», Омск!», 5-й, 5_й, км/ч, 1/2-я, 2,5%, т.е., 1990-е", ":-) ;) Омск:)", "a-b_c/d\\1.2,3",
])
def test_token_spans_are_razdels(text_in):
    found = [(start, stop, text_in[start:stop]) for start, stop in token_spans(text_in)]
    assert found == [(t.start, t.stop, t.text) for t in razdel_tokenize(text_in)]


def test_token_spans_are_razdels_on_every_pair_of_atom_kinds():
    # each kind of atom (Russian and Latin letters, digits, each mark razdel's
    # rules name, an other symbol) touching each, with a context each side
    atoms = ["Омск", "yahoo", "12", "-", "—", "_", ".", ",", "/", "\\", "!", "?", "«", ")", ":", "*", "Δ"]
    for left, right in itertools.product(atoms, repeat=2):
        for text in (left + right, f"1 {left}{right} 2", f"и{left}{right}а", f"{left}{right}{left}{right}"):
            assert token_spans(text) == [(t.start, t.stop) for t in razdel_tokenize(text)], text


def test_atoms_are_razdels_for_every_character_a_case_blind_test_may_take():
    """Each character with another case (what ATOM's IGNORECASE reads
    differently), each ASCII one and each of the marks, alone and as a run,
    is the atom of the same kind as razdel's ATOM makes it ("ᲀ", an old
    form of "в", is a Russian letter)."""
    every = map(chr, range(sys.maxunicode + 1))
    chars = [c for c in every if c.lower() != c or c.upper() != c or c.isascii() or c in PUNCTS]
    for text in (" ".join(chars), " ".join(c * 3 for c in chars)):
        assert [(m.span(), m.lastgroup) for m in ATOM_KINDS.finditer(text)] == \
            [(m.span(), m.lastgroup) for m in ATOM.finditer(text)]
    kinds = [m.lastgroup for m in ATOM_KINDS.finditer("ᲀ Ωмега ſtraße 12 №")]
    assert kinds == ["RU", "OTHER", "RU", "LAT", "OTHER", "LAT", "INT", "PUNCT"]


@pytest.mark.parametrize("path", sorted(CORPUS.iterdir()), ids=lambda p: p.name)
def test_token_spans_are_razdels_on_the_corpus(path):
    text = read_source(path).text
    assert token_spans(text) == [(t.start, t.stop) for t in razdel_tokenize(text)]


@pytest.mark.parametrize("text_in, expected", [
    # across the space only the neighbour's kind counts: "-то" after a word stays whole
    ("Это что -то новое", ["Это", "что", "-то", "новое"]),
    ("-то новое", ["-", "то", "новое"]),
    # a number's period or comma joins it when a number follows the space
    ("В 1999. 5 человек", ["В", "1999.", "5", "человек"]),
    ("В 1999. Пять человек", ["В", "1999", ".", "Пять", "человек"]),
    ("В 2018, 2019 годах", ["В", "2018,", "2019", "годах"]),
    ("Счёт 2:1, т.е. ничья :)", ["Счёт", "2", ":", "1", ",", "т", ".", "е", ".", "ничья", ":)"]),
    ("", []),
])
def test_token_spans(text_in, expected):
    assert [text_in[a:b] for a, b in token_spans(text_in)] == expected


@pytest.mark.parametrize("word, expected", [("г", True), ("тыс", True), ("т", True), ("область", False)])
def test_razdels_abbreviations_are_read(word, expected):
    assert (word in SOKRS) is expected
