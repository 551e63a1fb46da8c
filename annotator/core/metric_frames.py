"""Metric frames: what a METRIC span measures, for whom and when, proposed from its context.

value, unit and qualifier come from the span's text (quantity.py); the indicator
from keywords around it; the subject is the nearest REGION or ORG before it in
its sentence, else the report's main region; the period the nearest DATE before
it in its sentence (else the report's own date, left as no link).  Proposals are
listed in the reserved attribute `proposed` until someone sets them.  Pure: text, schema and the
report's anchors in, attributes out.
"""
from __future__ import annotations

import re
from collections import Counter

from annotator.core.model import Label, Schema
from annotator.core.quantity import quantity_at
from annotator.core.schema import PROPOSED, check_attrs, choices
from annotator.core.sentences import clause_bounds

# keyword → indicator; the keyword nearest the value in its sentence wins
KEYWORDS = {
    "贫困发生率": "贫困发生率", "发生率": "贫困发生率",
    "脱贫": "脱贫人口", "摘帽": "脱贫人口", "越线": "脱贫人口",
    "贫困人口": "贫困人口", "贫困群众": "贫困人口", "贫困户": "贫困人口", "建档立卡": "贫困人口", "边缘户": "贫困人口",
    "贫困村": "贫困村", "贫困县": "贫困村",
    "资金": "资金投入", "投入": "资金投入", "投资": "资金投入", "信贷": "资金投入", "补贴": "资金投入",
    "产业": "产业规模", "基地": "产业规模", "种植": "产业规模", "养殖": "产业规模", "园区": "产业规模",
    "就业": "就业", "务工": "就业", "岗位": "就业", "劳动力": "就业", "输出": "就业",
    "收入": "收入", "增收": "收入", "人均": "收入",
    "干部": "帮扶力量", "帮扶": "帮扶力量", "工作队": "帮扶力量", "医生": "帮扶力量", "教师": "帮扶力量",
    "搬迁": "易地搬迁", "安置": "易地搬迁",
    "学生": "教育", "教育": "教育", "学校": "教育", "辍学": "教育",
    "医疗": "医疗", "医保": "医疗", "村医": "医疗", "卫生": "医疗",
    "住房": "住房", "危房": "住房",
    "公路": "基础设施", "道路": "基础设施", "电网": "基础设施", "宽带": "基础设施", "饮水": "基础设施",
    "通电": "基础设施",
    # economic and social statistics (work reports, statistical bulletins)
    "地区生产总值": "地区生产总值", "生产总值": "地区生产总值", "GDP": "地区生产总值", "经济总量": "地区生产总值",
    "增速": "经济增速", "经济增长": "经济增速",
    "一般公共预算收入": "一般公共预算收入", "财政收入": "一般公共预算收入", "税收": "一般公共预算收入",
    "财政支出": "财政支出", "民生支出": "财政支出",
    "固定资产投资": "固定资产投资", "社会消费品零售总额": "社会消费品零售总额", "社零": "社会消费品零售总额",
    "进出口": "进出口总额", "外贸": "进出口总额", "出口": "进出口总额", "进口": "进出口总额",
    "工业增加值": "工业增加值", "规上工业": "工业增加值",
    "研发": "研发投入", "R&D": "研发投入",
    "居民消费价格": "居民消费价格", "CPI": "居民消费价格", "物价": "居民消费价格",
    "调查失业率": "城镇调查失业率", "失业率": "城镇调查失业率",
    "可支配收入": "居民人均可支配收入",
    "常住人口": "常住人口", "城镇化率": "城镇化率", "粮食": "粮食产量",
    "能耗": "能源消耗", "碳排放": "能源消耗", "空气质量": "生态环境", "森林覆盖率": "生态环境",
}
_KEYWORD = re.compile("|".join(sorted(map(re.escape, KEYWORDS), key=len, reverse=True)))


def propose_indicator(text: str, start: int, end: int, unit: str, allowed: tuple[str, ...],
                      bounds: tuple[int, int] | None = None) -> str | None:
    s, e = bounds or clause_bounds(text, start, end)
    best: tuple[int, int, str] | None = None
    found = [(m.start(), m.end(), KEYWORDS[m.group()]) for m in _KEYWORD.finditer(text, s, e)]
    for name in allowed:  # a project's own indicator, written out in the text, names itself
        at = text.find(name, s, e)
        while len(name) > 1 and at != -1:
            found.append((at, at + len(name), name))
            at = text.find(name, at + 1, e)
    for m_start, m_end, indicator in found:
        if indicator not in allowed:
            continue
        # before the value counts a little nearer than after it: "贫困人口90225户"
        distance = start - m_end if m_end <= start else (m_start - end) * 2 + 1
        # nearest first; at the same distance the longer name (保障性住房 over 住房)
        if distance >= 0 and (best is None or (distance, m_start - m_end) < best[:2]):
            best = (distance, m_start - m_end, indicator)
    if best:
        return best[2]
    if unit == "元" and "资金投入" in allowed:
        return "资金投入"
    return "其他" if "其他" in allowed else None


def _nearest_before(spans: list, labels: tuple[str, ...], floor: int, start: int):
    """The span of these labels ending nearest before `start`, starting at or after `floor`."""
    best = None
    for span_id, label, s, e, _ in spans:
        if label in labels and s >= floor and e <= start and (best is None or e >= best[1]):
            best = (span_id, e)
    return best[0] if best else None


def lead_end(text: str) -> int:
    """Where the title and lead (the first three paragraphs, at least 200 characters) end."""
    return max(len("\n\n".join(text.split("\n\n", 3)[:3])), 200)


def anchor_range(text: str, start: int, end: int) -> tuple[int, int, int]:
    """What `fill` reads of a report's anchors for the span [start, end): those starting in its clause,
    and those starting in the lead.  Returns (clause start, clause end, lead end)."""
    return (*clause_bounds(text, start, end), lead_end(text))


def _main_region(spans: list, text: str):
    """The most frequent REGION in the title and lead (first three paragraphs): its first mention."""
    if not spans:
        return None
    lead = lead_end(text)
    rows = [(span_id, t) for span_id, label, s, _, t in spans if label == "REGION" and s < lead]
    if not rows:
        return None
    top = Counter(t for _, t in rows).most_common(1)[0][0]
    return next(i for i, t in rows if t == top)


def fill(text: str, schema: Schema, label: Label, start: int, end: int, attrs: dict, anchors: list,
         *, refresh: bool = False, parsed: dict | None = None) -> dict:
    """Attributes with proposals filled in for keys that are empty (or still proposed, if `refresh`).

    `anchors` are the report's annotations a metric may link to, (id, label, start, end, text) in
    text order (the store reads them); `parsed` is the span's quantity as `Quantity.as_attrs()`, when
    the caller has already found it."""
    keys = {a.key: a for a in label.attributes}
    if not keys:
        return attrs
    proposed = list(attrs.get(PROPOSED, []))
    out = dict(attrs)

    def open_(key: str) -> bool:
        return key in keys and (out.get(key) in (None, "") or (refresh and key in proposed))

    def put(key: str, value) -> None:
        out[key] = value
        if key not in proposed:
            proposed.append(key)

    if parsed is None:
        quantity = quantity_at(text, start, end)
        parsed = quantity.as_attrs() if quantity is not None else None
    if parsed is not None:
        for key, attribute in keys.items():
            if attribute.type == "quantity" and open_(key):
                put(key, parsed["value"])
        for key in ("unit", "qualifier"):
            if open_(key):
                put(key, parsed[key])
    bounds = clause_bounds(text, start, end)
    s_start = bounds[0]
    for key, attribute in keys.items():
        if not open_(key):
            continue
        if attribute.type == "choice" and "@indicators" in attribute.choices:
            unit = out.get("unit") or ""
            indicator = propose_indicator(text, start, end, unit, choices(schema, attribute), bounds)
            if indicator:
                put(key, indicator)
        elif attribute.type == "link" and attribute.targets:
            near = _nearest_before(anchors, attribute.targets, s_start, start)
            if near is None and "REGION" in attribute.targets:
                near = _main_region(anchors, text)
            if near is not None:
                put(key, near)
    if proposed:
        out[PROPOSED] = proposed
    for problem in check_attrs(schema, label.key, out):  # a proposal never blocks the span
        key = problem.split(":", 1)[0]
        if key in proposed:
            out.pop(key, None)
            proposed.remove(key)
    if not proposed:
        out.pop(PROPOSED, None)
    return out


def confirm(old: dict, new: dict) -> dict:
    """Attributes set by hand: `new` keeps its `proposed` list (drop it to accept every
    proposal), less the keys whose values the edit changed."""
    proposed = [k for k in new.get(PROPOSED, []) if new.get(k) == old.get(k)]
    out = {k: v for k, v in new.items() if k != PROPOSED}
    if proposed:
        out[PROPOSED] = proposed
    return out
