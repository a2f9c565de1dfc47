# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python (effanalysis)
#     language: python
#     name: effanalysis
# ---

# %% [markdown] tags=["lab-only"]
# # Corpus workbook

# %% [markdown]
# Corpus workbook: many reports compared — which passages they share, what they promised and
# what came of it, which formulations come and go, what each says that the
# others do not, and how concrete they are. In JupyterLab each section also shows the DataFrames
# and figures it is built from (`reuse_section.frames`, `reuse_section.figures` …). Change the parameters below and run all
# cells, or render the page with `effanalysis batch CORPUS.jsonl`.

# %% tags=["parameters"]
from typing import Literal

source: str = "../data/corpus/government_work_reports.jsonl"  # the corpus: a .jsonl/.csv file, one document per row
text_column: str | None = None  # the column holding the text (None: detected)
id_column: str | None = None  # the column holding the document id (None: detected)
title: str | None = None  # the page title (None: "Corpus workbook" in the page's language)
top_n: int = 15  # how many shared passages and distinctive keywords to show (1–1000)
min_similarity: float = 80.0  # alignment score (0–100) for two sentences to count as a near-copy
shingle: int = 5  # characters per shingle for the MinHash candidates (1–12)
link_pages: bool = False  # link each document to its page (<slug>.html beside this one, as batch writes them)
lang: Literal["zh", "en"] | None = None  # the page's language (None: Chinese when most documents are Chinese)

# %%
from effanalysis.corpus import workbook as cw

reports = cw.load_corpus(source, text_column, id_column)
lang = cw.page_language(lang, reports)   # the sections below speak it
pages = cw.page_links(reports) if link_pages else None

# %% [markdown]
# ## 1. The documents
#
# Which documents are compared? `cw.overview(reports)` lists them (`cw.load_corpus`).

# %%
documents = cw.overview(reports, source, title)
documents

# %% [markdown]
# ## 2. Text reuse
#
# Which passages do the documents share, and how much does each copy from the others? `cw.reuse_of(reports)` runs `find_reuse` (MinHash LSH, then alignment); `cw.reuse_section` shows its passages, matrix and consecutive years.

# %%
reuse = cw.reuse_of(reports, min_similarity=min_similarity, shingle=shingle)
reuse_section = cw.reuse_section(reports, reuse, top_n=top_n, pages=pages)
reuse_section

# %% [markdown]
# ## 3. Promises and results
#
# What did the reports promise, and what came of it? `cw.ledger_section(reports)` sets each
# indicator's target for a year against the outcome the next year's report states (`corpus.ledger.build_ledger`,
# verdicts by the rules of `metrics.targets`).

# %%
ledger = cw.ledger_section(reports)
ledger

# %% [markdown]
# ## 4. Formulations over time
#
# Which formulations come and go, and does the era estimate find the real year? `cw.formulations_section(reports)` (`trends.formulations`, `trends.eras`).

# %%
formulations = cw.formulations_section(reports)
formulations

# %% [markdown]
# ## 5. What each document says that others do not
#
# `cw.keywords_section(reports)`: distinctive keywords by `trends.distinctive_keywords` (log-odds with an informative prior).

# %%
keywords = cw.keywords_section(reports, top_n=top_n)
keywords

# %% [markdown]
# ## 6. Concreteness across the corpus
#
# How concrete is each document? `cw.concreteness_section(reports)` (`trends.concreteness`).

# %%
concreteness = cw.concreteness_section(reports)
concreteness

# %% [markdown]
# ## 7. Explore the claims
#
# In JupyterLab: choose a document and filter its claims by kind and text. On the page: the claims of the first document.

# %%
from effanalysis.explore import explore

# JupyterLab: the widget. Elsewhere explore() returns None and the page shows the same
# default view as a table in the page's language.
explore(reports, static_view=False) or cw.claims_view(reports)
