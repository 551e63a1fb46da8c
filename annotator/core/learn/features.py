"""One list of attributes per character, for the CRF.

What the rule sources found is an attribute like any other ("r:REGION:B"), so the model learns
where each rule is right in this project's reports instead of the rules being tuned by hand.
jieba's words give word edges and dictionary tags (ns place, nr person, nt organisation).
Everything is computed once per text and sliced per sentence.
"""
from __future__ import annotations

from annotator.core import segment
from annotator.core.suggest import Suggestion

_PAD = "␂"


def _kind(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf":
        return "h"
    if ch.isdigit():
        return "d"
    if ch.isalpha():
        return "a"
    if ch.isspace():
        return "s"
    return "p"


from functools import lru_cache

_PROPER = {"nr": "nr", "nrt": "nr", "nrfg": "nr", "ns": "ns", "nt": "nt", "nz": "nz"}


@lru_cache(maxsize=1)
def _char_roles() -> dict[str, tuple[str, ...]]:
    """For each character, the kinds of proper name (person, place, organisation, other) it often
    starts or ends in jieba's dictionary: a class that generalises past the names seen in training
    (省 ends places, 委 ends organisations, 王 starts persons)."""
    tags = segment.tags()
    counts: dict[tuple[str, str], int] = {}
    totals: dict[tuple[str, str], int] = {}
    for word, tag in tags.items():
        if len(word) < 2:
            continue
        kind = _PROPER.get(tag, "x")
        for edge, ch in (("b", word[0]), ("e", word[-1])):
            totals[edge, ch] = totals.get((edge, ch), 0) + 1
            if kind != "x":
                counts[edge, ch, kind] = counts.get((edge, ch, kind), 0) + 1
    roles: dict[str, list[str]] = {}
    for (edge, ch, kind), n in counts.items():
        share = n / totals[edge, ch]
        if n >= 5 and share >= 0.3:
            roles.setdefault(ch, []).append(f"{edge}{kind}{'+' if share >= 0.6 else ''}")
    return {ch: tuple(sorted(r)) for ch, r in roles.items()}


def text_features(text: str, found: list[Suggestion]) -> list[list[str]]:
    """Attributes of every character of `text`; `found` are the rule sources' raw suggestions."""
    n = len(text)
    padded = _PAD * 2 + text + _PAD * 2
    kinds = [_kind(ch) for ch in padded]
    feats: list[list[str]] = []
    append = feats.append
    for i in range(n):
        j = i + 2
        c, p, q, pp, nn = padded[j], padded[j - 1], padded[j + 1], padded[j - 2], padded[j + 2]
        append(["c:" + c, "p:" + p, "n:" + q, "pp:" + pp, "nn:" + nn, "pc:" + p + c, "cn:" + c + q,
                "pn:" + p + q, "k:" + kinds[j - 1] + kinds[j] + kinds[j + 1]])
    roles = _char_roles()
    for i, ch in enumerate(text):
        for role in roles.get(ch, ()):
            feats[i].append("cr:" + role)
    tags = segment.tags()
    words = segment.text_words(text)
    for w, (word, start, end) in enumerate(words):  # the words either side: titles, verbs of saying, 省长
        if w:
            feats[start].append("pw:" + words[w - 1][0])
        if w + 1 < len(words):
            feats[end - 1].append("nw:" + words[w + 1][0])
    for word, start, end in words:
        size = end - start
        tag = tags.get(word, "?")
        if size == 1:
            feats[start] += ["w:S", "wt:S" + tag]
            continue
        length = str(min(size, 5))
        feats[start] += ["w:B" + length, "wt:B" + tag, "wd:B" + word]
        for k in range(start + 1, end - 1):
            feats[k] += ["w:M" + length, "wt:M" + tag]
        feats[end - 1] += ["w:E" + length, "wt:E" + tag, "wd:E" + word]
    for s in found:
        if not 0 <= s.start < s.end <= n:
            continue
        key = "r:" + s.label
        if s.end - s.start == 1:
            feats[s.start].append(key + ":S")
            continue
        feats[s.start].append(key + ":B")
        for k in range(s.start + 1, s.end - 1):
            feats[k].append(key + ":I")
        feats[s.end - 1].append(key + ":E")
    return feats


def bio(length: int, offset: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIOES tags of a sentence starting at `offset` in its text (E and S tell the model where a
    span ends, which BIO leaves to the next character)."""
    tags = ["O"] * length
    for start, end, label in spans:
        a, b = start - offset, end - offset
        if 0 <= a < b <= length:
            if b - a == 1:
                tags[a] = "S-" + label
                continue
            tags[a] = "B-" + label
            for k in range(a + 1, b - 1):
                tags[k] = "I-" + label
            tags[b - 1] = "E-" + label
    return tags


def spans_of(tags: list[str], offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, label) of BIOES tags; an I or E without its B starts a span, a B or I not
    followed by its I or E ends one."""
    found, open_ = [], None
    for i, tag in enumerate([*tags, "O"]):
        kind, label = tag[:1], tag[2:]
        if open_ and (kind not in "IE" or label != open_[1]):
            found.append((open_[0] + offset, i + offset, open_[1]))
            open_ = None
        if kind == "S":
            found.append((i + offset, i + 1 + offset, label))
        elif kind == "B" or (kind in "IE" and open_ is None):
            open_ = (i, label)
        if kind == "E" and open_:
            found.append((open_[0] + offset, i + 1 + offset, open_[1]))
            open_ = None
    return found
