"""Suggestions: each source, their combination, and the incremental accept/reject cycle."""
import pytest
from hypothesis import given, strategies as st

from annotator.core.model import Document
from annotator.core.store import Project
from annotator.core.suggest import Suggestion, combine, dates, metrics, programs
from annotator.core.suggest.suggester import from_dictionary

TEXT = ("今日重庆网 2020-09-11 10:53\n\n2019年末,云阳县投入资金1153万元实施“八七扶贫攻坚计划”。"
        "今年2月,去年9月,6月12日,2016年以来,上世纪70年代;近年来和目前不是时间。")


def texts(found, text=TEXT):
    return [text[s.start:s.end] for s in found]


def test_dates_source():
    assert texts(dates.suggest(TEXT)) == ["2020-09-11 10:53", "2019年末", "今年2月", "去年9月", "6月12日",
                                          "2016年以来", "上世纪70年代"]


def test_metrics_source_fills_the_value():
    [s] = metrics.suggest("投入资金1153万元。")
    assert (s.label, s.attrs["value"], s.attrs["unit"]) == ("METRIC", 11530000, "元")


def test_programs_source_takes_quoted_names_without_quotes():
    found = programs.suggest(TEXT + "他说:“我们一定要做好,不负期望。”")
    assert texts(found, TEXT + "他说:“我们一定要做好,不负期望。”") == ["八七扶贫攻坚计划"]
    assert found[0].confidence > 0.8  # ends like a programme: 计划


def test_programs_source_wants_evidence_for_quotes_and_reads_unquoted_plans():
    text = ("稳步推动“三变”改革,打好“易地搬迁战”,按照“两不愁三保障”标准,推行“以工代赈”“按劳取酬”等方式;"
            "既“输血”又“造血”,危房已全部“清零”。出台了脱贫摘帽行动方案、挂牌作战工作方案,围绕年度工作计划,"
            "实施整村脱贫计划。")
    found = texts(programs.suggest(text), text)
    assert {"三变", "易地搬迁战", "两不愁三保障", "以工代赈", "按劳取酬", "脱贫摘帽行动方案", "挂牌作战工作方案",
            "整村脱贫计划"} <= set(found)
    assert not {"输血", "造血", "清零", "年度工作计划", "工作计划"} & set(found)  # slogans and generic plans


def test_dictionary_source_finds_every_occurrence():
    found = from_dictionary("云阳县和云阳县委", {"云阳县": "REGION", "云阳县委": "ORG"})
    assert [(s.start, s.end, s.label) for s in found] == [(0, 3, "REGION"), (4, 8, "ORG")]


def test_combine_keeps_the_surest_per_layer():
    layer = {"REGION": "entity", "ORG": "entity", "METRIC": "metric"}
    kept = combine([Suggestion(0, 3, "REGION", "a", 0.9), Suggestion(0, 4, "ORG", "b", 0.95),
                    Suggestion(1, 3, "METRIC", "c", 0.5)], layer)
    assert [(s.label, s.source) for s in kept] == [("ORG", "b"), ("METRIC", "c")]


def make():
    project = Project.open(None)
    first = project.add_document(Document(text=TEXT, title="一"))
    second = project.add_document(Document(text="绥阳县投入资金2164万元,云阳县也一样。", title="二"))
    return project, first, second


def test_suggestions_are_kept_apart_and_rerunning_changes_nothing():
    project, first, _ = make()
    added = project.suggest()
    assert added > 5
    assert {s.origin for s in project.spans(first)} == {"suggested"}
    assert project.stats()["spans"] == 0 and project.stats()["suggestions"] == added
    assert project.suggest() == 0  # incremental: nothing new, nothing duplicated


def test_accept_reject_undo_and_the_growing_dictionary():
    project, first, second = make()
    project.suggest()
    metric = next(s for s in project.spans(first) if s.label == "METRIC")
    accepted = project.accept(metric.id)
    assert accepted.origin == "manual" and accepted.attrs["value"] == 11530000
    date = next(s for s in project.spans(first) if s.text == "6月12日")
    project.reject(date.id)
    assert all(s.text != "6月12日" for s in project.spans(first))
    project.add_span(first, TEXT.index("云阳县"), TEXT.index("云阳县") + 3, "REGION")  # by hand
    project.suggest()
    assert all(s.text != "6月12日" for s in project.spans(first))  # a rejection sticks
    now = project.span(accepted.id)  # decisions untouched (its proposed links may follow new annotations)
    assert (now.origin, now.start, now.end, now.attrs["value"]) == ("manual", accepted.start, accepted.end, 11530000)
    # the dictionary learnt 云阳县: the other report now has it as a suggestion
    assert ("云阳县", "REGION", "suggested") in [(s.text, s.label, s.origin) for s in project.spans(second)]
    project.undo()  # the REGION by hand
    project.undo()  # the rejection
    assert "6月12日" in [s.text for s in project.spans(first)]
    project.undo()  # the acceptance
    assert project.span(metric.id).origin == "suggested"


def test_export_includes_suggestions_only_when_asked():
    from annotator.core.interchange import native

    project, first, _ = make()
    project.suggest()
    assert next(native.records(project))["spans"] == []
    with_suggestions = next(native.records(project, with_suggestions=True))["spans"]
    assert with_suggestions and {s["origin"] for s in with_suggestions} == {"suggested"}


def test_regions_source_gazetteer_short_forms_and_chains():
    from annotator.core.suggest import regions

    text = "云阳县和会泽的贫困户;县委书记到绥阳县坪乐镇解放村调研,农村和乡镇干部参加。"
    found = {text[s.start:s.end]: s.confidence for s in regions.suggest(text)}
    assert "云阳县" in found and "会泽" in found  # a county, and a county's short form
    assert found["云阳县"] > found["会泽"]  # full names are surer
    assert "绥阳县坪乐镇解放村" in found  # one chain, one span
    assert not {"农村", "乡镇"} & set(found)  # words that only end like places


def test_orgs_source_keeps_the_place_inside_and_finds_outlets():
    from annotator.core.suggest import orgs

    text = "今日重庆网 2020-09-11\n今日重庆网讯(记者 胡婷)中共会泽县委书记谭力华;云阳县委宣传部供图;华龙网报道。农村电网改造。"
    found = [text[s.start:s.end] for s in orgs.suggest(text)]
    assert {"今日重庆网", "中共会泽县委", "云阳县委宣传部", "华龙网"} <= set(found)
    assert found.count("今日重庆网") == 2 and "农村电网" not in found and "电网" not in found


def test_persons_source_after_titles_in_bylines_before_speech_and_in_lists():
    from annotator.core.suggest import persons

    text = ("珠江网讯(记者 朱洪良)中共会泽县委书记谭力华介绍情况。编辑:陈怡璇\n谭力华表示,全县39.9万人就业。"
            "名单:江泽民、宋平、张震、谢非。司马义·艾买提出席。高质量发展,精准施策。")
    found = {text[s.start:s.end]: s.confidence for s in persons.suggest(text)}
    assert {"朱洪良", "谭力华", "陈怡璇", "司马义·艾买提", "宋平", "张震", "谢非"} <= set(found)
    assert found["谭力华"] >= 0.9  # after a title: sure
    assert not {"万人", "高质量", "施策", "书记谭力华"} & set(found)  # units, ordinary words, titles stay out


def test_regions_source_needs_word_edges_and_knows_the_world():
    from annotator.core.suggest import regions

    text = "会泽是乌蒙山片区集中连片特困县,建设示范县,城乡环境宜居。全体中国人民和美国、马拉维的朋友在北京会面。"
    found = {text[s.start:s.end] for s in regions.suggest(text)}
    assert {"会泽", "乌蒙山片区", "中国", "美国", "马拉维", "北京"} <= found
    assert not {"范县", "城乡", "宜居"} & found  # inside a word, or an ordinary word


def test_orgs_source_reads_bodies_off_words_and_outranks_their_place():
    from annotator.core.suggest import combine, orgs, regions

    text = "中国共产党第十五次全国代表大会在京召开。永顺县公安局刑侦大队破案。党的十五大以来,村两委和党组织带头。"
    found = combine(orgs.suggest(text) + regions.suggest(text), {"ORG": "entity", "REGION": "entity"})
    spans = {(text[s.start:s.end], s.label) for s in found}
    assert {("中国共产党第十五次全国代表大会", "ORG"), ("永顺县公安局刑侦大队", "ORG"), ("十五大", "ORG")} <= spans
    assert not {"两委", "党组织", "中国", "永顺县"} & {t for t, _ in spans}  # generic bodies; places inside bodies


@given(st.sets(st.text(alphabet="云阳县委乡", min_size=1, max_size=4), max_size=8),
       st.text(alphabet="云阳县委乡x", max_size=12))
def test_lexicon_finds_the_longest_name_at_every_position(names, text):
    from annotator.core.suggest import Lexicon

    lexicon = Lexicon(names)
    for at in range(len(text) + 1):
        expected = max((len(n) for n in names if text.startswith(n, at)), default=0)
        assert lexicon.longest(text, at) == expected


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 6), st.sampled_from(["REGION", "ORG", "METRIC"]),
                          st.floats(0, 1)), max_size=30))
def test_combine_keeps_no_overlap_in_a_layer_and_drops_only_for_a_surer_one(raw):
    layer = {"REGION": "entity", "ORG": "entity", "METRIC": "metric"}
    suggestions = [Suggestion(s, s + n, label, "t", c) for s, n, label, c in raw]
    kept = combine(suggestions, layer)
    for a in kept:
        for b in kept:
            assert a is b or layer[a.label] != layer[b.label] or a.end <= b.start or b.end <= a.start
    for s in suggestions:
        if s not in kept:  # dropped: a kept one of its layer overlaps it and was ranked first
            assert any(layer[k.label] == layer[s.label] and k.start < s.end and s.start < k.end
                       and (k.confidence, k.end - k.start) >= (s.confidence, s.end - s.start) for k in kept)


def test_persons_source_reads_foreign_names_and_surnames_with_titles():
    from annotator.core.suggest import persons

    text = "克林顿总统会见基辛格博士,威尔逊说。江主席指出,李总理说。"
    found = {text[s.start:s.end] for s in combine(persons.suggest(text), {"PERSON": "entity"})}
    assert {"克林顿", "基辛格", "威尔逊", "江", "李"} <= found
    assert not {"江主席", "李总理", "总统"} & found  # titles stay out


def test_a_list_of_names_without_separators_is_repaired_where_jieba_cut_it_wrong():
    from annotator.core.suggest.persons import _repair_lists

    text = "李鹏乔石李瑞环王朝文丁文昌于珍于永波"
    cut = ["李鹏", "乔石", "李瑞环", "王朝", "文昌", "于永波"]  # as jieba may cut it: 王朝/文, 丁 lost, 于珍 lost
    names, at = [], 0
    for name in cut:
        at = text.index(name, at)
        names.append(Suggestion(at, at + len(name), "PERSON", "persons", 0.6))
        at += len(name)
    repaired = [text[s.start:s.end] for s in _repair_lists(text, names)]
    assert repaired == ["李鹏", "乔石", "李瑞环", "王朝文", "丁文昌", "于珍", "于永波"]


def test_regions_source_reads_one_character_names_where_the_word_says_so():
    from annotator.core.suggest import regions

    text = "叶利钦访华期间,中俄两国和港澳台同胞在京会面,华人华侨欢迎。胡亚美是医生。"
    found = [text[s.start:s.end] for s in regions.suggest(text)]
    assert {"华", "中", "俄", "港", "澳", "台", "京"} <= set(found)
    assert "亚" not in found and "美" not in found  # inside a person's name (胡亚美)


def test_orgs_source_knows_party_short_names_and_outlets_jieba_knows():
    from annotator.core.suggest import orgs

    text = "民进和九三学社的代表,人民日报记者,河南省纪委了解到。云阳县泥溪镇柑橘种植专业合作社;农民加入合作社。"
    found = {text[s.start:s.end] for s in orgs.suggest(text)}
    assert {"民进", "九三学社", "人民日报", "河南省纪委", "云阳县泥溪镇柑橘种植专业合作社"} <= found
    assert "合作社" not in found  # a kind of body, not a name


def test_lexicon_entries_from_files_in_any_encoding_with_bad_lines_reported(tmp_path):
    from annotator.core.model import AnnotatorError

    project = Project.open(None)
    doc_id = project.add_document(Document(text="华龙网报道:村集体经济合作社成立,代码XYZ-7。"))
    gbk = tmp_path / "orgs.txt"
    gbk.write_bytes("华龙网\r\n村集体经济合作社\r\n".encode("gb18030"))
    report = project.add_lexicon_file(gbk, "ORG")
    assert (report.added, report.problems) == (2, [])
    assert project.add_lexicon_file(gbk, "ORG").already == 2  # nothing twice
    report = project.add_lexicon("PROGRAM", ["[A-Z]{3}-\\d", "[", "x?"], "pattern", where="p.txt")
    assert report.added == 1 and [p.split(":")[1] for p in report.problems] == ["2", "3"]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(AnnotatorError, match="empty.txt"):
        project.add_lexicon_file(empty, "ORG")
    project.suggest()
    found = {(s.text, s.label, s.source) for s in project.spans(doc_id, origin="suggested")}
    assert {("村集体经济合作社", "ORG", "lexicon"), ("XYZ-7", "PROGRAM", "lexicon")} <= found
    assert project.remove_lexicon("ORG") == 2 and project.lexicon_entries() == [("PROGRAM", "pattern", "[A-Z]{3}-\\d")]


@given(st.lists(st.text(alphabet="云阳县委𠮷😀a", min_size=1, max_size=3), min_size=1, max_size=5),
       st.text(alphabet="云阳县委𠮷😀ab", max_size=30))
def test_names_are_found_with_true_offsets_and_never_overlap(names, text):
    from annotator.core.suggest import Lexicon, find_names

    labels = dict.fromkeys(names, "ORG")
    found = find_names(text, labels, Lexicon(labels), "t", 0.9)
    assert all(text[s.start:s.end] in labels for s in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_long_actions_report_progress_and_stop_when_asked(tmp_path):
    from annotator.core.importer import import_paths
    from annotator.core.model import Cancelled
    from tests.conftest import CORPUS

    with Project.open(tmp_path / "p.db") as p:
        import_paths(p, [CORPUS])
        seen = []
        added = p.suggest(on_progress=lambda done, total: seen.append((done, total)) or done < 2)
        assert seen == [(0, 5), (1, 5), (2, 5)]  # asked before each report; stopped before the third
        with_suggestions = [d for d in p.document_ids() if p.spans(d, origin="suggested")]
        assert with_suggestions == p.document_ids()[:2] and added == sum(len(p.spans(d)) for d in with_suggestions)
        doc = with_suggestions[0]
        with pytest.raises(Cancelled, match="no suggestion was accepted"):
            p.accept_all(doc, on_progress=lambda done, total: False)
        assert p.spans(doc, origin="manual") == []  # rolled back whole
        assert not p.can_undo()
        with pytest.raises(Cancelled, match="nothing was labelled"):
            p.label_occurrences(p.document_ids(), "云阳", "REGION", on_progress=lambda done, total: done < 3)
        assert all(p.spans(d, origin="manual") == [] for d in p.document_ids())


def test_an_annotation_replaces_the_suggestions_it_covers_in_its_layer(project):
    doc = project.add_document(Document(text="云阳县和奉节县的13.4万贫困群众如期脱贫。"))
    project.suggest([doc])
    suggested = {(s.start, s.end): s for s in project.spans(doc, origin="suggested")}
    assert (0, 3) in suggested and (4, 7) in suggested  # 云阳县, 奉节县
    made = project.add_span(doc, 0, 7, "REGION")  # covers both, by hand
    left = [(s.start, s.end, s.layer) for s in project.spans(doc, origin="suggested")]
    assert not [x for x in left if x[2] == "entity" and x[0] < 7]  # the entity suggestions it covers are gone
    assert any(x[2] == "metric" for x in left)  # other layers keep theirs
    project.undo()  # one step: the span goes and the suggestions come back
    assert project.span(suggested[(0, 3)].id).origin == "suggested" and made.id not in {s.id for s in project.spans(doc)}


@pytest.mark.parametrize("text, expected", [
    ("中方支持上海合作组织扩员。", [("上海合作组织", "ORG")]),
    ("据省统计局数据,全省生产总值增长。", [("省统计局", "ORG")]),
    ("开行中欧班列1.9万列。", [("中", "REGION"), ("欧", "REGION")]),
    ("上海组织了一次活动。", [("上海", "REGION")]),  # 组织 a verb here
    ("加强党组织建设。", []),
])
def test_work_report_bodies_and_places(text, expected):
    from annotator.core import segment
    from annotator.core.schema import default_schema
    from annotator.core.suggest.suggester import TEXT_SOURCES

    segment.start().join()
    layer = default_schema().layers()
    found = combine([s for source in TEXT_SOURCES for s in source(text)], layer)
    assert [(text[s.start:s.end], s.label) for s in found if s.label in ("REGION", "ORG")] == expected


def test_a_runaway_team_pattern_is_stopped_named_and_skipped_while_the_rest_is_suggested(tmp_path, monkeypatch):
    """`(a|aa)+$` takes exponential time on a run of a's that does not end the text: it must neither
    freeze the run nor make it fail; the pattern is named once and the other suggestions are stored."""
    from annotator.core.suggest import suggester

    monkeypatch.setattr(suggester, "PATTERN_SECONDS", 0.2)
    project = Project.open(tmp_path / "p.db")
    runaway = "a" * 60 + "!"
    ids = [project.add_document(Document(text=f"云阳县的干部说:{runaway} 代号XJ-7。{n}")) for n in range(3)]
    project.add_lexicon("PROGRAM", ["(a|aa)+$", "XJ-\\d"], "pattern")
    warnings = []
    assert project.suggest(on_warning=warnings.append) > 0
    assert len(warnings) == 1 and "'(a|aa)+$' (PROGRAM)" in warnings[0] and "skipped" in warnings[0]
    for doc_id in ids:
        texts = {(s.text, s.label) for s in project.spans(doc_id)}
        assert ("XJ-7", "PROGRAM") in texts and ("云阳县", "REGION") in texts


def test_the_cli_prints_a_skipped_pattern_and_still_suggests(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from annotator.cli import cli
    from annotator.core.suggest import suggester

    monkeypatch.setattr(suggester, "PATTERN_SECONDS", 0.2)
    path = tmp_path / "p.db"
    with Project.open(path) as project:
        project.add_document(Document(text="云阳县:" + "a" * 60 + "!"))
        project.add_lexicon("PROGRAM", ["(a|aa)+$"], "pattern")
    result = CliRunner().invoke(cli, ["suggest", "-p", str(path)])
    assert result.exit_code == 0, result.output
    assert "'(a|aa)+$' (PROGRAM)" in result.stderr and "suggestions added" in result.stdout


def _found(source, text):
    return {text[s.start:s.end] for s in source.suggest(text)}


def test_regions_a_rejected_short_form_hides_no_name_and_a_cut_level_rejoins():
    from annotator.core.suggest import regions

    assert "德国" in _found(regions, "我们同德国朋友见面。")  # 同德 (a county's short form) is no place here
    assert "太白镇" in _found(regions, "我们到了太白镇")  # jieba: 太白/镇


def test_regions_from_the_dictionary_countries_do_not_chain_and_one_character_pairs():
    from annotator.core.suggest import regions

    found = _found(regions, "游客从布达拉宫出发，穿越青藏高原。来自中国四川省的代表扩大对华出口，坚持中美两项原则。")
    assert {"布达拉宫", "青藏高原", "中国", "四川省", "华", "中", "美"} <= found
    assert "中国四川省" not in found  # a country and its province are two places
    assert not _found(regions, "苦乐不均，加大力度。")  # phrases jieba's dictionary tags ns


def test_orgs_teams_delegations_factories_dictionary_bodies_and_ministries():
    from annotator.core.suggest import combine, orgs, regions

    text = "日本女队击败了巴西队，韩国代表团抵达，天津机床总厂接待。安理会和人事部联合发文，机关干部和东南部地区。"
    found = combine(orgs.suggest(text) + regions.suggest(text), {"ORG": "entity", "REGION": "entity"})
    spans = {(text[s.start:s.end], s.label) for s in found}
    assert {("日本女队", "ORG"), ("巴西队", "ORG"), ("韩国代表团", "ORG"), ("天津机床总厂", "ORG"),
            ("安理会", "ORG"), ("人事部", "ORG")} <= spans
    assert not {"机关干部", "干部", "东南部", "日本", "巴西"} & {t for t, _ in spans}


def test_persons_after_role_endings_split_given_names_and_words_that_are_no_names():
    from annotator.core.suggest import persons

    found = _found(persons, "英国财政大臣布朗今天访问，法国外交大臣韦德里纳说，副县长吴方平主持会议。")
    assert {"布朗", "韦德里纳", "吴方平"} <= found
    assert not _found(persons, "要培养高素质的干部，大家都要参加，张家坡的村民来了。")


def test_regions_city_short_forms_jieba_mistags_and_two_character_rivers():
    from annotator.core.suggest import regions

    found = _found(regions, "她从合肥飞往拉萨，沿着黄河和长江旅行。信件开封后再保定。")
    assert {"合肥", "拉萨", "黄河", "长江"} <= found  # jieba: 合肥 n, 拉萨 nrt
    assert not {"开封", "保定"} & found  # a city's short form that is a verb here


def test_orgs_place_teams_named_firms_and_verbs_inside_long_names():
    from annotator.core.suggest import combine, orgs, regions

    text = ("古巴队击败智利队，中国队伍很团结。劳拉公司和电子公司签约。"
            "美国指责欧盟委员会，国务院批准成立全国环境管理体系认证指导委员会。")
    found = combine(orgs.suggest(text) + regions.suggest(text), {"ORG": "entity", "REGION": "entity"})
    spans = {(text[s.start:s.end], s.label) for s in found}
    assert {("古巴队", "ORG"), ("智利队", "ORG"), ("劳拉公司", "ORG"), ("欧盟委员会", "ORG"),
            ("全国环境管理体系认证指导委员会", "ORG"), ("中国", "REGION"), ("美国", "REGION")} <= spans
    assert not {"中国队", "电子公司", "美国指责欧盟委员会"} & {t for t, _ in spans}


def test_persons_two_character_names_jieba_made_need_a_given_name_character():
    from annotator.core.suggest import persons

    assert {"柳萍", "薛丽"} <= _found(persons, "那天柳萍来到村里，昨天薛丽也来了。")
    assert not _found(persons, "精准施策，冷链物流，万人参加，时要认定。")


def test_programs_formulas_numerals_with_bu_and_named_days():
    text = "推行“2+3+X”帮扶办法，落实“两不愁”，确保“三个不减”。今天是全国助残日，世界读书日的活动；国家一月份，全国每日。"
    assert texts(programs.suggest(text), text) == ["2+3+X", "两不愁", "三个不减", "全国助残日", "世界读书日"]


def test_orgs_parts_of_places_and_networks_are_no_bodies():
    from annotator.core.suggest import orgs

    assert not _found(orgs, "他用因特网查到，黄淮中南部和城乡结合部有雨。")


def test_villages_jieba_cuts_into_pieces_are_one_place_and_categories_are_not():
    from annotator.core.suggest import regions

    for text, place in (("村民们回到白果坪村。", "白果坪村"), ("沙坝田村的产业。", "沙坝田村"),
                        ("走进枫香溪镇采访。", "枫香溪镇")):
        assert place in texts(regions.suggest(text), text)
    for text in ("全县重点村和示范村都已完成。", "县领导带队走村入户。", "每个村都有。"):
        assert not regions.suggest(text), text


def test_a_place_jieba_joined_to_a_verb_and_named_halls_are_places():
    from annotator.core.suggest import regions

    text = "台湾光复纪念日。澳门回归祖国。大会在北京人民大会堂举行。"
    assert texts(regions.suggest(text), text) == ["台湾", "澳门", "北京人民大会堂"]
