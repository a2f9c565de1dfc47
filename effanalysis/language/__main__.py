"""Rebuild the shipped tables derived from the bundled corpus and jieba's dictionary:
`python -m effanalysis.language` (tests check the shipped files match a rebuild)."""
from ..report import iter_reports
from . import idf, lexicon, segment

idf.main(iter_reports(idf.CORPUS))
lexicon.path("function_words.tsv").write_text(segment.build_function_words(), encoding="utf-8")
