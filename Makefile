# Two commands do everything on a fresh machine: `make run` and `make test`.
# Each creates .venv on first use and (re)installs requirements.txt when it changes.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
PORT ?= 8501

.PHONY: install run test lint bench clean messages

install: $(STAMP)

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

run: install
	$(PY) -m streamlit run server.py --server.headless true --server.port $(PORT)

test: install lint
	$(PY) -m pytest

lint: install
	$(PY) -m ruff check .

bench: install
	$(PY) bench/handbook_pages.py
	$(PY) bench/search.py
	$(PY) bench/assessment_engine.py
	$(PY) bench/room_load.py --participants 200 --join-seconds 20
	$(PY) bench/toolkit_exports.py

# Interface strings: extract them (babel.cfg) and merge new ones into each language's catalogue, for a
# translator to fill in; tests/unit/test_catalogues.py fails until every one is translated.
messages: install
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -k NN_:1,2 -k NC_:1c,2 --no-location --sort-output --omit-header \
		-o content/locale/messages.pot .
	$(VENV)/bin/pybabel update -i content/locale/messages.pot -d content/locale --no-fuzzy-matching \
		--ignore-obsolete

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
