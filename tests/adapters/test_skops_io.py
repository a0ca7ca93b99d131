"""skops imported without scikit-learn's list of estimators loads the same
model, with the estimators listed among the file's types (checked by the
pipeline's own rule); scikit-learn is left as it was. Each in a fresh process:
which import of skops comes first decides."""

import json
import subprocess
import sys

from conftest import ROOT

LOAD = """
import json, sys
if sys.argv[1] == "plain":
    import skops.io
from pipeline.adapters.skops_io import sio
import sklearn.utils, sklearn.utils.discovery
from pipeline.nlp.models import DIRECTIONS_MODEL
from pipeline.training import model
texts = ["соглашение о торговле и экспорте зерна", "паводок и эвакуация жителей", "гастроли театра"]
print(json.dumps({
    "restored": sklearn.utils.all_estimators is sklearn.utils.discovery.all_estimators,
    "listed": sio.get_untrusted_types(file=DIRECTIONS_MODEL),
    "probabilities": model.load(DIRECTIONS_MODEL)["estimator"].predict_proba(texts).tolist()}))
"""


def load(how: str) -> dict:
    done = subprocess.run([sys.executable, "-c", LOAD, how], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_model_loads_the_same_without_the_list_of_estimators():
    quick, plain = load("quick"), load("plain")
    assert quick["restored"] and plain["restored"]
    logistic = "sklearn.linear_model._logistic.LogisticRegression"
    assert logistic in quick["listed"] and logistic not in plain["listed"]
    assert quick["probabilities"] == plain["probabilities"]
