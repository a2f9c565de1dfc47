"""The language section's sentences."""
from __future__ import annotations

from effanalysis import i18n
from effanalysis.workbook.language import language_sentences


def test_names_listed_in_part_say_so(seed_report):
    """The seed names six people with their titles (局长肖爱国, 副局长李莉华, 纪检组长曹信君, 王延觉厅长,
    市书记别必雄, 市长张爱国) and the sentence lists three: it says they are among them, instead of
    reading as if the six were those three."""
    p = seed_report.profile()
    assert len(p.people) == 6
    first3 = "、".join(p.people["name"].head(3))
    try:
        i18n.use("en")
        assert f"6 people (among them {first3})" in " ".join(language_sentences(p))
        i18n.use("zh")
        assert f"6位人物（包括{first3}）" in " ".join(language_sentences(p))
    finally:
        i18n.use("en")
