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
# # Report workbook

# %% [markdown]
# One Chinese official report, read, measured and checked: what it says once cleaned (1), how it is
# built (2), what it claims in numbers and whether they hold together (3), how much is substance and
# how much formula (4), the text itself with every claim marked (5), and the tables to take away (6).
# Every sentence in a grey box is computed from this report. In JupyterLab each section also shows
# the DataFrames and figures it is built from (`claims.frames`, `claims.figures` …), to filter or redraw.
#
# In JupyterLab: set the parameters below and run all cells. As a page:
# `effanalysis render FILE -p NAME=VALUE` (or `make report` for the seed).

# %% tags=["parameters"]
from typing import Literal

source: str = "../data/raw/000_b8b61ae6203f38bb.txt"  # the report: .txt/.html/.docx/.pdf, or a corpus file (.jsonl/.csv)
doc: str | None = None  # corpus files: document id, or a 1-based row number when no row has that id (None: the first)
row: int | None = None  # corpus files: the document on this 1-based row, whatever its id (≥ 1; None: by doc)
text_column: str | None = None  # corpus files: the column holding the text (None: detected)
id_column: str | None = None  # corpus files: the column holding the document id (None: detected)
title: str | None = None  # a title to show instead of the report's own
top_n: int = 20  # how many keywords, names and formulations to list (1–1000)
show_text: bool = True  # include the full cleaned text with the claims highlighted
lang: Literal["zh", "en"] | None = None  # the page's language (None: Chinese for a Chinese document, else English)

# %%
import effanalysis
from effanalysis import workbook as wb

report = effanalysis.load(source, doc, text_column, id_column, row=row)
lang = wb.page_language(lang, report)   # the sections below speak it

# %% [markdown]
# ## 1. Overview
#
# What is this document, and what did cleaning change? `wb.overview(report)` reads `report.meta`, `report.cleaning_log` and the estimated era of `report.profile()`.

# %%
overview = wb.overview(report, title=title)
overview

# %% [markdown]
# ## 2. Structure
#
# How is the report built? `wb.structure(report)` shows `report.sections` and `report.outline.items` (lead sentences, 一是 items) with a chart of section lengths.

# %%
structure = wb.structure(report)
structure

# %% [markdown]
# ## 3. Claims
#
# What does the report state in numbers, and do its figures hold together? `wb.claims_section(report)` shows `report.claims` (one row per figure) and `report.audit` (implied baselines, part/whole checks, warnings).

# %%
claims = wb.claims_section(report)
claims

# %% [markdown]
# ### Targets
#
# What does the report promise for the year it plans? `wb.targets_section(report)` shows `report.targets` (`metrics.targets`: the standard indicators, each target in its form as written, with last year's outcome beside it).

# %%
targets = wb.targets_section(report)
targets

# %% [markdown]
# In JupyterLab, the explorer below filters these claims by kind and text; on the page the tables above already show them all, so it adds nothing there.

# %%
from effanalysis.explore import explore

explore(report, static_view=False)

# %% [markdown]
# ## 4. Language
#
# How much is substance and how much formula? `wb.language(report)` shows `report.profile()`: keywords, names, dated formulations, mechanisms, and concreteness, boilerplate density and readability by section.

# %%
language = wb.language(report, top_n=top_n)
language

# %% [markdown]
# ## 5. The text
#
# The cleaned text with every claim marked, each linked from the claims tables: `wb.text_section(report)`.

# %%
text = wb.text_section(report, show_text=show_text)
text

# %% [markdown]
# ## 6. Downloads
#
# The tables to take away, embedded in the page: `wb.downloads(report)` (CSV, .xlsx, the cleaned text).

# %%
downloads = wb.downloads(report)
downloads
