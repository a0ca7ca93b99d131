"""The Language as spaCy sees it: the stage contract checked by spaCy's own
analysis, and results any spaCy tool reads (doc.ents, doc.spans, displaCy)."""

import json
import logging
import re
import subprocess
import sys

import pytest
from spacy import displacy

from pipeline.nlp.build import STAGES
from pipeline.text.clean import clean


def test_every_stage_declares_what_it_needs_and_spacy_finds_no_problem(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert nlp.pipe_names == STAGES
    assert analysis["problems"] == {name: [] for name in STAGES}
    assert all(nlp.get_pipe_meta(name).assigns for name in STAGES)


def test_a_stage_out_of_order_is_reported(nlp):
    """The declarations are real: places before the lemmas it reads is a problem."""
    from pipeline.nlp.build import build
    analysis = build(["morphology", "places", "lemmas"]).analyze_pipes(pretty=False)
    assert "token.lemma" in analysis["problems"]["places"]


@pytest.mark.parametrize("text_in, expected", [
    ("Делегация Омской области 5 мая 2019 года посетила Министерство иностранных дел Республики Казахстан.",
     [("Омской области", "LOC", "iso:RU-OMS"), ("5 мая 2019 года", "DATE", ""),
      ("Министерство иностранных дел Республики Казахстан", "ORG", "")]),
    ("Акимат Павлодарской области выделил 1,2 млрд тенге.",
     [("Акимат Павлодарской области", "ORG", ""), ("1,2 млрд тенге", "MONEY", "")]),
])
def test_doc_ents_hold_the_final_entities(nlp, text_in, expected):
    doc = nlp(clean(text_in).text)
    assert [(e.text, e.label_, e.kb_id_) for e in doc.ents] == expected
    assert [(e.start, e.end) for e in doc._.entities] == [(e.start_char, e.end_char) for e in doc.ents]


MARK = re.compile(r"<mark[^>]*>\s*([^<]*?)\s*<span[^>]*>\s*(\w+)")  # text, label


def test_displacy_renders_a_region_a_body_and_a_date(nlp):
    """displaCy reads doc.ents as it is: each entity marked with its label."""
    doc = nlp(clean("Губернатор Омской области 12 марта 2021 года посетил Министерство иностранных дел "
                    "Республики Казахстан.").text)
    marks = MARK.findall(displacy.render(doc, style="ent"))
    assert marks == [("Омской области", "LOC"), ("12 марта 2021 года", "DATE"),
                     ("Министерство иностранных дел Республики Казахстан", "ORG")]


def test_the_candidates_of_every_layer_overlap_in_a_span_group(nlp):
    """"Правительство Омской области" is one entity; the gazetteer's place inside it stays a candidate."""
    doc = nlp("Правительство Омской области ответило.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Правительство Омской области", "ORG")]
    assert ("Омской области", "LOC") in [(s.text, s.label_) for s in doc.spans["candidates"]]


LOAD = """
import gc, json, logging
from threadpoolctl import threadpool_info
import numpy, scipy.linalg, sklearn.linear_model  # the pools a notebook has loaded
before = {p["internal_api"]: p["num_threads"] for p in threadpool_info()}
from pipeline.ingest.sources import read_source
from pipeline.nlp.build import pipeline
pipeline()("Делегация области 1 марта 2020 г. посетила город.")
after = {p["internal_api"]: p["num_threads"] for p in threadpool_info() if p["internal_api"] in before}
levels = [logging.getLogger(name).level for name in ("pypdf", "trafilatura")]
print(json.dumps([gc.get_freeze_count(), before == after, levels]))
"""


def test_loading_the_pipeline_in_a_notebook_leaves_process_settings_alone():
    """Thread limits and the frozen collector are a worker's (backends.warm_up),
    not an importer's; nor does importing the readers change logging."""
    out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True).stdout
    frozen, same_threads, levels = json.loads(out.strip().splitlines()[-1])
    assert frozen == 0 and same_threads and levels == [logging.NOTSET, logging.NOTSET]
