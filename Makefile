# Two commands do everything on a fresh machine: `make run` and `make test`.
# Each creates .venv on first use and (re)installs requirements.txt when it changes.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
PORT ?= 8501

.PHONY: install run test lint bench clean

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

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
