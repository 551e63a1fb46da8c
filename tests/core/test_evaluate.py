"""The evaluation arithmetic on a gold file whose answers are known."""
import json

import pytest

from annotator.core.evaluate import evaluate, parse_map
from annotator.core.model import AnnotatorError

TEXT = "2019年末,云阳县投入资金1153万元,惠及3万户。"


def gold_file(tmp_path, spans):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": TEXT, "spans": spans}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def at(needle, label, trim=0):
    start = TEXT.index(needle)
    return {"start": start, "end": start + len(needle) - trim, "label": label}


def test_scores_and_actions(tmp_path):
    gold = [at("2019年末", "TIME"), at("1153万元", "METRIC", trim=1), at("3万户", "METRIC"), at("云阳县", "LOC")]
    result = evaluate(gold_file(tmp_path, gold), parse_map("TIME=DATE,LOC=REGION")).as_dict()
    assert result["labels"]["DATE"]["exact"]["f1"] == 1.0
    metric = result["labels"]["METRIC"]
    assert (metric["gold"], metric["suggested"]) == (2, 2)
    assert metric["exact"]["recall"] == 0.5 and metric["overlap"]["recall"] == 1.0  # 1153万 vs 1153万元
    assert result["labels"]["REGION"]["exact"]["recall"] == 1.0
    # accept 2019年末 (1) + accept 3万户 (1) + fix 1153万元 (2) + accept 云阳县 (1) = 5 for 4 gold spans
    assert result["actions_per_gold_span"] == 5 / 4


def test_a_missed_span_costs_three(tmp_path):
    result = evaluate(gold_file(tmp_path, [at("投入", "PERSON")])).as_dict()
    assert result["labels"]["PERSON"]["exact"]["recall"] == 0.0 and result["actions_per_gold_span"] == 3.0


def test_a_bad_map_or_gold_line_is_named(tmp_path):
    with pytest.raises(AnnotatorError, match="not GOLD=LABEL"):
        parse_map("PER")
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": 1}\n', encoding="utf-8")
    with pytest.raises(AnnotatorError, match="bad.jsonl:1: 'text' must be a string"):
        evaluate(path)


def test_a_text_the_gold_repeats_is_scored_once_per_line(tmp_path):
    """Short posts repeat (Weibo's files do): each gold line counts, against the same suggestions."""
    path = tmp_path / "gold.jsonl"
    line = json.dumps({"text": TEXT, "spans": [at("云阳县", "REGION")]}, ensure_ascii=False)
    path.write_text(f"{line}\n{line}\n", encoding="utf-8")
    result = evaluate(path).as_dict()
    assert result["documents"] == 2
    region = result["labels"]["REGION"]
    assert (region["gold"], region["suggested"], region["exact"]["f1"]) == (2, 2, 1.0)
