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
# # Corpus workbook 语料对比

# %% [markdown]
# Corpus workbook: many reports compared — which passages they share, what they promised and
# what came of it, which formulations come and go, what each says that the
# others do not, and how concrete they are. Change the parameters below and run all
# cells, or render the page with `effanalysis batch CORPUS.jsonl`.

# %% tags=["parameters"]
source: str = "../data/corpus/government_work_reports.jsonl"  # the corpus: a .jsonl/.csv file, one document per row
text_column: str | None = None  # the column holding the text (None: detected)
id_column: str | None = None  # the column holding the document id (None: detected)
title: str = "Corpus workbook 语料对比"  # the page title
top_n: int = 15  # how many shared passages and distinctive keywords to show (1–1000)
min_similarity: float = 80.0  # alignment score (0–100) for two sentences to count as a near-copy
shingle: int = 5  # characters per shingle for the MinHash candidates (1–12)
link_pages: bool = False  # link each document to its page (<slug>.html beside this one, as batch writes them)

# %%
from effanalysis.corpus import workbook as cw

reports = cw.load_corpus(source, text_column, id_column)
pages = cw.page_links(reports) if link_pages else None

# %% [markdown]
# ## 1. The documents 文档

# %%
cw.overview(reports, source, title)

# %% [markdown]
# ## 2. Text reuse 文本复用

# %%
reuse = cw.reuse_of(reports, min_similarity=min_similarity, shingle=shingle)
cw.reuse_section(reports, reuse, top_n=top_n, pages=pages)

# %% [markdown]
# ## 3. Promises and results 目标与实绩

# %%
cw.ledger_section(reports)

# %% [markdown]
# ## 4. Formulations over time 提法演变

# %%
cw.formulations_section(reports)

# %% [markdown]
# ## 5. What each document says that others do not 独特关键词

# %%
cw.keywords_section(reports, top_n=top_n)

# %% [markdown]
# ## 6. Concreteness across the corpus 具体性

# %%
cw.concreteness_section(reports)

# %% [markdown]
# ## 7. Explore the claims 数字浏览
#
# In JupyterLab: choose a document and filter its claims by kind and text. On the page: the claims of the first document.

# %%
from effanalysis.explore import explore

explore(reports)
