# The two commands a user needs (see README):  make run   and   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1

.PHONY: run test test-quick install browser screenshots bench eval lint clean-index

run: $(STAMP)                  ## start the chat app (builds/updates the index first)
	$(BIN)/python app.py $(ARGS)

test: $(STAMP) browser         ## run the whole test suite; "no tests collected" counts as failure
	@$(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc

test-quick: $(STAMP)          ## the edit-loop tier: no model, no index build, no server (< 60 s)
	$(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider $(PYTEST_ARGS)

bench: $(STAMP)                ## speed benchmarks, ~35 min (cold start vs 3 s / 6 s, 100k, big inputs; ARGS="--quick")
	$(BIN)/python -m benchmarks $(ARGS)

eval: $(STAMP)                 ## answer-quality evaluation
	$(BIN)/assistant eval $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check assistant tests benchmarks app.py && $(BIN)/ruff format --check assistant tests benchmarks app.py

install: $(STAMP)

# torch first, pinned to the local CPU build, so nothing pulls a multi-GB CUDA build.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q "torch==2.13.0"
	$(BIN)/python -m pip install -q -e ".[test]"
	@touch $@

# Debian's Chromium for the browser tests (playwright cannot download its own browser here), and
# axe-core from the npm registry for their accessibility checks (a test dependency, kept in .venv).
AXE_VERSION := 4.14.1
AXE_DIR     := $(VENV)/node
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian chromium for the browser tests ..."; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@test -f $(AXE_DIR)/node_modules/axe-core/axe.min.js || { \
	  command -v npm >/dev/null 2>&1 || { \
	    echo "Installing npm for axe-core ..."; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; }; \
	  echo "Installing axe-core $(AXE_VERSION) for the browser tests ..."; \
	  npm install --prefix $(AXE_DIR) axe-core@$(AXE_VERSION) --no-audit --no-fund --silent; }

screenshots: $(STAMP) browser  ## the README screenshots (docs/screenshots/), from the browser tests
	UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/test_browser.py -q

clean-index:
	rm -rf index/gen-* index/CURRENT index/.lock
