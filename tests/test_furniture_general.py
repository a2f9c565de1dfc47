"""The furniture classifier's general features, each on a synthetic page of its own:
menus at the page's edge, key/value tables a line each, credits and contacts after
the body, notices about the page, link lists with dates, download links, a printed
document's page numbers and running heads, comment sections and a thread's replies,
related-X tails, platform disclaimers, a browser's print header and footer, the
site's masthead, a record's fields before the document, QR prompts and tagged tail
links, clock-stamped bylines, widgets that speak to the reader, a gazette's issue lines,
an empty attachment box, a cut-short title bar, platform placeholders, thread floors, adverts,
a newsletter's mail notes, open-data records and infoboxes — and what must stay: English lines of a
bilingual page, headlines, the closing signature and its note, the
attachment line, comment words inside a report (a table's column, a heading), every
prose line. The held-out pages
(tests/fixtures/pages_heldout*) are checked only for the invariant: no body line lost."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from effanalysis.clean import clean_text
from effanalysis.clean.furniture import BODY, FURNITURE, TAIL, classify

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.score_pages import SETS, score  # noqa: E402

PROSE_A = "今年以来，全区围绕稳增长、促改革、惠民生，扎实推进各项重点工作，总体运行平稳。"
PROSE_B = "下一步，我们将继续聚焦短板弱项，完善工作机制，确保全年目标任务圆满完成。"


def classes_of(page: str) -> dict[str, str]:
    lines = page.strip("\n").split("\n")
    return {line.strip(): ("furniture" if c in (FURNITURE, TAIL) else c) for line, c in zip(lines, classify(lines))}


def test_a_bar_of_tiny_items_at_the_top_is_a_menu_and_the_headline_stays():
    c = classes_of(f"""
要闻
部门
乡镇
专题
北湖区召开重点项目推进会
{PROSE_A}
{PROSE_B}
""")
    assert [c[w] for w in ("要闻", "部门", "乡镇", "专题")] == ["furniture"] * 4
    assert c["北湖区召开重点项目推进会"] == BODY


def test_a_short_item_at_the_page_edge_before_furniture_is_furniture():
    c = classes_of(f"""
资料库
登录
注册
2026年北湖区工作要点
{PROSE_A}
""")
    assert c["资料库"] == "furniture"
    assert c["2026年北湖区工作要点"] == BODY


def test_a_table_with_keys_and_values_on_their_own_lines_is_furniture():
    c = classes_of(f"""
生成日期
2026-03-02
公开方式
主动公开
公开范围
面向社会
北湖区2025年度工作总结
{PROSE_A}
""")
    assert [c[w] for w in ("生成日期", "公开方式", "主动公开", "公开范围", "面向社会")] == ["furniture"] * 5
    assert c["北湖区2025年度工作总结"] == BODY


def test_a_lone_field_word_is_no_table():
    c = classes_of(f"""
北湖区2025年度工作总结
文号
{PROSE_A}
""")
    assert c["文号"] == BODY


def test_credits_and_contacts_after_the_body_go_and_the_attachment_line_stays():
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
附件：名词解释
北湖日报记者：韩雨
值班主任：曹阳
联系电话：0571-1234567
""")
    assert c["附件：名词解释"] == BODY
    assert [c[w] for w in ("北湖日报记者：韩雨", "值班主任：曹阳", "联系电话：0571-1234567")] == ["furniture"] * 3


def test_a_notice_about_the_page_is_no_prose_block_however_long():
    notice = "本站所载文章仅代表作者观点，如涉及版权问题，请与本站联系，我们将在第一时间予以删除。"
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
点赞
{notice}
收藏
""")
    assert c[notice] == "furniture" and c["点赞"] == "furniture"
    assert c[PROSE_B] == BODY


def test_a_report_sentence_on_this_document_is_prose():
    last = "本文件自印发之日起施行，由区政府授权区司法局负责解释。"
    c = classes_of(f"""
{PROSE_A}
{last}
打印
""")
    assert c[last] == BODY


def test_a_link_list_with_dates_and_a_download_link_after_the_body_is_furniture():
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
北湖区2025年度工作总结.docx（36KB）
北湖区召开防汛工作会议 2026-04-11
区长调研城市更新项目 (04-09 17:30)
""")
    assert [c[w] for w in ("北湖区2025年度工作总结.docx（36KB）", "北湖区召开防汛工作会议 2026-04-11",
                           "区长调研城市更新项目 (04-09 17:30)")] == ["furniture"] * 3


def test_the_closing_signature_stays_between_furniture():
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
北湖区人民政府
2026年4月2日
打印
关闭
""")
    assert c["北湖区人民政府"] == BODY and c["2026年4月2日"] == BODY


def test_page_numbers_and_the_running_head_of_a_printed_copy_go_inside_the_body():
    page = f"""北湖区人民政府办公室
关于2025年度政务公开工作的报告
{PROSE_A}
- 2 -
北湖区人民政府办公室
{PROSE_B}
第3页
{PROSE_A}"""
    cleaned = clean_text(page).text
    assert "- 2 -" not in cleaned and "第3页" not in cleaned
    assert cleaned.count("北湖区人民政府办公室") == 1
    assert cleaned.count(PROSE_A) == 2 and PROSE_B in cleaned


def test_a_bare_number_inside_the_body_is_kept():
    page = f"{PROSE_A}\n专利申请\n185\n{PROSE_B}"
    assert "\n185\n" in clean_text(page).text


HELDOUT = sorted(p for name, folder in SETS.items() if name != "dev" for p in folder.glob("*.txt"))


@pytest.mark.parametrize("path", HELDOUT, ids=lambda p: p.stem)
def test_no_prose_line_of_a_heldout_page_is_lost(path):
    assert score(path)["prose_lost"] == 0


def test_a_table_given_a_cell_a_line_after_the_body_stays_and_a_counter_goes():
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
指标
2026年目标
粮食产量（万吨）
12.5
8.3%
责任编辑：韩雨
点赞
36
""")
    assert [c[w] for w in ("指标", "粮食产量（万吨）", "12.5", "8.3%")] == [BODY] * 4
    assert c["36"] == "furniture" and c["责任编辑：韩雨"] == "furniture"


def test_a_question_of_an_interview_is_no_credit_line():
    c = classes_of(f"""
打印
记者：今年预算有哪些新特点？
答：{PROSE_A}
""")
    assert c["记者：今年预算有哪些新特点？"] == BODY
    assert classes_of(f"{PROSE_A}\n记者：韩雨\n")["记者：韩雨"] == "furniture"


REPLY = "说得很好，我们小区的加装电梯项目去年就落地了，希望今年继续推进老旧小区改造。"


def test_a_comment_section_ends_the_body_and_its_long_replies_go():
    page = f"""北湖区2025年民生实事办理情况的报告
{PROSE_A}
{PROSE_B}
北湖区人民政府
2026年4月2日
最新评论（2）
{REPLY}
评论于 2026-04-03 08:15
"""
    c = classes_of(page)
    assert c[REPLY] == "furniture" and c["最新评论（2）"] == "furniture"
    assert c["北湖区人民政府"] == BODY and c["2026年4月2日"] == BODY
    cleaned = clean_text(page).text
    assert PROSE_B in cleaned and REPLY not in cleaned


def test_a_thread_reply_starts_at_its_byline():
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
引用
2#
发表于 2026-4-3 09:12
{REPLY}
""")
    assert c[REPLY] == "furniture" and c["发表于 2026-4-3 09:12"] == "furniture"
    assert c[PROSE_B] == BODY


def test_a_comment_word_inside_the_body_does_not_end_it():
    page = f"{PROSE_A}\n群众评论较好，满意度达到百分之九十五以上。\n{PROSE_B}\n"
    assert classes_of(page)[PROSE_B] == BODY


def test_a_related_marker_of_any_kind_opens_the_tail():
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
【相关专题】
北湖区持续深化营商环境改革
北湖区重点项目一季度开工率过半
""")
    assert c["北湖区持续深化营商环境改革"] == "furniture" and c["【相关专题】"] == "furniture"


def test_a_disclaimer_of_the_platform_is_no_prose_block():
    notice = "特别说明：该文观点仅代表作者个人，平台仅提供信息存储空间服务，如有疑问请联系。"
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
返回首页，阅读更多
{notice}
""")
    assert c[notice] == "furniture" and c["返回首页，阅读更多"] == "furniture"


def test_the_browser_header_and_footer_of_a_printed_page_go_wherever_they_stand():
    stamp = "2026/4/9 下午3:05    北湖区政务公开工作报告"
    url = "https://www.beihu.gov.cn/zwgk/2026/04/t20260402_889.html    1/2"
    page = f"""{stamp}
北湖区政务公开工作报告
{PROSE_A}
{url}
{stamp}
{PROSE_B}
北湖区人民政府
2026年4月2日
{url.replace("1/2", "2/2")}
"""
    cleaned = clean_text(page).text
    assert "://" not in cleaned and "下午3:05" not in cleaned
    assert PROSE_A in cleaned and PROSE_B in cleaned and "北湖区人民政府\n2026年4月2日" in cleaned


def test_the_site_name_at_the_top_before_furniture_is_the_masthead():
    c = classes_of(f"""
北湖区住房和城乡建设局
无障碍浏览
网站首页
北湖区人民政府
关于2025年度住房保障工作的报告
{PROSE_A}
""")
    assert c["北湖区住房和城乡建设局"] == "furniture"
    assert c["北湖区人民政府"] == BODY and c["关于2025年度住房保障工作的报告"] == BODY


def test_a_widget_word_inside_a_menu_does_not_split_it():
    c = classes_of(f"""
首页
动态
收藏
专题
我的
北湖区召开重点项目推进会
{PROSE_A}
""")
    assert [c[w] for w in ("动态", "专题", "我的")] == ["furniture"] * 3
    assert c["北湖区召开重点项目推进会"] == BODY


def test_a_fold_widget_and_a_photo_note_inside_the_body_go():
    page = f"{PROSE_A}\n阅读全文\n（图为项目建设现场）\n{PROSE_B}\n"
    c = classes_of(page)
    assert c["阅读全文"] == "furniture" and c["（图为项目建设现场）"] == "furniture"
    assert classes_of(f"{PROSE_A}\n全文\n{PROSE_B}\n")["全文"] == BODY   # a word alone is no widget


def test_a_comment_count_opens_the_comment_area():
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
评论 7
{REPLY}
""")
    assert c["评论 7"] == "furniture" and c[REPLY] == "furniture" and c[PROSE_B] == BODY


def test_a_message_board_reply_of_the_government_is_body():
    answer = "回复内容：您好，您反映的问题已转交县住建局办理，该小区加装电梯项目已列入今年计划。"
    page = f"""留言标题：关于老旧小区加装电梯的建议
留言内容：{REPLY}
回复单位：县住房和城乡建设局
回复时间：2026-03-01
{answer}
"""
    cleaned = clean_text(page).text
    assert answer in cleaned and REPLY in cleaned


def test_comment_words_inside_a_report_on_handling_comments_cut_nothing():
    # 评论 as a table's column, 网友评论 and 发表于 as lines of the body: the report goes on
    # after them (its next heading, its closing date), so no comment section opens there;
    # the page's real comment area after the signature still goes.
    body = f"""清河县政务新媒体留言评论办理工作自查报告
一、基本情况
{PROSE_A}
平台
评论
回复率
县政府网站
412
100%
网友评论
对一般性网友评论，由运营单位每日巡查，发现不实信息及时澄清，违法违规内容及时处置。
评论
评论区实行先审后发，我们制定了评论审核规范，明确不予展示的内容并定期公开处理情况。
发表于
对于群众发表于各平台的意见建议，办理单位一律实名答复，答复内容审核后公开。
二、存在问题
{PROSE_B}
清河县人民政府办公室
2026年3月1日"""
    page = f"{body}\n评论（2）\n我要评论\n{REPLY}\n发表于 2026-03-03 09:12\n"
    c = classes_of(page)
    assert all(c[line.strip()] == BODY for line in body.split("\n"))
    assert c[REPLY] == "furniture" and c["评论（2）"] == "furniture"
    cleaned = clean_text(page).text
    assert "二、存在问题" in cleaned and PROSE_B in cleaned and REPLY not in cleaned


def test_a_table_with_a_comment_column_after_the_last_paragraph_keeps_the_signature():
    table = ["平台", "评论", "回复率", "县政府网站", "412", "100%", "清河县人民政府办公室", "2026年3月1日"]
    page = "\n".join([PROSE_A, PROSE_B, *table, "【打印】【关闭】", "评论（2）", REPLY])
    c = classes_of(page)
    assert [c[line] for line in table] == [BODY] * len(table)
    assert c["评论（2）"] == "furniture" and c[REPLY] == "furniture"


def test_a_contact_note_after_the_closing_date_stays_before_a_rating_form():
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
南湖市交通运输局
2026年4月10日
（联系人：周敏，电话：0573-8201234）
您对本件答复是否满意：
满意
不满意
提交
""")
    assert c["（联系人：周敏，电话：0573-8201234）"] == BODY and c["2026年4月10日"] == BODY
    assert c["满意"] == "furniture" and c["提交"] == "furniture"


def test_a_record_of_fields_before_the_document_goes_and_the_salutation_stays():
    c = classes_of(f"""
提案编号：20260087
提案者：农工党南湖市委会
办理状态：已办结
关于加快城乡公交一体化的提案的答复
农工党南湖市委会：
{PROSE_A}
""")
    assert [c[k] for k in ("提案编号：20260087", "提案者：农工党南湖市委会", "办理状态：已办结")] == ["furniture"] * 3
    assert c["关于加快城乡公交一体化的提案的答复"] == BODY and c["农工党南湖市委会："] == BODY
    one = classes_of(f"县长：周明远\n{PROSE_A}\n")   # one key：value line is no record
    assert one["县长：周明远"] == BODY


def test_a_qr_prompt_a_clock_stamp_an_owner_line_and_tagged_links_go_around_the_body():
    c = classes_of(f"""
2026年1月22日 20:15
{PROSE_A}
{PROSE_B}
西江区机关工委
2026年1月5日
扫码关注“西江机关党建”
【学习专栏】深入学习贯彻全会精神
西江区委机关工作委员会主办
""")
    for line in ("2026年1月22日 20:15", "扫码关注“西江机关党建”", "【学习专栏】深入学习贯彻全会精神",
                 "西江区委机关工作委员会主办"):
        assert c[line] == "furniture", line
    assert c["西江区机关工委"] == BODY and c["2026年1月5日"] == BODY   # the signature and its date stay


# --- layouts of the sixth held-out set: each feature on a page of its own ----------------
def test_a_byline_with_a_clock_stamp_goes_and_a_dated_occasion_stays():
    # A page dates a post by the minute (21:06), a report its text by the day: the byline
    # with account, time and place is the platform's; the occasion and the closing date stay.
    c = classes_of(f"""
原创 李晓岚 松阳发布 2024年01月19日 21:06 浙江
2024年松阳县政府工作报告
——2024年1月18日在松阳县第十七届人民代表大会第四次会议上
{PROSE_A}
{PROSE_B}
松阳县人民政府
2024年1月18日
""")
    assert c["原创 李晓岚 松阳发布 2024年01月19日 21:06 浙江"] == "furniture"
    # a byline's fields are short (author, account, place); a headline after a stamp is a headline
    headline = classes_of(f"2026-01-20 09:30 县十八届人大五次会议隆重开幕\n{PROSE_A}\n")
    assert headline["2026-01-20 09:30 县十八届人大五次会议隆重开幕"] == BODY
    for line in ("2024年松阳县政府工作报告", "——2024年1月18日在松阳县第十七届人民代表大会第四次会议上",
                 "松阳县人民政府", "2024年1月18日"):
        assert c[line] == BODY, line


def test_widgets_that_speak_to_the_reader_go_and_never_open_the_body():
    # A chat bot's greeting and a search snapshot's notice are 20 Han characters with a
    # sentence mark, as long as a paragraph: still no prose of the report, so the body
    # starts at the title. A rating question, a feedback box's placeholder and a URL line go too.
    greeting = "您好，我是智能客服小江，请问有什么可以帮您？"
    changed = "当前页面可能已更改，请点击此处查看最新页面。"
    c = classes_of(f"""
{greeting}
这是百度对 http://www.baishan.gov.cn/zwgk/0128.html 的快照。
{changed}
您查询的关键词：白山县 政府工作报告
白山县2019年政府工作报告
{PROSE_A}
{PROSE_B}
您对本页面信息是否满意？
本页面内容对您有帮助吗？
请输入您的意见建议（200字以内）
""")
    for line in (greeting, changed, "这是百度对 http://www.baishan.gov.cn/zwgk/0128.html 的快照。",
                 "您查询的关键词：白山县 政府工作报告", "您对本页面信息是否满意？", "本页面内容对您有帮助吗？",
                 "请输入您的意见建议（200字以内）"):
        assert c[line] == "furniture", line
    assert c["白山县2019年政府工作报告"] == BODY


def test_a_page_of_total_footer_and_a_full_length_running_title_go():
    # A PDF copy repeats the whole title (here 35 characters) as its running head next to
    # the page number; the title at the top stays once, and the last page's footer after
    # the last paragraph goes too.
    title = "2022年临江市国民经济和社会发展计划执行情况与2023年计划草案的报告"
    page = f"""{title}
{PROSE_A}
第 1 页 共 6 页
{title}
{PROSE_B}
第 2 页 共 6 页"""
    c = classify(page.split("\n"))
    assert c == [BODY, BODY, FURNITURE, FURNITURE, BODY, FURNITURE]
    assert clean_text(page).text.count(title) == 1


def test_a_gazette_name_and_its_issue_lines_go_and_a_headline_with_a_number_stays():
    # 定远市人民政府公报 ends like a title (公报), but the issue line under it makes it a
    # periodical's name; 第3期 inside a headline is no issue line.
    c = classes_of(f"""
定远市人民政府公报
2022年第2期（总第318期）
全县第3期干部培训班开班
{PROSE_A}
{PROSE_B}
定远市人民政府
2022年1月20日
（此件公开发布）
公报第2期第12页
定远市人民政府办公室编印　　电话：0558-8812345
""")
    for line in ("定远市人民政府公报", "2022年第2期（总第318期）", "（此件公开发布）", "公报第2期第12页",
                 "定远市人民政府办公室编印　　电话：0558-8812345"):
        assert c[line] == "furniture", line
    assert c["全县第3期干部培训班开班"] == BODY and c["2022年1月20日"] == BODY


def test_an_empty_attachment_box_goes_and_an_attachment_list_stays():
    # 附件： with only the page's download link or its widgets after it is the page's box;
    # with a numbered item after it, the document's own attachment list.
    box = classes_of(f"{PROSE_A}\n{PROSE_B}\n附件：\n临川市统计公报.pdf\n本页面内容对您有帮助吗？\n")
    assert box["附件："] == "furniture"
    alone = classes_of(f"{PROSE_A}\n{PROSE_B}\n附件：\n")
    assert alone["附件："] == "furniture"
    listed = classes_of(f"{PROSE_A}\n{PROSE_B}\n附件：\n1.2026年重点项目表\n")
    assert listed["附件："] == BODY and listed["1.2026年重点项目表"] == BODY


def test_a_title_bar_cut_short_by_an_ellipsis_goes_with_the_mobile_header():
    # The mobile site's header: an app prompt, the site's name and the headline cut by an
    # ellipsis; the full headline below stays.
    c = classes_of(f"""
打开APP
看新闻
金台区政府门户网站手机版
金台区人民政府2020年工作总结和2021年…
字号
金台区人民政府2020年工作总结和2021年工作安排
{PROSE_A}
""")
    for line in ("看新闻", "金台区政府门户网站手机版", "金台区人民政府2020年工作总结和2021年…"):
        assert c[line] == "furniture", line
    assert c["金台区人民政府2020年工作总结和2021年工作安排"] == BODY


def test_a_menu_item_that_ends_like_a_title_is_an_item_and_the_title_stays():
    # 常委会公报 ends in 公报 but stands between tiny menu items; the report's title ends the run.
    c = classes_of(f"""
人大概况
常委会公报
立法工作
监督工作
云岭市人民代表大会常务委员会工作报告
{PROSE_A}
""")
    assert [c[w] for w in ("人大概况", "常委会公报", "立法工作", "监督工作")] == ["furniture"] * 4
    assert c["云岭市人民代表大会常务委员会工作报告"] == BODY


def test_a_platform_placeholder_and_a_fold_widget_go_inside_the_body():
    # 预览时标签不可点 is what a WeChat tag leaves in a copy; 收起全文 folds the post: neither
    # is the report's, wherever it stands.
    page = f"{PROSE_A}\n预览时标签不可点\n{PROSE_B}\n收起全文\n{PROSE_A}"
    cleaned = clean_text(page).text
    assert "预览时标签不可点" not in cleaned and "收起全文" not in cleaned
    assert cleaned.count(PROSE_A) == 2 and PROSE_B in cleaned


def test_a_previous_issues_list_and_a_frequent_questions_box_open_the_tail():
    # 往期推荐 opens a list of the account's earlier posts, 热点问题 a chat widget's
    # questions: the question marks of its items make no prose of them.
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
往期推荐
松阳县两会特别报道｜代表委员热议“茶香经济”
""")
    assert c["往期推荐"] == "furniture" and c["松阳县两会特别报道｜代表委员热议“茶香经济”"] == "furniture"
    q = classes_of(f"{PROSE_A}\n{PROSE_B}\n热点问题\n如何办理个体工商户营业执照？\n")
    assert q["热点问题"] == "furniture" and q["如何办理个体工商户营业执照？"] == "furniture"


def test_a_last_section_headed_by_a_comment_word_keeps_its_paragraphs():
    # 网友评论 heading the report's last section, two paragraphs after it and no page mark
    # between: the report's, though the page's toolbar follows; a real comment box shows a
    # byline or a widget before its second reply.
    page = f"{PROSE_A}\n网友评论\n{PROSE_B}\n{PROSE_A}\n打印\n关闭"
    cleaned = clean_text(page).text
    assert "网友评论" in cleaned and PROSE_B in cleaned and cleaned.count(PROSE_A) == 2
    box = classes_of(f"{PROSE_A}\n{PROSE_B}\n网友评论\n{REPLY}\n河畔人家　发表于 2026-03-03 09:12\n")
    assert box["网友评论"] == "furniture" and box[REPLY] == "furniture"
    empty = classes_of(f"{PROSE_A}\n{PROSE_B}\n网友评论\n")   # an empty box at the page's end
    assert empty["网友评论"] == "furniture"


def test_a_posters_location_goes_after_a_byline_and_a_table_cell_stays():
    # Platforms show where a post was made: IP属地：北京, or the region alone under the
    # byline's clock stamp; 广东 under a table's 地区 header is a cell.
    c = classes_of(f"""
白沙县2026年政府工作报告
2026年1月22日 20:15
广东
{PROSE_A}
{PROSE_B}
IP属地：北京
""")
    assert c["广东"] == "furniture" and c["IP属地：北京"] == "furniture"
    cell = classes_of(f"{PROSE_A}\n{PROSE_B}\n地区\n广东\n12.5\n")
    assert cell["广东"] == BODY


def test_a_long_heading_listed_in_the_contents_stays_after_a_page_number():
    # A long section heading (over 30 characters) is in the table of contents and again
    # after a page break: the body's heading, not a running head; a repeated title is one.
    heading = "一、持续深化营商环境改革，全力推动民营经济和中小企业高质量发展"
    page = f"目录\n{heading}\n{PROSE_A}\n- 2 -\n{heading}\n{PROSE_B}"
    c = classify(page.split("\n"))
    assert c[3] == FURNITURE and c[4] == BODY


def test_every_interface_word_stands_in_a_group_with_its_reason_and_a_known_kind():
    # Vocabulary is data with a reason: each run of entries follows a comment naming what the
    # words are, each kind is one the header documents (a misspelt kind would fail to load or
    # act as a widget word), and no word is listed twice with two meanings.
    from effanalysis.clean.furniture import LEXICON, vocabulary
    lines = LEXICON.read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines[:30] if line.startswith("#"))
    seen, previous = set(), None
    for line in lines:
        if line.startswith("#"):
            previous = "comment"
            continue
        assert line.strip() and previous is not None, line
        word, _, kind = line.partition("\t")
        assert kind == "" or f"#   {kind}" in header, line
        assert word not in seen, word
        seen.add(word)
        previous = "entry"
    assert set(vocabulary()) == {"widget", "label", "field", "tail", "notice", "comments", "inline", "place",
                                 "advert"}


def test_a_platform_credit_after_the_body_goes_and_the_issuer_stays():
    # Before the credits, a line naming a platform (…平台, …网) is the platform's credit; a
    # line naming an issuing body (…人民政府) before the toolbar is the document's signature.
    c = classes_of(f"""
{PROSE_A}
{PROSE_B}
学习强国山川学习平台
责任编辑：杜清
""")
    assert c["学习强国山川学习平台"] == "furniture"
    signed = classes_of(f"{PROSE_A}\n{PROSE_B}\n河湾镇人民政府\n打印\n")
    assert signed["河湾镇人民政府"] == BODY


def test_a_thread_floor_inside_the_report_goes_with_its_marks_and_later_floors_are_replies():
    # The poster goes on in 2楼: the floor number, the floor's reply widgets before it and the
    # clock stamp and client note after it are the thread's marks, not the report. After the
    # closing date, 3楼 begins a reply: it and all after it go, the reply's long line too.
    c = classes_of(f"""
{PROSE_A}
回复(2)
收起回复
2楼
2020-01-12 09:43
来自Android客户端
{PROSE_B}
北湖区人民政府
2020年1月10日
3楼
桥头老李
我们村的扶贫车间确实办起来了每个月能挣两千多块钱呢真是好事一件
回复
""")
    for mark in ("回复(2)", "收起回复", "2楼", "2020-01-12 09:43", "来自Android客户端", "3楼", "桥头老李",
                 "我们村的扶贫车间确实办起来了每个月能挣两千多块钱呢真是好事一件"):
        assert c[mark] == "furniture", mark
    assert c[PROSE_B] == BODY and c["2020年1月10日"] == BODY and c["北湖区人民政府"] == BODY


def test_a_floor_word_in_the_report_is_no_floor():
    # 楼 in a heading or a sentence (三号楼建设) is the report's: only a floor number alone on
    # its line (2楼, #3) is a thread's mark.
    c = classes_of(f"{PROSE_A}\n三号楼\n{PROSE_B}\n")
    assert c["三号楼"] == BODY


def test_an_advert_inside_the_text_goes_and_a_table_row_named_advert_stays():
    # 广告 alone, then the ad's lines with a widget (立即购买): furniture up to the heading.
    # In a market-supervision table, 广告 is a row's name followed by figures: it stays.
    c = classes_of(f"""
{PROSE_A}
广告
夏季清凉好物限时5折
立即购买
二、乡村振兴全面推进
{PROSE_B}
""")
    assert [c[w] for w in ("广告", "夏季清凉好物限时5折", "立即购买")] == ["furniture"] * 3
    assert c["二、乡村振兴全面推进"] == BODY
    table = classes_of(f"{PROSE_A}\n类别\n广告\n126\n价格\n84\n{PROSE_B}\n")
    assert table["广告"] == BODY and table["126"] == BODY


def test_mail_notes_of_a_newsletter_are_no_prose_and_its_header_goes():
    # 您收到此邮件是因为… is a long sentence, but about the mail: the report ends at its
    # closing date, and the unsubscribe lines and the mail's header (发件人：, 主题：) go.
    c = classes_of(f"""
发件人：北湖区商务局
收件人：订阅用户
主题：商务简报第2期
北湖区商务局2022年工作总结
{PROSE_A}
{PROSE_B}
北湖区商务局
2023年1月20日
转发给朋友
您收到此邮件是因为您订阅了北湖区商务局电子简报，感谢您的关注。
如不希望再收到此类邮件，请点击退订。
""")
    for w in ("发件人：北湖区商务局", "收件人：订阅用户", "主题：商务简报第2期", "转发给朋友",
              "您收到此邮件是因为您订阅了北湖区商务局电子简报，感谢您的关注。", "如不希望再收到此类邮件，请点击退订。"):
        assert c[w] == "furniture", w
    assert c["北湖区商务局2022年工作总结"] == BODY and c["2023年1月20日"] == BODY


def test_a_machine_text_note_hashtags_and_a_copyright_footer_go():
    # A platform's notes, not the report: its transcript's origin, its topic tags, and a
    # footer with © even among Han words (©2026 某站 使用前必读 | 京ICP证…).
    c = classes_of(f"""
文稿由AI生成，仅供参考
{PROSE_A}
{PROSE_B}
#政府工作报告
#两会 #北湖#
©2026 北湖网 使用前必读 | 隐私政策 | 京ICP证030173号
""")
    for w in ("文稿由AI生成，仅供参考", "#政府工作报告", "#两会 #北湖#", "©2026 北湖网 使用前必读 | 隐私政策 | 京ICP证030173号"):
        assert c[w] == "furniture", w


def test_an_image_click_prompt_and_a_disclosure_attribute_inside_the_body_go():
    # （点击图片查看大图） is the image's widget; （此件公开发布） after a document's date is the
    # page's disclosure attribute, both left inside a longer copy. The chart's caption stays.
    c = classes_of(f"""
{PROSE_A}
图1　2020-2024年全区地区生产总值
（点击图片查看大图）
北湖区人民政府
2024年2月19日
（此件公开发布）
{PROSE_B}
""")
    assert c["（点击图片查看大图）"] == "furniture" and c["（此件公开发布）"] == "furniture"
    assert c["图1　2020-2024年全区地区生产总值"] == BODY and c["2024年2月19日"] == BODY


def test_records_of_open_data_and_an_encyclopedia_infobox_go():
    # An open-data catalogue's fields (数据集名称：…, 下载次数：…) and an infobox's keys each with
    # its value on the next line (中文名 / …, 发布单位 / …) are the page's record, not the report;
    # a related-X marker of three characters (相关数据集) opens the tail.
    c = classes_of(f"""
数据集名称：北湖区2023年信用体系建设工作总结
下载次数：214
中文名
北湖区2023年信用体系建设工作总结
发布单位
北湖区人民政府
北湖区2023年信用体系建设工作总结
{PROSE_A}
{PROSE_B}
相关数据集
北湖区2022年信用体系建设工作总结
""")
    for w in ("数据集名称：北湖区2023年信用体系建设工作总结", "下载次数：214", "中文名", "发布单位", "北湖区人民政府",
              "相关数据集", "北湖区2022年信用体系建设工作总结"):
        assert c[w] == "furniture", w


def test_a_repost_tag_makes_a_title_bar_and_the_later_title_stays():
    # 【转】 before the thread's title: the same title as the post's own headline below, so the
    # first is the thread's title bar; the headline, the last time it is seen, stays.
    lines = ["回复", "【转】北湖区2019年扶贫开发工作总结", "白沙小散户", "1楼", "北湖区2019年扶贫开发工作总结", PROSE_A]
    c = classify(lines)
    assert c[1] == FURNITURE and c[4] == BODY


def test_english_lines_of_a_bilingual_page_before_their_chinese_stay():
    # Before the title, the salutation and a numbered heading, a line of English words is their
    # translation; the English menu items and the copyright line still go.
    c = classes_of(f"""
Home
News
Report on the Work of the Government (2024)
2024年北湖区政府工作报告
Fellow Deputies,
各位代表：
{PROSE_A}
{PROSE_B}
Copyright © 2024 Beihu District. All Rights Reserved.
""")
    assert c["Report on the Work of the Government (2024)"] == BODY and c["Fellow Deputies,"] == BODY
    assert c["2024年北湖区政府工作报告"] == BODY
    assert c["Home"] == "furniture" and c["News"] == "furniture"
    assert c["Copyright © 2024 Beihu District. All Rights Reserved."] == "furniture"


def test_an_encyclopedia_definition_of_the_title_is_no_report_text_and_the_salutation_stays():
    # 《T》是… under the headline T describes the document: the entry's abstract, so the body
    # begins at the report's own first paragraph and the infobox between goes. 编辑 (a toolbar
    # word and a field key) before 各位代表： takes no value: the salutation stays.
    c = classes_of(f"""
北湖区2022年政府工作报告
《北湖区2022年政府工作报告》是2022年1月18日在北湖区第三届人民代表大会第一次会议上区长所作的报告。
中文名
北湖区2022年政府工作报告
发布单位
北湖区人民政府
编辑
各位代表：
{PROSE_A}
{PROSE_B}
""")
    assert c["《北湖区2022年政府工作报告》是2022年1月18日在北湖区第三届人民代表大会第一次会议上区长所作的报告。"] == "furniture"
    assert c["中文名"] == "furniture" and c["发布单位"] == "furniture" and c["北湖区人民政府"] == "furniture"
    assert c["各位代表："] == BODY


def test_a_report_opening_with_a_named_document_keeps_its_paragraph():
    # Without that title above it, 《纲要》是… is the report's own sentence: it is the body.
    line = "《北湖区国民经济和社会发展第十四个五年规划纲要》是全区未来五年发展的宏伟蓝图，必须认真贯彻落实。"
    c = classes_of(f"北湖区人民政府\n{line}\n{PROSE_A}\n")
    assert c[line] == BODY


def test_a_report_sentence_on_unsubscribing_or_machine_recognition_stays_prose():
    # Only notes about the mail itself (此邮件, 点击退订) or a text's own machine origin
    # (文稿由AI生成) are notices; the report's sentences about such services are its prose,
    # the last one too, and a floor in a table (位置 / 2楼) without a thread's marks stays.
    last = "下一步，我们将督促运营商落实短信退订机制，目前由系统自动识别的骚扰电话占85%。"
    c = classes_of(f"{PROSE_A}\n位置\n2楼\n{PROSE_B}\n{last}\n打印\n")
    assert c[last] == BODY and c["2楼"] == BODY and c["打印"] == "furniture"
