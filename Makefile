# verideck — `make slides` builds every deck in decks/ into build/; `make test` runs the tests.
# The first run creates a virtualenv in .venv/ and installs verideck into it (pinned by constraints.txt),
# and installs marp-cli and a headless Chromium into node_modules/ with `npm ci` (pinned by package-lock.json).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DECKS  := decks
OUT    := build
GOLDEN := tests/golden

NODE_STAMP := node_modules/.installed

.PHONY: slides html pdf pptx readme-image test test-fast lint doctor golden bench fuzz lock katex-commands clean

# Markdown only (no browser, the fast loop); `make html` or `verideck build --probe` also measures the layout.
slides: $(STAMP) $(NODE_STAMP)
	$(BIN)/verideck build $(DECKS) -o $(OUT) --handout

# Final artefacts through marp-cli, next to the Markdown: build/<stem>.html (fonts, figures, pictures and emoji
# embedded: it opens offline), .pdf, .pptx. Each renders, so the layout probe measures every slide in Chromium:
# a slide that runs past its page fails the build (`verideck build --allow-overflow` lists them instead).
html pdf pptx: $(STAMP) $(NODE_STAMP)
	$(BIN)/verideck build $(DECKS) -o $(OUT) --handout --to $@

# The slide picture in README.md, photographed from the built HTML in headless Chromium
readme-image: html
	$(BIN)/python tools/screenshot.py $(OUT)/gd-first-step.en.html docs/slide.png --slide 6

# Every tier: the browser tests use the Chromium `npm ci` brings when the system has none.
test: $(STAMP) $(NODE_STAMP) lint
	$(BIN)/python -m pytest

# The linter's and the type checker's settings are in pyproject.toml ([tool.ruff], [tool.mypy]); 0 findings
lint: $(STAMP)
	$(BIN)/ruff check generator tools
	$(BIN)/mypy

# The loop while editing: without a real browser, the wheel in a fresh virtualenv, or whole example builds
test-fast: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -m "not slow"

doctor: $(STAMP) $(NODE_STAMP)
	$(BIN)/verideck doctor

# marp-cli (and the KaTeX copy it renders with) and a headless Chromium, pinned by package-lock.json
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $(NODE_STAMP)

# Regenerate the golden decks after an intended change; review with `git diff tests/golden`.
golden: $(STAMP)
	rm -rf $(GOLDEN)
	$(BIN)/verideck build $(DECKS) -o $(GOLDEN) --handout
	find $(GOLDEN) -mindepth 1 -type d -exec rm -rf {} +

bench: $(STAMP)
	$(BIN)/python tests/bench.py

# The commands marp-core's KaTeX knows, for the checker's macro lint (after an update of marp-cli; a test
# compares the list with the installed KaTeX).
katex-commands: $(NODE_STAMP)
	VERIDECK_NODE_MODULES=$(CURDIR)/node_modules node generator/node/katex-commands.js > generator/check/katex_commands.txt

# Differential testing: N random teaching decks (seeded) through the real build; every checker finding, crash
# or timeout is reported with a minimal reproducer (exit 1). `make test` runs a fixed budget of it.
SEED ?= 1
N    ?= 500
JOBS ?= 2
fuzz: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m tests.differential.run --seed $(SEED) --n $(N) --jobs $(JOBS)

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
