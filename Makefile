# Two entry points, both self-contained on a machine with only Python:
#   make build   regenerate specs/ and generated/ from specs/sources
#   make test    run the test suite (make test-slow: the opt-in slow tests)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test test-slow check venv dist clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

build: $(STAMP)
	$(BIN)/apigen build

check: $(STAMP)
	$(BIN)/apigen check

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# the opt-in tests: apigen's wheel installed into a fresh venv, the README walkthroughs as written
test-slow: $(STAMP)
	$(BIN)/python -m pytest -n 2 -m slow $(PYTEST_ARGS)

# dist/: the sdist, and the wheel built from it (so the wheel proves the sdist complete); no build/ left here
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -c "from setuptools import build_meta; build_meta.build_sdist('dist')"
	$(BIN)/pip wheel --quiet --no-deps --no-build-isolation -w dist dist/apigen-*.tar.gz
	@ls -l dist

clean:
	rm -rf $(VENV)
