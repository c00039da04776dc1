# triage — obstetric telephone triage assistant.
# `make demo` and `make test` are the two front-door commands: both install what is missing first.

SWIFT        ?= swift
SWIFT_FLAGS  ?=
DEMO_DB      ?= .demo/triage.sqlite
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages the build, the tests and the demo need (one per line in `deps`).
APT_PACKAGES := pkg-config libsndfile1-dev libfftw3-dev libsqlite3-dev libncurses-dev \
                libstemmer-dev libssl-dev libpulse-dev pulseaudio pulseaudio-utils sqlite3 tmux python3-venv python3-yaml \
                libpq-dev postgresql postgresql-client \
                chromium fonts-dejavu-core espeak-ng

# The FHIR R4 validator the tests use (fhir.resources 6.4.0 is FHIR 4.0.1), in a venv of its own.
FHIR_VENV    := .build-tools/fhir-venv
# The research tools the label-interchange and agreement tests compare against: scikit-learn's and krippendorff's
# figures, Praat (parselmouth) and ELAN's pympi reading the exports. Pinned; numpy and scipy with them.
RESEARCH_VENV := .build-tools/research-venv
RESEARCH_PINS := scikit-learn==1.9.1 krippendorff==0.9.0 praat-parselmouth==0.4.7 pympi-ling==1.71 numpy==2.4.6 scipy==1.17.1 datasets==3.6.0 pandas==2.3.3 soundfile==0.13.1

.PHONY: deps fhir-validator research-venv build release test demo bench fuzz recordings devset model install clean

## deps: install the Debian packages that are missing (apt-get update only when something is)
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@$(MAKE) --no-print-directory fhir-validator
	@$(MAKE) --no-print-directory research-venv

## fhir-validator: a Python venv with fhir.resources (FHIR R4) for the tests that validate exports
fhir-validator:
	@$(FHIR_VENV)/bin/python -c "import fhir.resources, pydantic" 2>/dev/null || { \
	  echo "installing the FHIR R4 validator in $(FHIR_VENV)"; \
	  rm -rf $(FHIR_VENV) && python3 -m venv $(FHIR_VENV) && \
	  $(FHIR_VENV)/bin/pip install -q --disable-pip-version-check 'fhir.resources==6.4.0' 'pydantic[email]<2'; }

## research-venv: a Python venv with scikit-learn, krippendorff, parselmouth (Praat), pympi-ling and datasets, for the research tests
research-venv:
	@$(RESEARCH_VENV)/bin/python -c "import importlib.metadata as m, sys; \
	  sys.exit(any(m.version(p.split('==')[0]) != p.split('==')[1] for p in sys.argv[1:]))" $(RESEARCH_PINS) 2>/dev/null || { \
	  echo "installing the research tools in $(RESEARCH_VENV)"; \
	  rm -rf $(RESEARCH_VENV) && python3 -m venv $(RESEARCH_VENV) && \
	  $(RESEARCH_VENV)/bin/pip install -q --disable-pip-version-check $(RESEARCH_PINS); }

## build: debug build of every target
build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

## release: optimised build (used by the demo and the benchmarks)
release: deps
	$(SWIFT) build -c release $(SWIFT_FLAGS)

## test: install, build, run every test
test: deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	$(SWIFT) test --skip-build $(SWIFT_FLAGS)

TRIAGE := .build/release/triage

## demo: open the product on the shipped demo calls in Recordings/
demo: release
	@mkdir -p $(dir $(DEMO_DB))
	$(TRIAGE) ingest --db $(DEMO_DB) Recordings
	$(TRIAGE) calls list --db $(DEMO_DB)
	$(TRIAGE) calls show --db $(DEMO_DB) $$($(TRIAGE) calls list --db $(DEMO_DB) --format json --limit 1 | sed -n 's/.*"id": \([0-9]*\).*/\1/p' | head -1)
	$(TRIAGE) analyze Recordings/da01-veer-foerstegang.flac
	$(TRIAGE) features --summary Recordings/da03-vandafgang-klart.flac | head -12
	$(TRIAGE) stats --db $(DEMO_DB) --by disposition --format md
	$(TRIAGE) report --db $(DEMO_DB) --out .demo/report.html
	$(TRIAGE) users list --db $(DEMO_DB)
	@# A live call: a demo call played as the desk's device at 8x, its transcript from a stand-in recogniser.
	@rm -f .demo/recogniser.fifo && mkfifo .demo/recogniser.fifo
	@python3 Tests/Fixtures/tools/standin_recogniser.py Recordings/da04-groent-vand.vtt .demo/recogniser.fifo --speed 8 &
	$(TRIAGE) record --db $(DEMO_DB) --from Recordings/da04-groent-vand.flac --realtime --speed 8 \
	  --transcript-from .demo/recogniser.fifo --out .demo/live-da04.flac
	@# The application: r on the triage screen records a live call from the labour demo call at 4x.
	@rm -f .demo/recogniser.fifo && mkfifo .demo/recogniser.fifo
	@if [ -t 0 ] && [ -t 1 ]; then \
	  python3 Tests/Fixtures/tools/standin_recogniser.py Recordings/da01-veer-foerstegang.vtt .demo/recogniser.fifo --speed 4 & pid=$$!; \
	  $(TRIAGE) --db $(DEMO_DB) --live-from Recordings/da01-veer-foerstegang.flac --speed 4 --transcript-from .demo/recogniser.fifo; \
	  kill $$pid 2>/dev/null; true; \
	else echo "open the application in a terminal with: $(TRIAGE) --db $(DEMO_DB)"; fi
	$(TRIAGE) audit verify --db $(DEMO_DB)
	$(TRIAGE) verify --db $(DEMO_DB)

## bench: the benchmarks, reported as ratios against their named baselines (the statistics and the department's
## load on a throwaway PostgreSQL server beside an SQLite file)
PGTOOL := sh Tests/Fixtures/tools/throwaway_postgres.sh
bench: release
	$(TRIAGE) bench ingest
	$(TRIAGE) bench classify
	$(TRIAGE) bench ui
	$(TRIAGE) bench features
	$(TRIAGE) bench pipeline
	$(TRIAGE) bench live
	$(TRIAGE) bench export
	@pg=$$(mktemp -d /tmp/triage-bench-pg.XXXXXX); trap '$(PGTOOL) stop '"$$pg" EXIT; $(PGTOOL) start "$$pg" && \
	  $(TRIAGE) bench stats --postgresql "$$($(PGTOOL) db "$$pg" stats)" && \
	  $(TRIAGE) bench department --postgresql "$$($(PGTOOL) db "$$pg" department)"

## devset: check the development calls' labels, write their recogniser-style variants and the split (Tests/Fixtures/devset)
devset:
	python3 Tests/Fixtures/devset/build_devset.py

## model: train the shipped reason model (Models/reasons.json) on the development set's train and dev parts
DEVSPLIT := Tests/Fixtures/devset/split
model: release devset
	$(TRIAGE) train --seed 1 --out Models/reasons.json \
	  --gold $(DEVSPLIT)/train.jsonl --gold $(DEVSPLIT)/train-recogniser.jsonl --gold $(DEVSPLIT)/dev.jsonl --gold $(DEVSPLIT)/dev-recogniser.jsonl

## fuzz: every parser of outside input fed mutated inputs for FUZZ_SECONDS (default an hour); make test runs 100,000
FUZZ_SECONDS ?= 3600
fuzz: deps
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	TRIAGE_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test --skip-build $(SWIFT_FLAGS) --filter ParserFuzzTests

## install: the binary in $(PREFIX)/bin, the taxonomy and the shipped model in $(PREFIX)/share/triage, where it looks
PREFIX ?= /usr/local
install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/triage/Taxonomy/words $(DESTDIR)$(PREFIX)/share/triage/Models
	install -m 0755 $(TRIAGE) $(DESTDIR)$(PREFIX)/bin/triage
	install -m 0644 Taxonomy/taxonomy.yaml Taxonomy/pseudonymisation.yaml Taxonomy/README.md $(DESTDIR)$(PREFIX)/share/triage/Taxonomy/
	install -m 0644 Taxonomy/words/*.yaml $(DESTDIR)$(PREFIX)/share/triage/Taxonomy/words/
	install -m 0644 Models/reasons.json $(DESTDIR)$(PREFIX)/share/triage/Models/
	@echo "installed $(DESTDIR)$(PREFIX)/bin/triage; put $(PREFIX)/bin on PATH to call it as triage"

## recordings: regenerate the synthetic demo calls from Recordings/scripts (needs espeak-ng and sox)
recordings:
	@missing=""; for p in espeak-ng sox; do command -v $$p >/dev/null || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	python3 Recordings/generate.py
	python3 Recordings/readme_table.py

clean:
	rm -rf .build .build-tools .demo
