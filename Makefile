# worldcereal_qgis — every target does its own set-up (idempotent; a second run reinstalls nothing).
SHELL := /bin/bash
SYS_PYTHON := /usr/bin/python3
VENV := .venv
BVENV := .venv-backend
PY := $(VENV)/bin/python
BPY := $(BVENV)/bin/python
PORT ?= 8765
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
PYTEST_ARGS ?=
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup system test lint demo backend package bench clean qgis-test unit-test translations qm

setup: system $(VENV)/.installed $(BVENV)/.installed

system:
	@bash .ci/setup-system.sh

$(VENV)/.installed: requirements/qgis-venv.txt requirements/constraints.txt | system
	@test -x $(PY) || $(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -c requirements/constraints.txt -r requirements/qgis-venv.txt
	@touch $@

$(BVENV)/.installed: requirements/backend.txt | system
	@test -x $(BPY) || $(SYS_PYTHON) -m venv $(BVENV)
	$(BPY) -m pip install -q --disable-pip-version-check --pre -r requirements/backend.txt
	@touch $@

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .

test: setup lint
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m pytest $(PYTEST_ARGS)

# BACKEND_ARTIFACTS=1 also serves the S3+STS artifact storage (custom-model uploads, flow 3) on ARTIFACTS_PORT.
BACKEND_ARTIFACTS ?= 0
ARTIFACTS_PORT ?= 8766
BACKEND_DATA ?= .backend-data
backend: setup
	$(BPY) -m tests.local_backend --port $(PORT) --data-dir $(BACKEND_DATA) --log-file $(BACKEND_DATA)/backend.log \
		$(if $(filter 1 yes true,$(BACKEND_ARTIFACTS)),--artifacts-s3-port $(ARTIFACTS_PORT))

demo: setup
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m tests.demo --output demo-output

# QGIS version matrix (issue #11, docs/QGIS_VERSIONS.md): host = Debian 12 / QGIS 3.22, trixie = 3.40, sid = 3.44.
MATRIX ?= host trixie sid
.PHONY: test-matrix
test-matrix: setup
	MATRIX="$(MATRIX)" bash .ci/matrix/run-matrix.sh $(PYTEST_ARGS)

# .ts files (worldcereal_qgis/i18n/) collect every tr("…") and .ui string; lrelease builds the .qm QGIS loads.
translations: system
	$(SYS_PYTHON) tools/translations.py --release

# The .qm from the committed .ts only: building a package never rewrites a tracked file.
qm: system
	$(SYS_PYTHON) tools/translations.py --qm-only

DIST ?= dist
package: qm
	@rm -rf $(DIST)/build && mkdir -p $(DIST)/build/worldcereal_qgis
	cp -r worldcereal_qgis/. $(DIST)/build/worldcereal_qgis/
	cp -r resources metadata.txt LICENSE README.md $(DIST)/build/worldcereal_qgis/
	find $(DIST)/build -name '__pycache__' -prune -exec rm -rf {} +
	find $(DIST)/build -name '*.aux.xml' -delete
	rm -f $(DIST)/build/worldcereal_qgis/i18n/*.ts
	rm -f $(DIST)/worldcereal_qgis-$(VERSION).zip
	cd $(DIST)/build && $(SYS_PYTHON) -c "import shutil, sys; shutil.make_archive(sys.argv[1], 'zip', '.', 'worldcereal_qgis')" "$(abspath $(DIST))/worldcereal_qgis-$(VERSION)"
	@rm -rf $(DIST)/build
	@echo "$(DIST)/worldcereal_qgis-$(VERSION).zip"

bench: setup
	QT_QPA_PLATFORM=offscreen xvfb-run -a $(PY) -m pytest -p no:cacheprovider tests/benchmarks -s -q -o norecursedirs=

clean:
	rm -rf dist demo-output tests/artifacts .pytest_cache
