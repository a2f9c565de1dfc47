"""Package data, installed as ``effanalysis.notebooks``: the workbook notebooks and their text twins.

This file only makes the folder a package, so that ``importlib.resources`` finds the notebooks in a
wheel and in an editable install alike (see ``[tool.setuptools.package-dir]`` in pyproject.toml).
"""
