# Two commands on a fresh machine: `make report` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
export MPLCONFIGDIR := $(CURDIR)/.cache/matplotlib

.PHONY: report test bench lab kernel sync-notebooks catalogs clean-reports wheel

wheel: $(STAMP)   ## build dist/effanalysis-<version>-py3-none-any.whl (what `pip install` users get)
	$(PY) -m pip wheel -q --no-deps -w dist .

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,lab,distributed]'
	$(PY) -m effanalysis.lab kernel >/dev/null   # kernel "effanalysis" in .venv (a wheel ships it; -e installs no data files)
	$(PY) -m compileall -q effanalysis   # bytecode, as pip writes for an installed package (not for -e)
	touch $(STAMP)

report: $(STAMP)  ## render the seed report to reports/<slug>.html
	$(VENV)/bin/effanalysis render -o reports

test: $(STAMP)    ## run the test suite (pytest's "no tests collected" fails too)
	$(PY) -m pytest

lab: $(STAMP)    ## JupyterLab on notebooks/ (kernel "effanalysis" in .venv, git filter); LAB_ARGS="--port=8899 --no-browser"
	$(PY) -m effanalysis.lab start $(LAB_ARGS)

kernel: $(STAMP) ## only register .venv's interpreter as the Jupyter kernel "effanalysis" (inside .venv)
	$(PY) -m effanalysis.lab kernel

sync-notebooks: $(STAMP)  ## rewrite notebooks/*.py (jupytext percent) from notebooks/*.ipynb
	$(PY) -m effanalysis.lab sync

catalogs: $(STAMP)  ## extract the pages' messages (babel.cfg), update locale/*/effanalysis.po, compile the .mo files
	$(PY) -m effanalysis.catalogs

bench: $(STAMP)   ## benchmarks (not part of the test run); bytecode first: every render's kernel imports the package
	$(PY) -m compileall -q effanalysis
	$(PY) -m bench

clean-reports:
	rm -rf reports/*.html reports/failed
