# pedoman: two commands set everything up on a fresh machine: `make site` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The browser the tests drive (Debian's chromium unless PEDOMAN_CHROMIUM names another).
export PEDOMAN_CHROMIUM ?= /usr/bin/chromium
# -n: fail rather than wait for a password when started without a terminal (nohup, CI).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo -n)

.PHONY: site test serve validate clean system-packages build-packages bench

# The virtual environment is rebuilt whenever pyproject.toml (and so a pinned version) changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

validate: $(VENV)/.installed
	$(BIN)/pedoman validate guidelines

# Built into build/site-next first and swapped in only on success, so a failed
# build leaves the previous site/ exactly as it was.
site: validate build-packages
	rm -rf build/site-next
	$(BIN)/mkdocs build --strict --site-dir build/site-next
	rm -rf site && mv build/site-next site
	@echo "Site built in site/ (Indonesian at /, English at /en/)."

serve: $(VENV)/.installed
	$(BIN)/mkdocs serve

# Debian libraries the build uses: libharfbuzz-subset0, without which WeasyPrint warns that it
# cannot subset fonts. Installed when missing and allowed (root, or sudo without a password);
# otherwise the build goes on and says how to install it.
build-packages:
	@dpkg -s libharfbuzz-subset0 >/dev/null 2>&1 || { \
	  echo "Installing Debian's libharfbuzz-subset0 (WeasyPrint subsets fonts with it)"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold libharfbuzz-subset0 </dev/null \
	  || echo "Could not install it; as root run: apt-get install libharfbuzz-subset0 (PDFs are made without font subsetting until then)" >&2; }

# Debian packages the tests drive: Chromium for the browser tests, poppler-utils to read PDFs,
# libharfbuzz-subset0 so that WeasyPrint embeds font subsets, Java and npm for the HTML checker (vnu-jar).
# LibreOffice (Writer, Calc and Impress, no GUI) opens every drafting-kit document and slide deck as a real client would. Runs without a terminal too
# (nothing asks a question); a browser still missing afterwards stops `make test` here.
system-packages:
	@missing=""; \
	[ -x "$(PEDOMAN_CHROMIUM)" ] || missing="$$missing chromium"; \
	command -v pdftoppm >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	dpkg -s libharfbuzz-subset0 >/dev/null 2>&1 || missing="$$missing libharfbuzz-subset0"; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing npm"; \
	command -v soffice >/dev/null 2>&1 || missing="$$missing libreoffice-writer-nogui libreoffice-calc-nogui"; \
	[ -e /usr/lib/libreoffice/share/.registry/impress.xcd ] || missing="$$missing libreoffice-impress-nogui"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $$missing </dev/null; \
	fi
	@[ -x "$(PEDOMAN_CHROMIUM)" ] || { echo "$(PEDOMAN_CHROMIUM) is missing: the browser tests need Chromium (Debian's chromium, or PEDOMAN_CHROMIUM naming another)" >&2; exit 1; }

# The Nu HTML Checker (npm's vnu-jar, run with Debian's Java), at the version package-lock.json pins;
# its install script, which would fetch a Java of its own, is not run.
node_modules/.installed: package.json package-lock.json | system-packages
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

test: $(VENV)/.installed system-packages node_modules/.installed
	$(BIN)/python -m pytest

# Not part of `make test`: timings on a shared machine are compared as ratios within one run.
bench: $(VENV)/.installed
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf build site node_modules
