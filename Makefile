# Two commands do everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: site test serve check clean bench lighthouse

# Runtime venv, rebuilt when the pins change.
$(STAMP): requirements.txt constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	@touch $@

$(TSTAMP): $(STAMP) requirements-test.txt tests/install-system-deps.sh
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	@bash tests/install-system-deps.sh $(VENV)
	@touch $@

site: $(STAMP)
	$(PY) build.py build

# The suite runs on every core (pytest-xdist), one worker more than the cores: about a
# quarter of a worker's time is spent waiting (browsers, servers, subprocesses), and on 2
# cores 3 workers took 9 min 19 s where 2 took 11 min 13–37 s (7 Dec). The few tests that bound
# wall-clock latency (marked `timed`) run afterwards, alone, so a busy neighbour cannot fail them.
# Bytecode is written even where PYTHONDONTWRITEBYTECODE is set (as on our CI machines): the
# suite starts the generator in a few hundred subprocesses, and compiling its modules afresh in
# each cost ~0.1 s of a 0.5 s start (tests of the CLI took 61 s without bytecode, 44 s with), and
# each pytest worker ~4 s to collect.
TEST_WORKERS ?= $(shell python3 -c "import os; print(len(os.sched_getaffinity(0)) + 1 if hasattr(os, 'sched_getaffinity') else (os.cpu_count() or 1) + 1)")
test: $(TSTAMP)
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q -n $(TEST_WORKERS) --dist worksteal -m "not timed"
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -q -m timed

serve: $(STAMP)
	$(PY) build.py serve

check: $(STAMP)
	$(PY) build.py check

# Benchmark (bench/README.md): corpus, our builds, Markdown floor, Pelican. Slow; not part of test.
# Other sizes: make bench BENCH_ARGS="--sizes 1000 --repeat 3"
bench: $(STAMP)
	$(PY) bench/run.py $(BENCH_ARGS)

# Optional: Lighthouse (npm, pinned) on the demo site's home and an article, mobile.
LIGHTHOUSE_VERSION := 12.8.2
lighthouse: $(STAMP)
	@test -x .cache/lighthouse/node_modules/.bin/lighthouse || \
	  npm install --prefix .cache/lighthouse --no-audit --no-fund --loglevel=error lighthouse@$(LIGHTHOUSE_VERSION)
	CHROME_PATH=/usr/bin/chromium $(PY) tools/lighthouse.py

clean:
	rm -rf public .cache test-artifacts
