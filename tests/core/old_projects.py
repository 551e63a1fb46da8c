"""Project files as earlier commits of the store wrote them, rebuilt without their code.

Step 1 of the schema (`m001_initial`) was edited six times after files had been made with it, so a
file whose `_sqlite_migrations` table says "m001_initial applied" can hold any of six table layouts;
opening such a file with d67c208 or later also applied `m002_lexicon` on top of it.  Each `build_*`
function below writes one of these files: the schema as `sqlite_master` holds it in a file the old
commit made (the SQL text is copied from such files, not retyped), the `_sqlite_migrations` rows,
the labels, indicators, settings and annotator the commit wrote when it created the project, and a
short session by annotator "alice" in that commit's data layout (two reports, spans with a linked
METRIC, a relabel, a deletion, status changes, and where the commit had them an undo, a rejected
suggestion and lexicon entries).

How the copies were checked (by hand, not in CI: the old code is not installed): every commit from
8aa9ec7 to c61cb52 was checked out in a worktree and run (`PYTHONPATH=<worktree>`) to create a project
and play this session; its `sqlite_master`, `_sqlite_migrations` and every table were dumped.  The
DDL changed at exactly the commits the builders are named after.  Each builder's file dumps
identically to the file its commit made, timestamps aside; the `_m002` builders match files of those
commits opened once by c61cb52 (d67c208 and 226d671 give the same file).  A d45eddb file opened by
m002 is identical to a d67c208 file, so it has no builder of its own.

The clock is fixed (a millisecond per write from the commit's date) so the files are reproducible.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

# -- the schema objects, each as sqlite_master holds it ------------------------------------------
# A suffix names the commit that introduced that text; objects without one never changed.
# sqlite-utils' Migrations (4.x; 3.x has no sqlite_utils.migrations, so the old code needed 4.x too)
# creates the first two; applied_at is str(datetime.now(timezone.utc)).

MIGRATIONS_TABLE = """CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
)"""

MIGRATIONS_INDEX = """CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name")"""

SETTINGS = """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL            -- JSON
    )"""

LABELS = """CREATE TABLE labels (
        key TEXT PRIMARY KEY,
        name_zh TEXT NOT NULL,
        name_en TEXT NOT NULL,
        layer TEXT NOT NULL CHECK (layer IN ('entity', 'metric')),
        color TEXT NOT NULL,
        shortcut TEXT NOT NULL,
        guideline TEXT NOT NULL DEFAULT '',
        attributes TEXT NOT NULL DEFAULT '[]',   -- JSON list of attribute definitions
        position INTEGER NOT NULL
    )"""

INDICATORS = """CREATE TABLE indicators (
        key TEXT PRIMARY KEY,
        name_en TEXT NOT NULL DEFAULT '',
        position INTEGER NOT NULL
    )"""

ANNOTATORS = """CREATE TABLE annotators (
        name TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
    )"""

DOCUMENTS_8AA9EC7 = """CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',   -- ISO 8601, reduced precision allowed
        file_name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,                   -- immutable after import
        text_sha256 TEXT NOT NULL UNIQUE,
        source_sha256 TEXT NOT NULL DEFAULT '',  -- of the original file's bytes
        status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
        skip_reason TEXT NOT NULL DEFAULT '',
        meta TEXT NOT NULL DEFAULT '{}',      -- JSON object
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )"""

DOCUMENTS_SOURCE_SHA256 = """CREATE INDEX documents_source_sha256 ON documents(source_sha256)"""

DOCUMENTS_TEXT_IMMUTABLE = """CREATE TRIGGER documents_text_immutable BEFORE UPDATE OF text ON documents
    BEGIN SELECT RAISE(ABORT, 'the text of a document never changes after import'); END"""

SPANS_8AA9EC7 = """CREATE TABLE spans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,               -- code points, inclusive
        end INTEGER NOT NULL,                 -- code points, exclusive
        label TEXT NOT NULL REFERENCES labels(key),
        layer TEXT NOT NULL CHECK (layer IN ('entity', 'metric')),
        text TEXT NOT NULL,                   -- documents.text[start:end], checked on write
        attrs TEXT NOT NULL DEFAULT '{}',     -- JSON object
        annotator TEXT REFERENCES annotators(name),
        origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'suggested', 'imported')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start >= 0 AND start < end)
    )"""

SPANS_DOCUMENT = """CREATE INDEX spans_document ON spans(document_id, layer, start)"""

SPANS_LABEL = """CREATE INDEX spans_label ON spans(label)"""

RELATIONS = """CREATE TABLE relations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        target_id INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        annotator TEXT REFERENCES annotators(name),
        created_at TEXT NOT NULL,
        UNIQUE (source_id, target_id, type)
    )"""

RELATIONS_TARGET = """CREATE INDEX relations_target ON relations(target_id)"""

EVENTS_8AA9EC7 = """CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        annotator TEXT,
        action TEXT NOT NULL,
        document_id INTEGER,
        span_id INTEGER,
        relation_id INTEGER,
        before TEXT,                          -- JSON of the object before, NULL when created
        after TEXT                            -- JSON of the object after, NULL when deleted
    )"""

EVENTS_DOCUMENT = """CREATE INDEX events_document ON events(document_id)"""

EVENTS_NO_UPDATE = """CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"""

EVENTS_NO_DELETE = """CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"""

SPAN_DETAILS = """CREATE VIEW span_details AS
    SELECT s.id AS span_id, s.document_id, d.title, s.start, s.end, s.label,
           l.name_zh AS label_zh, l.name_en AS label_en, s.layer, s.text, s.attrs,
           s.annotator, s.origin, s.created_at, s.updated_at
    FROM spans s JOIN documents d ON d.id = s.document_id JOIN labels l ON l.key = s.label"""

DOCUMENT_PROGRESS = """CREATE VIEW document_progress AS
    SELECT d.id AS document_id, d.title, d.source, d.published, d.status, d.skip_reason,
           length(d.text) AS characters,
           (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.origin != 'suggested') AS spans,
           (SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.origin = 'suggested') AS suggestions
    FROM documents d"""

METRICS_8AA9EC7 = """CREATE VIEW metrics AS
    SELECT s.id AS span_id, s.document_id, d.title, d.published,
           json_extract(s.attrs, '$.value') AS value,
           CASE WHEN json_type(s.attrs, '$.value') = 'array' THEN json_extract(s.attrs, '$.value[0]') END AS low,
           CASE WHEN json_type(s.attrs, '$.value') = 'array' THEN json_extract(s.attrs, '$.value[1]') END AS high,
           json_extract(s.attrs, '$.unit') AS unit,
           json_extract(s.attrs, '$.qualifier') AS qualifier,
           json_extract(s.attrs, '$.indicator') AS indicator,
           subj.text AS subject, per.text AS period,
           s.text AS span_text, s.start, s.end, s.annotator, s.origin
    FROM spans s
    JOIN documents d ON d.id = s.document_id
    LEFT JOIN spans subj ON subj.id = json_extract(s.attrs, '$.subject')
    LEFT JOIN spans per ON per.id = json_extract(s.attrs, '$.period')
    WHERE s.layer = 'metric'"""

DOCUMENTS_FB75F05 = """CREATE TABLE documents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        published TEXT NOT NULL DEFAULT '',   -- ISO 8601, reduced precision allowed
        file_name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,                   -- immutable after import
        text_sha256 TEXT NOT NULL UNIQUE,
        source_sha256 TEXT NOT NULL DEFAULT '',  -- of the original file's bytes
        status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done', 'skipped')),
        skip_reason TEXT NOT NULL DEFAULT '',
        meta TEXT NOT NULL DEFAULT '{}'       -- JSON object
            CHECK (json_valid(meta) AND json_type(meta) = 'object'),
        imported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )"""

SPANS_FB75F05 = """CREATE TABLE spans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,               -- code points, inclusive
        end INTEGER NOT NULL,                 -- code points, exclusive
        label TEXT NOT NULL REFERENCES labels(key),
        layer TEXT NOT NULL CHECK (layer IN ('entity', 'metric')),
        text TEXT NOT NULL,                   -- documents.text[start:end], checked on write
        attrs TEXT NOT NULL DEFAULT '{}'      -- JSON object (exports splice it as it is)
            CHECK (json_valid(attrs) AND json_type(attrs) = 'object'),
        annotator TEXT REFERENCES annotators(name),
        origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'suggested', 'imported')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start >= 0 AND start < end)
    )"""

SPANS_ORDER = """CREATE INDEX spans_order ON spans(document_id, start, end)"""

EVENTS_8FF2D9A = """CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        annotator TEXT,
        batch INTEGER NOT NULL,
        kind TEXT NOT NULL DEFAULT 'do' CHECK (kind IN ('do', 'undo', 'redo')),
        target INTEGER,                       -- for undo/redo: the batch undone or redone
        action TEXT NOT NULL,
        document_id INTEGER,
        span_id INTEGER,
        relation_id INTEGER,
        before TEXT,                          -- JSON of the object before, NULL when created
        after TEXT                            -- JSON of the object after, NULL when deleted
    )"""

EVENTS_BATCH = """CREATE INDEX events_batch ON events(batch)"""

METRICS_6E9B2C0 = """CREATE VIEW metrics AS
    SELECT s.id AS span_id, s.document_id, d.title, d.published,
           json_extract(s.attrs, '$.value') AS value,
           CASE WHEN json_type(s.attrs, '$.value') = 'array' THEN json_extract(s.attrs, '$.value[0]') END AS low,
           CASE WHEN json_type(s.attrs, '$.value') = 'array' THEN json_extract(s.attrs, '$.value[1]') END AS high,
           json_extract(s.attrs, '$.unit') AS unit,
           json_extract(s.attrs, '$.qualifier') AS qualifier,
           json_extract(s.attrs, '$.indicator') AS indicator,
           subj.text AS subject, coalesce(per.text, d.published) AS period,
           CASE WHEN per.id IS NULL THEN 'report' ELSE 'span' END AS period_from,
           s.text AS span_text, s.start, s.end, s.annotator, s.origin,
           json_extract(s.attrs, '$.proposed') AS proposed
    FROM spans s
    JOIN documents d ON d.id = s.document_id
    LEFT JOIN spans subj ON subj.id = json_extract(s.attrs, '$.subject')
    LEFT JOIN spans per ON per.id = json_extract(s.attrs, '$.period')
    WHERE s.layer = 'metric'"""

SPANS_D63D7C4 = """CREATE TABLE spans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,               -- code points, inclusive
        end INTEGER NOT NULL,                 -- code points, exclusive
        label TEXT NOT NULL REFERENCES labels(key),
        layer TEXT NOT NULL CHECK (layer IN ('entity', 'metric')),
        text TEXT NOT NULL,                   -- documents.text[start:end], checked on write
        sentence_start INTEGER NOT NULL,      -- the sentence holding the span, for context
        sentence_end INTEGER NOT NULL,
        attrs TEXT NOT NULL DEFAULT '{}'      -- JSON object (exports splice it as it is)
            CHECK (json_valid(attrs) AND json_type(attrs) = 'object'),
        annotator TEXT REFERENCES annotators(name),
        origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'suggested', 'imported')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start >= 0 AND start < end)
    )"""

METRICS_D63D7C4 = """CREATE VIEW metrics AS
    SELECT s.id AS span_id, s.document_id, d.title, d.published,
           json_extract(s.attrs, '$.value') AS value,
           CASE WHEN json_type(s.attrs, '$.value') = 'array' THEN json_extract(s.attrs, '$.value[0]') END AS low,
           CASE WHEN json_type(s.attrs, '$.value') = 'array' THEN json_extract(s.attrs, '$.value[1]') END AS high,
           json_extract(s.attrs, '$.unit') AS unit,
           json_extract(s.attrs, '$.qualifier') AS qualifier,
           json_extract(s.attrs, '$.indicator') AS indicator,
           subj.text AS subject, coalesce(per.text, d.published) AS period,
           CASE WHEN per.id IS NULL THEN 'report' ELSE 'span' END AS period_from,
           s.text AS span_text,
           trim(substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start), ' ' || char(10)) AS sentence,
           s.start, s.end, s.annotator, s.origin,
           json_extract(s.attrs, '$.proposed') AS proposed,
           json_extract(s.attrs, '$.proposed') IS NULL AS confirmed
    FROM spans s
    JOIN documents d ON d.id = s.document_id
    LEFT JOIN spans subj ON subj.id = json_extract(s.attrs, '$.subject')
    LEFT JOIN spans per ON per.id = json_extract(s.attrs, '$.period')
    WHERE s.layer = 'metric'"""

SPANS_D45EDDB = """CREATE TABLE spans (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,               -- code points, inclusive
        end INTEGER NOT NULL,                 -- code points, exclusive
        label TEXT NOT NULL REFERENCES labels(key),
        layer TEXT NOT NULL CHECK (layer IN ('entity', 'metric')),
        text TEXT NOT NULL,                   -- documents.text[start:end], checked on write
        sentence_start INTEGER NOT NULL,      -- the sentence holding the span, for context
        sentence_end INTEGER NOT NULL,
        attrs TEXT NOT NULL DEFAULT '{}'      -- JSON object (exports splice it as it is)
            CHECK (json_valid(attrs) AND json_type(attrs) = 'object'),
        annotator TEXT REFERENCES annotators(name),
        origin TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'suggested', 'imported')),
        source TEXT NOT NULL DEFAULT '',      -- for suggestions: which suggester proposed it
        confidence REAL,                      -- for suggestions: how sure it was (0-1)
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start >= 0 AND start < end)
    )"""

REJECTIONS = """CREATE TABLE rejections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        annotator TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (document_id, start, end, label)
    )"""

LEXICON = """CREATE TABLE lexicon (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        label TEXT NOT NULL REFERENCES labels(key),
        kind TEXT NOT NULL CHECK (kind IN ('name', 'pattern')),
        value TEXT NOT NULL CHECK (length(value) > 0),
        created_at TEXT NOT NULL,
        UNIQUE (label, kind, value)
    )"""


# -- DDL of each version, in sqlite_master order -------------------------------------------------

_COMMON_HEAD = (MIGRATIONS_TABLE, MIGRATIONS_INDEX, SETTINGS, LABELS, INDICATORS, ANNOTATORS)
_VIEWS = (SPAN_DETAILS, DOCUMENT_PROGRESS)
_EVENTS_8AA9EC7 = (EVENTS_8AA9EC7, EVENTS_DOCUMENT, EVENTS_NO_UPDATE, EVENTS_NO_DELETE)
_EVENTS_8FF2D9A = (EVENTS_8FF2D9A, EVENTS_DOCUMENT, EVENTS_BATCH, EVENTS_NO_UPDATE, EVENTS_NO_DELETE)

DDL = {
    "8aa9ec7": (*_COMMON_HEAD, DOCUMENTS_8AA9EC7, DOCUMENTS_SOURCE_SHA256, DOCUMENTS_TEXT_IMMUTABLE,
                SPANS_8AA9EC7, SPANS_DOCUMENT, SPANS_LABEL, RELATIONS, RELATIONS_TARGET,
                *_EVENTS_8AA9EC7, *_VIEWS, METRICS_8AA9EC7),
    "fb75f05": (*_COMMON_HEAD, DOCUMENTS_FB75F05, DOCUMENTS_SOURCE_SHA256, DOCUMENTS_TEXT_IMMUTABLE,
                SPANS_FB75F05, SPANS_DOCUMENT, SPANS_ORDER, SPANS_LABEL, RELATIONS, RELATIONS_TARGET,
                *_EVENTS_8AA9EC7, *_VIEWS, METRICS_8AA9EC7),
    "8ff2d9a": (*_COMMON_HEAD, DOCUMENTS_FB75F05, DOCUMENTS_SOURCE_SHA256, DOCUMENTS_TEXT_IMMUTABLE,
                SPANS_FB75F05, SPANS_DOCUMENT, SPANS_ORDER, SPANS_LABEL, RELATIONS, RELATIONS_TARGET,
                *_EVENTS_8FF2D9A, *_VIEWS, METRICS_8AA9EC7),
    "6e9b2c0": (*_COMMON_HEAD, DOCUMENTS_FB75F05, DOCUMENTS_SOURCE_SHA256, DOCUMENTS_TEXT_IMMUTABLE,
                SPANS_FB75F05, SPANS_DOCUMENT, SPANS_ORDER, SPANS_LABEL, RELATIONS, RELATIONS_TARGET,
                *_EVENTS_8FF2D9A, *_VIEWS, METRICS_6E9B2C0),
    "d63d7c4": (*_COMMON_HEAD, DOCUMENTS_FB75F05, DOCUMENTS_SOURCE_SHA256, DOCUMENTS_TEXT_IMMUTABLE,
                SPANS_D63D7C4, SPANS_DOCUMENT, SPANS_ORDER, SPANS_LABEL, RELATIONS, RELATIONS_TARGET,
                *_EVENTS_8FF2D9A, *_VIEWS, METRICS_D63D7C4),
    "d45eddb": (*_COMMON_HEAD, DOCUMENTS_FB75F05, DOCUMENTS_SOURCE_SHA256, DOCUMENTS_TEXT_IMMUTABLE,
                SPANS_D45EDDB, SPANS_DOCUMENT, SPANS_ORDER, SPANS_LABEL, RELATIONS, RELATIONS_TARGET,
                REJECTIONS, *_EVENTS_8FF2D9A, *_VIEWS, METRICS_D63D7C4),
}
# m002_lexicon on a new file: m001 as d45eddb left it, then the lexicon (the schema of today)
DDL["d67c208"] = (*DDL["d45eddb"], LEXICON)

# -- what Project.open wrote into a new project: the default schema of the time -----------------

SCHEMA_NAME = "扶贫报告 / poverty-alleviation reports"

METRIC_ATTRIBUTES = (
    '[{"key": "value", "type": "quantity", "name_zh": "数值", "name_en": "Value"}, '
    '{"key": "unit", "type": "text", "name_zh": "单位", "name_en": "Unit"}, '
    '{"key": "qualifier", "type": "choice", "name_zh": "限定", "name_en": "Qualifier", '
    '"choices": ["exact", "approx", "more_than", "less_than", "range"]}, '
    '{"key": "indicator", "type": "choice", "name_zh": "指标类别", "name_en": "Indicator", "choices": ["@indicators"]}, '
    '{"key": "subject", "type": "link", "name_zh": "主体", "name_en": "Subject", "targets": ["REGION", "ORG"]}, '
    '{"key": "period", "type": "link", "name_zh": "时期", "name_en": "Period", "targets": ["DATE"]}]')

# labels rows (key, name_zh, name_en, layer, color, shortcut, guideline, attributes, position) as
# written from c018dbd on; before it, three fields differed (LABELS_BEFORE_C018DBD)
LABEL_ROWS = (
    ("REGION", "地区", "Region", "entity", "#0072B2", "1",
     "命名的行政区或地理区域,按原文取最长名称:云阳县、水市乡、秦巴山集中连片特困地区;连写的层级作为一个整体:"
     "绥阳县坪乐镇解放村。机构名称开头的地名属于机构(云阳县委宣传部整体标为机构)。泛称(当地、山区、农村)不标。\n"
     "Named administrative or geographic places, the longest name as written: 云阳县, 水市乡, 秦巴山集中连片特困地区; "
     "a chain such as 绥阳县坪乐镇解放村 is one span. A region heading an organisation's name belongs to the ORG. "
     "Generic places (当地, 山区, 农村) are not labelled.", "[]", 0),
    ("ORG", "机构", "Organisation", "entity", "#9E962C", "2",
     "有名称的机构、单位、媒体:绥阳县委、云阳县委宣传部、华龙网、资阳市人民政府;开头的地名包含在机构内。"
     "泛称(帮扶单位、驻村工作队)不标。\n"
     "Named bodies, offices and media: 绥阳县委, 云阳县委宣传部, 华龙网, 资阳市人民政府, with a leading region kept "
     "inside. Generic nouns (帮扶单位, 驻村工作队) are not labelled.", "[]", 1),
    ("PERSON", "人物", "Person", "entity", "#CC79A7", "3",
     "人名,不含职务和称谓:记者胡婷 只标 胡婷;县委书记李晓梦 只标 李晓梦。署名行中的人名也要标(编辑:陈怡璇)。\n"
     "Personal names without titles: in 记者胡婷 label only 胡婷; in 县委书记李晓梦 only 李晓梦. "
     "Names in bylines count too (编辑:陈怡璇).", "[]", 2),
    ("DATE", "时间", "Date", "entity", "#332288", "4",
     "明确的日期、月份、年份和时段:2020-09-11 10:53、2019年末、6月12日、今年、2016年以来。含糊的时间(近年来、目前)不标。\n"
     "Explicit dates, months, years and periods: 2020-09-11 10:53, 2019年末, 6月12日, 今年, 2016年以来. "
     "Vague ones (近年来, 目前) are not labelled.", "[]", 3),
    ("PROGRAM", "政策/项目", "Programme", "entity", "#882255", "5",
     "有名称的计划、行动、工程、模式、品牌:八七扶贫攻坚计划、春风行动、两不愁三保障。"
     "在引号内时只标引号里面的部分(“春风行动”只标 春风行动)。没有专名的泛称(扶贫工作、产业项目)不标。\n"
     "Named programmes, campaigns, plans, models and brands: 八七扶贫攻坚计划, 春风行动, 两不愁三保障. "
     "Inside quotes, label the name without the quotes. "
     "Generic terms without a name (扶贫工作, 产业项目) are not labelled.", "[]", 4),
    ("METRIC", "指标", "Metric", "metric", "#EE6677", "6",
     "每一个数量,连同紧邻的倍数词、单位和限定词:13.4万、近3.53亿元、2万余户、47.99%、5000-10000万元、三百亩;"
     "其后的名词不算(13.4万贫困群众 只标 13.4万)。年份日期、序数(第三批)、列举(一是)、"
     "名称中的数字(八七扶贫攻坚计划、4A级)、电话备案号、成语(十年九旱)不标。\n"
     "Every quantity with its contiguous multiplier, unit and qualifier words: 13.4万, 近3.53亿元, 2万余户, "
     "47.99%, 5000-10000万元, 三百亩; the noun after it is not included. Not metrics: years and dates, ordinals, "
     "list markers, numbers inside names, phone or registration numbers, idioms.", METRIC_ATTRIBUTES, 5),
)
_BEFORE_C018DBD = {
    ("REGION", 6): "命名的行政区或地理区域,按原文取最长名称:云阳县、水市乡、秦巴山集中连片特困地区;连写的层级作为一个整体:"
                   "绥阳县坪乐镇解放村。机构名称开头的地名属于机构(云阳县委宣传部整体标为机构)。\n"
                   "Named administrative or geographic places, the longest name as written: 云阳县, 水市乡, "
                   "秦巴山集中连片特困地区; a chain such as 绥阳县坪乐镇解放村 is one span. "
                   "A region heading an organisation's name belongs to the ORG.",
    ("ORG", 4): "#999933",
    ("PROGRAM", 6): "有名称的计划、行动、工程、模式、品牌:八七扶贫攻坚计划、春风行动、两不愁三保障。在引号内时只标引号里面的部分。\n"
                    "Named programmes, campaigns, plans, models and brands: 八七扶贫攻坚计划, 春风行动, 两不愁三保障. "
                    "Inside quotes, label the name without the quotes.",
}
LABELS_BEFORE_C018DBD = tuple(
    tuple(_BEFORE_C018DBD.get((row[0], i), value) for i, value in enumerate(row)) for row in LABEL_ROWS)

INDICATOR_ROWS = (
    ("贫困人口", "Poor population"), ("脱贫人口", "People lifted out of poverty"), ("贫困发生率", "Poverty incidence"),
    ("贫困村", "Poor villages"), ("资金投入", "Funds invested"), ("产业规模", "Industry scale"),
    ("就业", "Employment"), ("收入", "Income"), ("帮扶力量", "Assistance personnel"), ("易地搬迁", "Relocation"),
    ("教育", "Education"), ("医疗", "Health care"), ("住房", "Housing"), ("基础设施", "Infrastructure"),
    ("其他", "Other"),
)

# -- the session every builder replays -------------------------------------------------------------

ANNOTATOR = "alice"
TEXT_1 = "云阳县脱贫攻坚\n2019年云阳县脱贫1.6万户。全县GDP达到431亿元。"
TEXT_2 = "记者胡婷报道：华龙网消息，绥阳县委召开扶贫会议。"
DOCUMENTS = {  # id: (title, source, published, file_name, text, meta, status at the end)
    1: ("云阳县脱贫攻坚", "华龙网", "2020-06-13", "yunyang.txt", TEXT_1, {"url": "https://example.org/1"}, "done"),
    2: ("绥阳县委会议", "", "2020-09-11", "suiyang.txt", TEXT_2, {}, "in_progress"),
}
METRIC_1_ATTRS = {"value": 16000, "unit": "户", "qualifier": "exact", "indicator": "脱贫人口", "subject": 1, "period": 2}
METRIC_2_ATTRS = {"value": 4310000000, "unit": "元"}
# from b20e69d on, add_span fills in what the metric frames propose; b20e69d lies inside the 8ff2d9a
# range and each builder replays its range's first commit, so here 6e9b2c0 and later have them
METRIC_2_FRAMED = {**METRIC_2_ATTRS, "qualifier": "exact", "indicator": "资金投入", "subject": 1,
                   "proposed": ["qualifier", "indicator", "subject"]}
# sentence bounds d63d7c4 and later store, and m002 computes for older files
SENTENCES = {1: (8, 24), 2: (8, 24), 3: (8, 24), 4: (24, 37), 5: (0, 24), 6: (0, 24), 7: (0, 24), 8: (0, 24)}

# The spans left at the end (id: document, start, end, label, layer); span 7 was deleted and, where
# suggestions exist, the suggestion 9 was rejected.
SPANS = {
    1: (1, 13, 16, "REGION", "entity"), 2: (1, 8, 13, "DATE", "entity"), 3: (1, 18, 23, "METRIC", "metric"),
    4: (1, 31, 36, "METRIC", "metric"), 5: (2, 2, 4, "PERSON", "entity"), 6: (2, 7, 10, "ORG", "entity"),
    8: (2, 13, 17, "ORG", "entity"),
}


def _text(doc_id: int, start: int, end: int) -> str:
    return DOCUMENTS[doc_id][4][start:end]


class _Clock:
    """The old code's clock (UTC, ISO 8601, milliseconds), one millisecond per call."""

    def __init__(self, start: str):
        self.t = datetime.fromisoformat(start).replace(tzinfo=timezone.utc)

    def __call__(self) -> str:
        self.t += timedelta(milliseconds=1)
        return self.t.isoformat(timespec="milliseconds")

    def applied_at(self) -> str:  # sqlite-utils' format: str(datetime.now(timezone.utc))
        self.t += timedelta(milliseconds=1)
        return str(self.t)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _build(path: str | Path, version: str, *, start: str, labels: tuple = LABEL_ROWS, batches: bool = True,
           import_spans: int | None = 0, framed: bool = True, sentences: bool = True,
           suggestion: tuple[str, float] | None = None, lexicon: bool = False) -> dict:
    """Write the file `version` made.  The keywords say what the commit's code did differently:
    batches (events.batch/kind/target, undo, document_id in status records: 8ff2d9a), import_spans
    (import events said "spans": null before f1e14b4), framed (metric proposals: b20e69d),
    sentences (spans.sentence_start/end: d63d7c4), suggestion (source/confidence columns and the
    rejections table, d45eddb: (source, confidence) of the suggestion rejected), lexicon (c4819ae)."""
    path = Path(path)
    clock = _Clock(start)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")  # Project.open always enabled WAL
    db.execute("BEGIN")
    for statement in DDL[version]:
        db.execute(statement)
    migrations = ["m001_initial"] + (["m002_lexicon"] if LEXICON in DDL[version] else [])
    for number, name in enumerate(migrations, 1):
        db.execute("INSERT INTO _sqlite_migrations(id, migration_set, name, applied_at) VALUES (?, ?, ?, ?)",
                   [number, "annotator", name, clock.applied_at()])
    for row in labels:
        db.execute("INSERT INTO labels(key, name_zh, name_en, layer, color, shortcut, guideline, attributes,"
                   " position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
    for position, (key, name_en) in enumerate(INDICATOR_ROWS):
        db.execute("INSERT INTO indicators(key, name_en, position) VALUES (?, ?, ?)", [key, name_en, position])
    db.execute("INSERT INTO settings(key, value) VALUES (?, ?)", ["schema_name", _dumps(SCHEMA_NAME)])
    db.execute("INSERT INTO settings(key, value) VALUES (?, ?)", ["created_at", _dumps(clock())])
    db.execute("INSERT INTO annotators(name, created_at) VALUES (?, ?)", [ANNOTATOR, clock()])

    # documents, as imported (status is set further down, by events)
    imported = {}
    for doc_id, (title, source, published, file_name, text, meta, _) in DOCUMENTS.items():
        imported[doc_id] = clock()
        db.execute("INSERT INTO documents(id, title, source, published, file_name, text, text_sha256, source_sha256,"
                   " status, skip_reason, meta, imported_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   [doc_id, title, source, published, file_name, text, hashlib.sha256(text.encode()).hexdigest(),
                    "", "todo", "", _dumps(meta), imported[doc_id], imported[doc_id]])

    events: list[tuple] = []  # (batch, kind, target, action, document_id, span_id, before, after)
    spans: dict[int, dict] = {}

    def log(action, document_id=None, span_id=None, before=None, after=None, *, kind="do", target=None,
            batch=None):
        batch = batch or (events[-1][0] + 1 if events else 1)
        events.append((batch, kind, target, action, document_id, span_id, clock(), before, after))

    def record(span: dict) -> dict:
        keys = ["id", "document_id", "start", "end", "label", "text", "attrs", "origin", "annotator"]
        return {k: span[k] for k in keys + (["source", "confidence"] if suggestion else [])}

    def add(span_id, doc_id, start, end, label, layer, attrs=None, origin="manual", source="", confidence=None):
        stamp = clock()
        span = {"id": span_id, "document_id": doc_id, "start": start, "end": end, "label": label, "layer": layer,
                "text": _text(doc_id, start, end), "attrs": attrs or {}, "origin": origin, "annotator": ANNOTATOR,
                "source": source, "confidence": confidence, "created_at": stamp, "updated_at": stamp}
        spans[span_id] = span
        return span

    def status(doc_id, before, after, *, kind="do", target=None):
        b, a = dict(zip(("status", "reason"), before)), dict(zip(("status", "reason"), after))
        if batches:
            b, a = {"document_id": doc_id, **b}, {"document_id": doc_id, **a}
        log("set_status", doc_id, before=b, after=a, kind=kind, target=target)

    for doc_id, (title, _, _, file_name, *_rest) in DOCUMENTS.items():
        log("import_document", doc_id, after={"title": title, "file": file_name, "spans": import_spans})
    for span_id, (doc_id, start, end, label, layer) in SPANS.items():
        if span_id == 6:
            label = "PERSON"  # relabelled below
        attrs = {3: METRIC_1_ATTRS, 4: METRIC_2_FRAMED if framed else METRIC_2_ATTRS}.get(span_id)
        if span_id == 8:  # a wrong REGION first, deleted
            wrong = add(7, 2, 13, 16, "REGION", "entity")
            log("add_span", 2, 7, after=record(wrong))
            del spans[7]
            log("delete_span", 2, 7, before={**record(wrong), "relations": []})
        span = add(span_id, doc_id, start, end, label, layer, attrs)
        log("add_span", doc_id, span_id, after=record(span))
        if span_id == 6:
            before = record(span)
            span["label"], span["updated_at"] = "ORG", clock()
            log("update_span", doc_id, span_id, before=before, after=record(span))
    status(1, ("todo", ""), ("done", ""))
    status(2, ("todo", ""), ("in_progress", ""))
    if batches:  # skip with a reason, then undo it
        status(2, ("in_progress", ""), ("skipped", "重复"))
        status(2, ("skipped", "重复"), ("in_progress", ""), kind="undo", target=events[-1][0])
    if suggestion:  # the project dictionary (later the gazetteer) suggested 云阳县 in the title; rejected
        log("add_suggestions", 1, after={"count": 1})
        source, confidence = suggestion
        rejected = add(9, 1, 0, 3, "REGION", "entity", origin="suggested", source=source, confidence=confidence)
        del spans[9]
        log("delete_span", 1, 9, before={**record(rejected), "relations": []})
        stamp = clock()
        log("add_rejection", 1, after={"document_id": 1, "start": 0, "end": 3, "label": "REGION", "text": "云阳县",
                                       "id": 1}, batch=events[-1][0])
    if lexicon:
        log("add_lexicon", after={"label": "ORG", "kind": "name", "count": 2})

    # tables in the order the old code first wrote to them (sqlite_sequence keeps that order)
    for number, (batch, kind, target, action, doc_id, span_id, at, before, after) in enumerate(events, 1):
        columns, values = ["id", "at", "annotator"], [number, at, ANNOTATOR]
        if batches:
            columns += ["batch", "kind", "target"]
            values += [batch, kind, target]
        columns += ["action", "document_id", "span_id", "relation_id", "before", "after"]
        values += [action, doc_id, span_id, None, None if before is None else _dumps(before),
                   None if after is None else _dumps(after)]
        db.execute(f"INSERT INTO events({', '.join(columns)}) VALUES ({', '.join('?' * len(values))})", values)
        if action == "set_status":
            db.execute("UPDATE documents SET status = ?, skip_reason = ?, updated_at = ? WHERE id = ?",
                       [after["status"], after["reason"], at, doc_id])
    for span in spans.values():
        columns = ["id", "document_id", "start", "end", "label", "layer", "text"]
        if sentences:
            columns += ["sentence_start", "sentence_end"]
            span["sentence_start"], span["sentence_end"] = SENTENCES[span["id"]]
        columns += ["attrs", "annotator", "origin"] + (["source", "confidence"] if suggestion else [])
        columns += ["created_at", "updated_at"]
        values = [_dumps(span[c]) if c == "attrs" else span[c] for c in columns]
        db.execute(f"INSERT INTO spans({', '.join(columns)}) VALUES ({', '.join('?' * len(values))})", values)
    if suggestion:
        db.execute("UPDATE sqlite_sequence SET seq = 9 WHERE name = 'spans'")  # the rejected suggestion's id
        db.execute("INSERT INTO rejections(id, document_id, start, end, label, text, annotator, created_at)"
                   " VALUES (1, 1, 0, 3, 'REGION', '云阳县', ?, ?)", [ANNOTATOR, stamp])
    if lexicon:
        for number, value in enumerate(["华龙网", "绥阳县委"], 1):
            db.execute("INSERT INTO lexicon(id, label, kind, value, created_at) VALUES (?, 'ORG', 'name', ?, ?)",
                       [number, value, events[-1][6]])
    db.execute("COMMIT")
    db.close()
    return expected(framed=framed)


def expected(*, framed: bool = True) -> dict:
    """What a builder leaves: the documents (id: text, status) and the spans (id: fields)."""
    return {
        "documents": {doc_id: (d[4], d[6]) for doc_id, d in DOCUMENTS.items()},
        "spans": {span_id: {"document_id": doc_id, "start": start, "end": end, "label": label, "layer": layer,
                            "text": _text(doc_id, start, end),
                            "attrs": {3: METRIC_1_ATTRS, 4: METRIC_2_FRAMED if framed else METRIC_2_ATTRS}.get(
                                span_id, {})}
                  for span_id, (doc_id, start, end, label, layer) in SPANS.items()},
    }


def _m002(path: str | Path, *, sentences: bool) -> None:
    """What m002_lexicon (d67c208 .. today) did to a file made before d45eddb when it was opened."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    columns = [] if sentences else [("sentence_start", "INTEGER NOT NULL DEFAULT 0"),
                                    ("sentence_end", "INTEGER NOT NULL DEFAULT 0")]
    for column, definition in columns + [("source", "TEXT NOT NULL DEFAULT ''"), ("confidence", "REAL")]:
        db.execute(f"ALTER TABLE spans ADD COLUMN {column} {definition}")
    if not sentences:
        for span_id, bounds in SENTENCES.items():
            db.execute("UPDATE spans SET sentence_start = ?, sentence_end = ? WHERE id = ?", [*bounds, span_id])
        db.execute("DROP VIEW IF EXISTS metrics")
        db.execute(METRICS_D63D7C4)
    db.execute(REJECTIONS)
    db.execute(LEXICON)
    applied = db.execute("SELECT applied_at FROM _sqlite_migrations WHERE name = 'm001_initial'").fetchone()[0]
    later = str(datetime.fromisoformat(applied) + timedelta(days=9))
    db.execute("INSERT INTO _sqlite_migrations(id, migration_set, name, applied_at) VALUES (2, 'annotator',"
               " 'm002_lexicon', ?)", [later])
    db.execute("COMMIT")
    db.close()


# -- one builder per version -------------------------------------------------------------------------

def build_8aa9ec7(path: str | Path) -> dict:
    """8aa9ec7 .. 5edc44b (2026-11-24 09:49; the first CLI, 1d366ed, is in this range): the first m001.
    No CHECKs on documents.meta/spans.attrs, no spans_order index, events without batch/kind/target."""
    return _build(path, "8aa9ec7", start="2026-11-24T09:50:00", labels=LABELS_BEFORE_C018DBD, batches=False,
                  import_spans=None, framed=False, sentences=False)


def build_fb75f05(path: str | Path) -> dict:
    """fb75f05 .. f1e14b4 (2026-11-24 09:55): JSON-object CHECKs on meta and attrs, spans_order index;
    events still without batch/kind/target.  (f1e14b4 logs "spans": 0 instead of null on import.)"""
    return _build(path, "fb75f05", start="2026-11-24T09:56:00", labels=LABELS_BEFORE_C018DBD, batches=False,
                  import_spans=None, framed=False, sentences=False)


def build_8ff2d9a(path: str | Path) -> dict:
    """8ff2d9a .. 937b1c5 (2026-11-24 09:59): events get batch, kind, target and events_batch (undo/redo).
    (From b20e69d on, METRIC spans also get the frames' proposals.)"""
    return _build(path, "8ff2d9a", start="2026-11-24T10:00:00", labels=LABELS_BEFORE_C018DBD,
                  framed=False, sentences=False)


def build_6e9b2c0(path: str | Path) -> dict:
    """6e9b2c0 .. f0f7c4c (2026-11-24 10:28): the metrics view gains period_from and proposed."""
    return _build(path, "6e9b2c0", start="2026-11-24T10:29:00", labels=LABELS_BEFORE_C018DBD, sentences=False)


def build_d63d7c4(path: str | Path) -> dict:
    """d63d7c4 .. c018dbd (2026-11-24 10:31): spans.sentence_start/end (NOT NULL, no default), the metrics
    view gives the sentence and confirmed.  (c018dbd writes the later label guidelines and ORG colour.)"""
    return _build(path, "d63d7c4", start="2026-11-24T10:32:00", labels=LABELS_BEFORE_C018DBD)


def build_d45eddb(path: str | Path) -> dict:
    """d45eddb .. c935463 (2026-11-24 10:36 .. 2026-12-03 16:25): spans.source/confidence, rejections;
    the last m001.  The suggestion rejected came from the project dictionary (later: the gazetteer)."""
    return _build(path, "d45eddb", start="2026-11-24T10:37:00", suggestion=("dictionary", 0.9))


def build_d67c208(path: str | Path) -> dict:
    """d67c208 .. today (2026-12-03 16:26): m001 then m002_lexicon.  The session is today's: the
    gazetteer's suggestion rejected, two lexicon names (c4819ae)."""
    return _build(path, "d67c208", start="2026-12-03T16:27:00", suggestion=("regions", 0.95), lexicon=True)


def _opened_by_m002(builder: Callable[[str | Path], dict], *, sentences: bool) -> Callable[[str | Path], dict]:
    def build(path: str | Path) -> dict:
        result = builder(path)
        _m002(path, sentences=sentences)
        return result
    build.__name__ = f"{builder.__name__}_m002"
    build.__doc__ = (f"A {builder.__name__[6:]} file after one opening by d67c208 or later: m002_lexicon added the"
                     " columns and tables it lacked (as the last columns of spans), nothing else.")
    return build


build_8aa9ec7_m002 = _opened_by_m002(build_8aa9ec7, sentences=False)
build_fb75f05_m002 = _opened_by_m002(build_fb75f05, sentences=False)
build_8ff2d9a_m002 = _opened_by_m002(build_8ff2d9a, sentences=False)
build_6e9b2c0_m002 = _opened_by_m002(build_6e9b2c0, sentences=False)
build_d63d7c4_m002 = _opened_by_m002(build_d63d7c4, sentences=True)

VERSIONS: list[tuple[str, Callable[[str | Path], dict]]] = [
    ("8aa9ec7", build_8aa9ec7),
    ("8aa9ec7+m002", build_8aa9ec7_m002),
    ("fb75f05", build_fb75f05),
    ("fb75f05+m002", build_fb75f05_m002),
    ("8ff2d9a", build_8ff2d9a),
    ("8ff2d9a+m002", build_8ff2d9a_m002),
    ("6e9b2c0", build_6e9b2c0),
    ("6e9b2c0+m002", build_6e9b2c0_m002),
    ("d63d7c4", build_d63d7c4),
    ("d63d7c4+m002", build_d63d7c4_m002),
    ("d45eddb", build_d45eddb),
    ("d67c208", build_d67c208),
]
