# verideck — `make slides` builds every deck in decks/ into build/; `make test` runs the tests.
# The first run creates a virtualenv in .venv/ and installs verideck into it (pinned by constraints.txt).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DECKS  := decks
OUT    := build
GOLDEN := tests/golden

.PHONY: slides test golden bench lock clean

slides: $(STAMP)
	$(BIN)/verideck build $(DECKS) -o $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest

# Regenerate the golden decks after an intended change; review with `git diff tests/golden`.
golden: $(STAMP)
	rm -rf $(GOLDEN)
	$(BIN)/verideck build $(DECKS) -o $(GOLDEN)
	find $(GOLDEN) -mindepth 1 -type d -exec rm -rf {} +

bench: $(STAMP)
	$(BIN)/python tests/bench.py

# Refresh constraints.txt from what is installed (after changing dependencies in pyproject.toml).
lock: $(STAMP)
	{ sed -n '1,2p' constraints.txt; $(BIN)/pip freeze --exclude-editable | grep -vi '^verideck'; } > constraints.new
	mv constraints.new constraints.txt

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(OUT) .pytest_cache
