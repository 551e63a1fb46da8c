# Two commands for a fresh machine with python3: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test wheel-check bench translations clean exe smoke

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { echo "python3 cannot create a venv: install python3-venv (sudo apt-get install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/annotator

test: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# `pip install .` as a user does it: the wheel in a fresh venv, run outside the source tree.
wheel-check:
	PYTHON=$(PYTHON) bash tests/wheel/check.sh

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_export.py
	$(BIN)/python benchmarks/bench_formats.py
	$(BIN)/python benchmarks/bench_suggest.py
	$(BIN)/python benchmarks/bench_reports.py
	$(BIN)/python benchmarks/bench_team.py  # 50 packages of 2,000 reports: about 2 minutes, 1 GB in /tmp
	# needs the public corpora outside the repository (benchmarks/corpora.py); skipped without them
	if $(BIN)/python -c "import sys; sys.path.insert(0, '.'); from benchmarks import corpora; sys.exit(not corpora.available())"; \
		then $(BIN)/python benchmarks/bench_learn.py; fi
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_start.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_view.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/bench_adjudicate.py

# After changing user-visible strings: extract them, fill Chinese from resources/translations/zh_CN.py, compile.
translations: $(VENV)/.installed
	$(BIN)/pyside6-lupdate -no-obsolete annotator/ui/*.py -ts resources/translations/annotator_zh_CN.ts
	$(BIN)/python resources/translations/zh_CN.py
	$(BIN)/pyside6-lrelease resources/translations/annotator_zh_CN.ts -qm resources/translations/annotator_zh_CN.qm

# The one-file executable (build.spec) and its smoke test: dist/annotator (annotator.exe on Windows).
$(VENV)/.installed-build: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[build]'
	touch $(VENV)/.installed $@

exe: $(VENV)/.installed-build
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec

smoke: exe $(VENV)/.installed-test
	$(BIN)/python tests/exe/smoke.py dist/annotator

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis
