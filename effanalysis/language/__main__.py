"""Rebuild the shipped tables derived from the bundled corpus and jieba's dictionary:
`python -m effanalysis.language` (tests check the shipped files match a rebuild)."""
from . import idf, lexicon, segment

idf.main()
lexicon.path("function_words.tsv").write_text(segment.build_function_words(), encoding="utf-8")
