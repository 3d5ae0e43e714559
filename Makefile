# Set-up, tests, demos and training for the gans course.
#   make test         course runtime: Python 3.9, TensorFlow 2.15 (Keras 2)
#   make test-latest  current runtime: Python 3.12, TensorFlow 2.21 (Keras 3)
#   make demo | train-faces ARGS="..." | evaluate ARGS="..." | figures |
#   data | clean
SHELL := /bin/bash
VENV ?= .venv
REQUIREMENTS ?= requirements.txt
PYTHONS ?= 3.9
PYTHON := $(VENV)/bin/python
SHARED_FACES := ../shared/data/small_res_faces_10000.npy
FACES := data/small_res_faces_10000.npy
ARGS ?=
PYTEST_ARGS ?= -q

.PHONY: setup test test-latest demo train-faces evaluate figures data clean

setup: $(VENV)/installed.stamp data

# Each interpreter is tried on PATH, then under pyenv; a pyenv shim that
# refuses to run (version not selected) does not count.
$(VENV)/bin/python:
	@for v in $(PYTHONS); do \
	  for p in $$(command -v python$$v) \
	           $$(pyenv root 2>/dev/null)/versions/$$v*/bin/python$$v; do \
	    if [ -x "$$p" ] && "$$p" -c "" 2>/dev/null; then \
	      echo "creating $(VENV) with $$p"; \
	      "$$p" -m venv $(VENV) && exit 0; \
	    fi; \
	  done; \
	done; \
	echo "error: no Python $(PYTHONS) found on PATH or under pyenv;" \
	     "install one (e.g. pyenv install $(firstword $(PYTHONS)))" >&2; \
	exit 1

# The stamp is newer than the requirements once they are installed.
$(VENV)/installed.stamp: $(REQUIREMENTS) | $(VENV)/bin/python
	$(PYTHON) -m pip install -q -r $(REQUIREMENTS)
	touch $@

data: $(FACES)

$(FACES):
	@if [ ! -f $(SHARED_FACES) ]; then \
	  echo "error: $(FACES) is missing and so is $(SHARED_FACES)." >&2; \
	  echo "Get small_res_faces_10000.npy (the course's 16x16 faces, a" \
	       "(10000, 16, 16) uint8 array) from the course materials and" \
	       "put it in data/ or ../shared/data/." >&2; \
	  exit 1; \
	fi
	mkdir -p data
	cp $(SHARED_FACES) $@
	chmod u+w $@

test: setup
	$(PYTHON) -m pytest $(PYTEST_ARGS)

test-latest:
	$(MAKE) test VENV=.venv-latest REQUIREMENTS=requirements-latest.txt \
	  PYTHONS="3.12 3.11 3.13"

demo: setup
	@set -e; for main in 0-main.py 1-main.py 2-main.py 3-main.py 4-main.py; \
	do echo "== $$main"; $(PYTHON) $$main; done

train-faces: setup
	$(PYTHON) -m gantools.train_faces $(ARGS)

evaluate: setup
	$(PYTHON) -m gantools.evaluate $(ARGS)

# The README's figures: the five demos at their default settings, timed
# (about 5 minutes on 2 cores; their printed numbers stay in outputs/*.log),
# then the yardstick's table and spread figure of data/generator.h5 and the
# pictures of the training run RUN.
RUN ?= runs/faces-whitened
figures: setup
	$(PYTHON) benchmarks/bench_demos.py --out docs/figures
	mkdir -p outputs && mv docs/figures/*-main.log outputs/
	$(PYTHON) -m gantools.evaluate --plot docs/figures/faces-spread.png \
	  | tee outputs/evaluate.log
	@for name in training.gif losses.png; do \
	  if [ -f $(RUN)/$$name ]; then cp $(RUN)/$$name docs/figures/faces-$$name; \
	  else echo "no $(RUN)/$$name: train with make train-faces"; fi; \
	done

# Generated files only: the virtual environments, the data and the
# training runs (runs/, hours of work) stay.
clean:
	rm -rf outputs .pytest_cache
	find . -path ./.venv -prune -o -path ./.venv-latest -prune -o \
	  -name __pycache__ -type d -print -exec rm -rf {} +
