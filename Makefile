# triage — obstetric telephone triage assistant.
# `make demo` and `make test` are the two front-door commands: both install what is missing first.

SWIFT        ?= swift
SWIFT_FLAGS  ?=
DEMO_DB      ?= .demo/triage.sqlite
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages the build, the tests and the demo need (one per line in `deps`).
APT_PACKAGES := pkg-config libsndfile1-dev libfftw3-dev libsqlite3-dev libncurses-dev \
                libstemmer-dev libssl-dev sqlite3 tmux

.PHONY: deps build release test demo bench clean

## deps: install the Debian packages that are missing (apt-get update only when something is)
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

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

## demo: open the product on the shipped demo calls in Recordings/
demo: release
	@mkdir -p $(dir $(DEMO_DB))
	$(SWIFT) run -c release --skip-build triage ingest --db $(DEMO_DB) Recordings
	$(SWIFT) run -c release --skip-build triage calls list --db $(DEMO_DB)

## bench: the benchmarks, reported as ratios against their named baselines
bench: release
	$(SWIFT) run -c release --skip-build triage bench ingest

clean:
	rm -rf .build .demo
