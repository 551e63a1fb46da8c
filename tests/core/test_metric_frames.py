"""METRIC spans carry value, unit, qualifier, indicator, subject and period, proposed from context."""
from annotator.core.importer import import_paths
from annotator.core.model import Document
from tests.conftest import CORPUS

TEXT = ("云阳县脱贫攻坚综述\n\n今年以来,云阳县投入资金1153万元实施易地搬迁。"
        "贫困发生率从2013年末的47.99%下降到2019年末的7.67%。全县有贫困村355个。")


def label(project, doc, needle, name, occurrence=0):
    text = project.text(doc)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return project.add_span(doc, start, start + len(needle), name)


def test_a_metric_span_is_filled_from_its_text_and_context(project):
    doc = project.add_document(Document(text=TEXT, title="t"))
    region = label(project, doc, "云阳县", "REGION", 1)
    period = label(project, doc, "今年以来", "DATE")
    metric = label(project, doc, "1153万元", "METRIC")
    assert metric.attrs == {"value": 11530000, "unit": "元", "qualifier": "exact", "indicator": "资金投入",
                            "subject": region.id, "period": period.id,
                            "proposed": ["value", "unit", "qualifier", "indicator", "subject", "period"]}


def test_a_comparison_gives_two_metrics_with_their_own_periods(project):
    doc = project.add_document(Document(text=TEXT, title="t"))
    label(project, doc, "云阳县", "REGION")
    before = label(project, doc, "2013年末", "DATE")
    after = label(project, doc, "2019年末", "DATE")
    old = label(project, doc, "47.99%", "METRIC")
    new = label(project, doc, "7.67%", "METRIC")
    assert (old.attrs["indicator"], old.attrs["period"], old.attrs["value"]) == ("贫困发生率", before.id, "47.99")
    assert (new.attrs["indicator"], new.attrs["period"], new.attrs["value"]) == ("贫困发生率", after.id, "7.67")
    # no REGION in their sentence: the report's main region from the title and lead
    assert old.attrs["subject"] == new.attrs["subject"] == project.spans(doc)[0].id


def test_indicator_from_keywords_and_no_period_without_a_date(project):
    doc = project.add_document(Document(text=TEXT, title="t"))
    villages = label(project, doc, "355个", "METRIC")
    assert villages.attrs["indicator"] == "贫困村" and "period" not in villages.attrs


def test_edits_are_confirmations_and_moving_an_edge_reparses(project):
    doc = project.add_document(Document(text=TEXT, title="t"))
    metric = label(project, doc, "1153万", "METRIC")
    assert metric.attrs["value"] == 11530000 and metric.attrs["unit"] == ""
    metric = project.update_span(metric.id, end=metric.end + 1)  # take in 元
    assert (metric.text, metric.attrs["unit"]) == ("1153万元", "元")
    metric = project.update_span(metric.id, attrs={**metric.attrs, "indicator": "易地搬迁"})
    assert metric.attrs["indicator"] == "易地搬迁" and "indicator" not in metric.attrs["proposed"]
    metric = project.update_span(metric.id, start=metric.start + 1)  # a hand-set value survives edge moves
    assert metric.attrs["indicator"] == "易地搬迁" and metric.attrs["value"] == 1530000


def test_deleting_a_linked_span_clears_the_link_and_undo_restores_it(project):
    doc = project.add_document(Document(text=TEXT, title="t"))
    region = label(project, doc, "云阳县", "REGION", 1)
    metric = label(project, doc, "1153万元", "METRIC")
    project.delete_span(region.id)
    assert "subject" not in project.span(metric.id).attrs
    project.undo()
    assert project.span(metric.id).attrs["subject"] == region.id


def test_seed_report_metrics(project):
    doc = import_paths(project, [CORPUS / "003_effba63bb87e5c1e.txt"]).imported[0]
    label(project, doc, "会泽", "REGION", 1)
    households = label(project, doc, "90225户", "METRIC")
    people = label(project, doc, "341742人", "METRIC")
    assert households.attrs["indicator"] == people.attrs["indicator"] == "贫困人口"
    assert (people.attrs["value"], people.attrs["unit"]) == (341742, "人")


from hypothesis import given, settings, strategies as st  # noqa: E402

from annotator.core.store import Project  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("0123456789.-~%万亿千百十一二三两元户人个年月日近约余多至到,。𠮷"),
                    min_size=1, max_size=15), data=st.data())
def test_any_metric_span_can_be_made(text, data):
    """Proposals never stop a METRIC span from being saved, whatever its characters."""
    project = Project.open(None)
    doc = project.add_document(Document(text=text))
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    span = project.add_span(doc, start, end, "METRIC")
    assert span.text == text[start:end]


def test_metrics_table_says_who_where_when_and_whether_confirmed(project):
    from annotator.core.interchange import metrics

    doc = project.add_document(Document(text=TEXT, title="云阳", published="2020-06-13"))
    label(project, doc, "云阳县", "REGION", 1)
    label(project, doc, "2013年末", "DATE")
    rate = label(project, doc, "47.99%", "METRIC")
    villages = label(project, doc, "355个", "METRIC")
    project.confirm_span(rate.id)
    rows = {r["span_text"]: r for r in metrics.rows(project)}
    assert {k: rows["47.99%"][k] for k in ("subject", "indicator", "period", "period_from", "value", "unit",
                                            "confirmed", "proposed")} == {
        "subject": "云阳县", "indicator": "贫困发生率", "period": "2013年末", "period_from": "span",
        "value": "47.99", "unit": "%", "confirmed": True, "proposed": ""}
    assert rows["47.99%"]["sentence"] == "贫困发生率从2013年末的47.99%下降到2019年末的7.67%。"
    assert (rows["355个"]["period"], rows["355个"]["period_from"], rows["355个"]["confirmed"]) == (
        "2020-06-13", "report", False)
    # the same answers straight from SQL, for people who query the project file
    view = {r["span_id"]: r for r in project.db.query("SELECT * FROM metrics")}
    assert view[villages.id]["indicator"] == "贫困村" and view[rate.id]["subject"] == "云阳县"


def test_the_metrics_view_gives_the_sentence_also_after_astral_characters(project):
    doc = project.add_document(Document(text="标题\n\n😀𠮷统计:贫困人口90225户。下一句。"))
    label(project, doc, "90225户", "METRIC")
    [row] = project.db.query("SELECT sentence, span_text, confirmed FROM metrics")
    assert row == {"sentence": "😀𠮷统计:贫困人口90225户。", "span_text": "90225户", "confirmed": 0}


@given(st.text(alphabet="ab。!\n;𠮷", max_size=40), st.data())
def test_sentence_bounds_hold_the_span_and_stop_at_sentence_ends(text, data):
    from annotator.core.sentences import CLAUSE_END as SENTENCE_END, clause_bounds as sentence

    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    s, e = sentence(text, start, end)
    assert 0 <= s <= start and end <= e <= len(text)
    assert not any(ch in SENTENCE_END for ch in text[s:start])  # no sentence ends between its start and the span
    assert (s == 0 or text[s - 1] in SENTENCE_END) and (e == len(text) or text[e - 1] in SENTENCE_END)
    assert not any(ch in SENTENCE_END for ch in text[end:e - 1])


def test_suggested_metrics_get_subject_and_period_and_follow_accepted_anchors(tmp_path):
    from annotator.core.model import Document
    from annotator.core.store import Project

    with Project.open(tmp_path / "p.db") as p:
        text = "2019年，云阳县地区生产总值达到431亿元，增长5.2%。"
        doc = p.add_document(Document(text=text))
        p.suggest([doc])
        spans = {s.text: s for s in p.spans(doc)}
        metric = spans["431亿元"]
        assert metric.origin == "suggested"
        # proposals point at the suggested region and date of its clause
        assert metric.attrs["subject"] == spans["云阳县"].id and metric.attrs["period"] == spans["2019年"].id
        assert {"subject", "period"} <= set(metric.attrs["proposed"])
        p.reject(spans["云阳县"].id)  # the region goes: so does the link to it
        assert "subject" not in p.span(metric.id).attrs or p.span(metric.id).attrs["subject"] != spans["云阳县"].id
        region = p.add_span(doc, text.index("云阳县"), text.index("云阳县") + 3, "REGION")  # by hand
        assert p.span(metric.id).attrs["subject"] == region.id  # proposed again, to the annotation
        p.confirm_span(metric.id)
        p.undo()
        p.delete_span(region.id)
        p.add_span(doc, text.index("云阳县"), text.index("云阳县") + 3, "ORG")
        assert p.span(metric.id).attrs.get("subject") != region.id


def test_economic_statistics_get_their_own_indicators_and_a_project_indicator_names_itself():
    from annotator.core.metric_frames import propose_indicator
    from annotator.core.schema import choices, default_schema

    schema = default_schema()
    allowed = choices(schema, next(a for a in schema.label("METRIC").attributes if a.key == "indicator"))
    for sentence, value, indicator in (("全省地区生产总值增长3.9%", "3.9%", "地区生产总值"),
                                       ("居民消费价格上涨0.2%", "0.2%", "居民消费价格"),
                                       ("城镇调查失业率5.1%", "5.1%", "城镇调查失业率"),
                                       ("GDP达到431亿元", "431亿元", "地区生产总值")):
        start = sentence.index(value)
        assert propose_indicator(sentence, start, start + len(value), "", allowed) == indicator, sentence
    text = "新建保障性住房2.5万套"  # a team's own indicator, named in the text, wins over a keyword
    start = text.index("2.5万套")
    assert propose_indicator(text, start, start + 6, "套", (*allowed, "保障性住房")) == "保障性住房"
