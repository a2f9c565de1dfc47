"""Language profile: the seed report's people, media, formulations, mechanisms,
keywords and sections, plus small synthetic cases for the edges."""
from __future__ import annotations

import json
import re

import pytest

import effanalysis
from effanalysis.cli import main
from effanalysis.language import entities, formula, lexicon, mechanisms, readability, segment, slogans


@pytest.fixture(scope="module")
def seed_profile(seed_report):
    return seed_report.profile()


def test_seed_people_with_their_titles(seed_profile):
    people = dict(zip(seed_profile.people["name"], seed_profile.people["title"]))
    assert people == {"肖爱国": "局党组书记、局长", "李莉华": "副局长", "曹信君": "纪检组长",
                      "别必雄": "市书记", "张爱国": "市长", "王延觉": "厅长"}


def test_fragments_words_and_theories_are_not_people(seed_profile):
    text = "坚持邓小平理论，加强廉政建设，热爱祖国。设立局长信箱，严厉查处长期拖欠。向市长汇报。"
    names = set(entities.people(text)[0]["name"]) | set(seed_profile.people["name"])
    assert not names & {"爱国", "信君", "邓小平", "邓小平理论", "廉政", "信箱", "严厉查", "向市"}
    assert entities.people(text)[0]["name"] == []


def test_titles_after_the_name_and_chains_of_titles():
    people, spans = entities.people("会上，王延觉厅长讲话；市委书记、市长李明华和副主任陈东出席。")
    found = dict(zip(people["name"], people["title"]))
    assert found == {"王延觉": "厅长", "李明华": "市委书记、市长", "陈东": "副主任"}
    assert len(spans) == 3


def test_people_named_in_the_corpus_are_the_premiers_and_chairmen(corpus_reports):
    found = set()
    for r in corpus_reports:
        people, _ = entities.people(r.text)
        found |= set(zip(people["name"], people["title"]))
    assert {("李克强", "总理"), ("李强", "总理"), ("温家宝", "总理"), ("江泽民", "主席"), ("毛泽东", "主席")} <= found
    # A foreign name runs on past three characters (伏罗希洛夫): no person.
    assert not [name for name, _ in found if name.startswith("伏罗希")]


def test_seed_media_organizations_and_campaigns(seed_profile):
    assert set(seed_profile.media["name"]) == {"《天门日报》", "《楚天品牌》", "天门网", "湖北电视公共频道"}
    assert {"科技服务民生", "百家企业寻找科技靠山"} == set(seed_profile.campaigns["name"])
    assert {"省科技厅", "天门纺机机械研发中心", "市委", "市政府"} <= set(seed_profile.organizations["name"])
    assert not {"我局", "部门", "干部"} & set(seed_profile.organizations["name"])


def test_a_quoted_slogan_or_list_is_no_campaign():
    camps, _ = entities.campaigns("开展“三个代表”学习活动，建设“廉政、勤政、务实、高效”队伍，实施“蓝天工程”。",
                                  slogans.any_regex())
    assert camps["name"] == ["蓝天工程"]


def test_seed_formulations_and_era(seed_profile):
    assert set(seed_profile.slogans["term"]) == {"邓小平理论", "“三个代表”重要思想", "科学发展观"}
    row = seed_profile.slogans.set_index("term").loc["科学发展观"]
    assert (row["count"], row["first_year"]) == (2, 2003)
    era = seed_profile.era
    assert (era["from"], era["to"], era["likely_from"], era["likely_to"]) == (2003, 2012, 2007, 2012)
    assert any("2012" in e for e in era["evidence"])


def test_era_of_a_text_without_formulations_is_open():
    # Nothing dates it: the end is the lexicon's review year, flagged open, not the clock.
    era = effanalysis.language.era.estimate(slogans.find("今年我们修了三条路。"), "今年我们修了三条路。")
    assert era["to"] == slogans.reviewed() and era["open_end"] and era["from"] <= 1950


def test_seed_mechanisms_of_section_four_with_frequencies(seed_report, seed_profile):
    mech = seed_profile.mechanisms.set_index("name")["frequency"].to_dict()
    listed = ["上班签到制", "首问责任制", "信息反馈制", "举报检查制", "岗位责任制", "档案管理制"]
    sec4 = seed_report.sections.set_index("section").loc["4"]
    body = seed_report.text[sec4["start"]:sec4["end"]]
    assert all(name in body and mech[name] == "" for name in listed)
    assert mech["季度工作汇报机制"] == "每季度"
    assert mech["每月工作简报制度"] == "每月"
    assert mech["常年网络征求意见机制"] == "常年"
    assert mech["政风行风建设监督机制"] == "常年、每半年"
    assert "目标责任制" not in mech and "领导目标责任制" in mech


def test_mechanism_patterns_skip_ordinary_words():
    found = mechanisms.find("要严格控制，减少限制；完善机制，推行限时办结制、服务承诺制等制度。")
    assert found["name"] == ["限时办结制", "服务承诺制"]


def test_seed_keywords(seed_profile):
    kw = seed_profile.keywords
    tfidf = kw[kw["method"] == "tfidf"]["term"].tolist()
    assert "效能建设" in tfidf[:5]
    assert set(kw["method"]) == {"tfidf", "textrank"}
    for term in kw["term"]:
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,}", term), term
        assert term not in segment.function_words() and term not in formula.words(), term
        assert not re.match(r"[余多第]|.*[0-9一二三四五六七八九十]", term), term


def test_seed_sections(seed_profile):
    sec = seed_profile.sections.set_index("section")
    assert list(sec.index) == ["1", "2", "3", "4"]
    # 三 is the results section (专利申报又上台阶…): the largest share of sentences with a figure, ties allowed
    assert sec.loc["3", "concreteness"] == sec["concreteness"].max()
    assert (sec["template"] == "以X为Y，切实Z").all()
    assert (sec["boilerplate_density"] > 5).all()


def test_section_sentences_and_sizes_add_up(seed_report, seed_profile):
    sec = seed_profile.sections
    in_sections = (seed_report.sentences["section"] != "0").sum()
    assert sec["sentences"].sum() == in_sections
    assert sec["chars"].sum() <= len(seed_report.text)


def test_a_short_text_without_headings_has_empty_tables_with_their_columns():
    p = effanalysis.Report.from_text("关于某事的报告\n今年我们修了三条路，局长王小明说。").profile()
    assert list(p.sections.columns) == effanalysis.language.SECTION_COLUMNS and p.sections.empty
    assert list(p.mechanisms.columns) == ["name", "frequency", "count"] and p.mechanisms.empty
    assert p.people.to_dict("records") == [{"name": "王小明", "title": "局长", "count": 1}]
    assert "报告" not in set(p.keywords[p.keywords["method"] == "tfidf"]["term"])  # in every report: idf 0
    assert p.era["evidence"] == ["no dated formulation is used"]
    assert p.readability["clauses"] == 3


def test_heading_templates():
    assert formula.template("以强化领导为重点，切实明确效能建设认识") == "以X为Y，切实Z"
    assert formula.template("以制度建设为基础,切实保障工作运转有序") == "以X为Y，切实Z"
    import pandas as pd
    heads = pd.DataFrame({"parent": ["0", "0", "0"], "title": ["经济发展", "社会事业", "以人为本为核心，切实改善民生"]})
    assert formula.parallel_templates(heads) == ["", "", ""]


def test_formula_positions_count_words_and_frames():
    text = "切实加强领导，进一步推进工作，以改革为动力。"
    at = formula.positions(text)
    assert [text[i:i + 2] for i in at] == ["切实", "加强", "进一", "推进", "以改"]


def test_readability_components_on_a_small_text():
    t = readability.Text("甲乙丙，丁戊。己")
    per_clause, share, clauses = t.raw(0, 8, 4, 1)
    assert (int(clauses), float(per_clause), float(share)) == (3, 2.0, 0.25)
    # Longer clauses read harder: a higher value.
    long = readability.Text("这是一个很长很长很长很长很长的分句。")
    short = readability.Text("短句，短句，短句。")
    assert long.components(0, 18, 10, 1)["value"] > short.components(0, 9, 10, 1)["value"]


def test_user_dictionary_keeps_official_terms_whole(seed_report):
    tokens = segment.cut(seed_report.text)
    assert "".join(tokens) == seed_report.text
    for term in ("效能建设", "政风行风", "首问责任制", "科学发展观", "领导目标责任制"):
        assert term in tokens, term


def test_tokenizers_do_not_change_the_shared_dictionaries():
    import jieba
    import rjieba

    segment.tokenizer(), segment.reference_tokenizer()
    assert not rjieba.has_word("限时办结制")
    assert "限时办结制" not in rjieba.cut("实行限时办结制")
    assert "限时办结制" not in jieba.lcut("实行限时办结制")


def test_trie_alternation_matches_every_word_longest_first():
    words = ["局长", "局党组书记", "副局长", "市", "市长", "长"]
    rx = re.compile(lexicon.alternation(words))
    assert all(rx.fullmatch(w) for w in words)
    assert rx.match("市长张").group() == "市长"
    assert rx.fullmatch("局") is None


def test_profile_json_from_the_command_line(capsys, seed_path):
    assert main(["profile", str(seed_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["keywords", "people", "organizations", "media", "campaigns", "slogans", "era",
                          "mechanisms", "sections", "readability"]
    assert {"term", "weight", "method"} == set(data["keywords"][0])
    assert {"name": "肖爱国", "title": "局党组书记、局长", "count": 1} in data["people"]
    slogan = next(s for s in data["slogans"] if s["term"] == "邓小平理论")
    assert slogan["last_year"] is None and slogan["first_year"] == 1997
    assert data["era"]["from"] == 2003 and set(data["readability"]) >= {"value", "chars_per_clause",
                                                                        "adverb_conjunction_share"}
    assert [s["section"] for s in data["sections"]] == ["1", "2", "3", "4"]
