# bilan: the README's verbs. Each target installs what is missing first.
SHELL := /bin/bash
SWIFT ?= swift
SURVEY ?= Surveys/cooperation-pelussin-2015.yaml
FUZZ_SECONDS ?= 60
SUDO := $(shell if [ "$$(id -u)" = 0 ]; then echo ""; elif command -v sudo >/dev/null 2>&1; then echo sudo; else echo none; fi)
APT_PACKAGES := libxlsxwriter-dev pkg-config libsqlite3-dev zlib1g-dev
PY_PACKAGES := openpyxl markdown-it-py linkify-it-py pyxform
# What the workbook tests open and render xlsx files with, the ssh client the room's tests
# connect to `bilan serve` with (skipped, with a message, when absent), and the PostgreSQL server
# the store tests start a throwaway cluster of (Tests/postgres/cluster.sh).
TEST_APT_PACKAGES := libreoffice-calc-nogui poppler-utils openssh-client postgresql openssl

.PHONY: deps test-deps python-deps build release demo example test format lint bench bench-room fuzz clean

## deps: install the system libraries bilan builds against (apt-get, with sudo when not root)
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$(SUDO)" = none ]; then \
	    echo "bilan needs:$$missing. Install them with apt-get as root (no sudo found)." >&2; exit 1; fi; \
	  echo "Installing$$missing…"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing \
	    || { echo "Could not install$$missing: run 'apt-get install$$missing' as root." >&2; exit 1; }; \
	fi

## test-deps: LibreOffice (headless) and pdftoppm, to prove the workbook opens and to look at it;
## PostgreSQL, for the tests of the shared store
test-deps:
	@missing=""; for p in $(TEST_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$(SUDO)" = none ]; then \
	    echo "The workbook tests use$$missing; without them they are skipped (no sudo found)." >&2; exit 0; fi; \
	  echo "Installing$$missing…"; \
	  { $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing \
	    || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; }; } \
	    || echo "Could not install$$missing: the tests that need them are skipped." >&2; \
	fi

## python-deps: the readers the tests check outputs with (openpyxl, markdown-it-py, pyxform)
python-deps:
	@python3 -c "import openpyxl, markdown_it, linkify_it, pyxform" 2>/dev/null || \
	  python3 -m pip install -q $(PY_PACKAGES) 2>/dev/null || \
	  python3 -m pip install -q --break-system-packages $(PY_PACKAGES) || \
	  { echo "Could not install $(PY_PACKAGES) with pip." >&2; exit 1; }

build: deps
	$(SWIFT) build

## release: the Swift runtime linked in statically: `bilan ask` shows its first question sooner
## (no dynamic symbol binding of the Swift libraries at start-up; see docs/benchmarks.md).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

## demo: the rehearsal, from a fresh machine: 15 synthetic responses and their reports in Reports/demo/
demo: release
	.build/release/bilan lint $(SURVEY)
	.build/release/bilan demo

## example: re-record Reports/example/ (the committed demo output, French, and its English twin in en/) — on purpose only
example: build
	rm -rf Reports/example
	.build/debug/bilan demo --output Reports/example
	.build/debug/bilan demo --output Reports/example/en --lang en
	rm -f Reports/example/responses.sqlite* Reports/example/en/responses.sqlite*

## bench: bilan report against a pandas/XlsxWriter pipeline and the libxlsxwriter floor, side by side
## (1k, 10k, 100k responses; BENCH_FULL=1 adds 1,000,000; BENCH_SIZES=1000,10000 to choose); then report on
## PostgreSQL against SQLite (bench/postgres.py: 1,000 events x 20 responses, and 1,000,000). Not part of `make test`.
BENCH_PY_PACKAGES := pandas XlsxWriter scipy PyYAML
bench: release
	@python3 -c "import pandas, xlsxwriter, scipy, yaml" 2>/dev/null || \
	  python3 -m pip install -q $(BENCH_PY_PACKAGES) 2>/dev/null || \
	  python3 -m pip install -q --break-system-packages $(BENCH_PY_PACKAGES) || \
	  { echo "Could not install $(BENCH_PY_PACKAGES) with pip." >&2; exit 1; }
	@command -v cc >/dev/null || { echo "make bench needs a C compiler (cc) for bench/floor.c." >&2; exit 1; }
	python3 bench/run.py
	Tests/postgres/cluster.sh run python3 bench/postgres.py

## bench-room: bilan serve's answer-to-durable latency with 15 participants at once over SSH,
## against one local bilan ask (BENCH_ROUNDS rounds, default 3). Loopback only. Not part of `make test`.
bench-room: release
	@command -v ssh >/dev/null || { echo "make bench-room needs OpenSSH's ssh: apt-get install openssh-client" >&2; exit 1; }
	python3 bench/room.py

## test: the whole test suite, against SQLite and a throwaway PostgreSQL cluster (stopped at the end)
test: deps test-deps python-deps
	$(SWIFT) build
	Tests/postgres/cluster.sh run $(SWIFT) test --parallel

## fuzz: build the libFuzzer targets (Tests/Fuzz, AddressSanitizer) in .build-fuzz and run each for FUZZ_SECONDS
fuzz: deps
	SWIFT=$(SWIFT) FUZZ_SECONDS=$(FUZZ_SECONDS) Tests/Fuzz/run.sh

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

clean:
	rm -rf .build .build-fuzz
