"""Package data, installed as ``effanalysis.data``: the seed report (raw/) and the bundled corpus (corpus/).

This file only makes the folder a package, so that ``importlib.resources`` finds the files in a
wheel and in an editable install alike (see ``[tool.setuptools.package-dir]`` in pyproject.toml).
"""
