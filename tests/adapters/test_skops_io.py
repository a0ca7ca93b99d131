"""skops imported without scikit-learn's list of estimators and scipy's list
of ufuncs loads the same model, with the estimators listed among the file's
types (checked by the pipeline's own rule); scikit-learn and scipy are left
as they were. Each in a fresh process:
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
import sklearn.utils, sklearn.utils.discovery, scipy
from pipeline.nlp.models import DIRECTIONS_MODEL
from pipeline.training import model
texts = ["соглашение о торговле и экспорте зерна", "паводок и эвакуация жителей", "гастроли театра"]
print(json.dumps({
    "restored": sklearn.utils.all_estimators is sklearn.utils.discovery.all_estimators
                and scipy.special is sys.modules["scipy.special"],
    "ufuncs": len(sys.modules["skops.io._trusted_types"].SCIPY_UFUNC_TYPE_NAMES),
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
    assert set(plain["listed"]) < set(quick["listed"])
    assert all(t.startswith("sklearn.") for t in set(quick["listed"]) - set(plain["listed"]))
    assert quick["ufuncs"] == 0 and plain["ufuncs"] > 100  # the list skipped, and it was one
    assert quick["probabilities"] == plain["probabilities"]
