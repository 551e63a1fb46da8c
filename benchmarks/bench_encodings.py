"""How well the encoding check (ingest/charsets.py) and charset-normalizer name the encoding of real
files that are not UTF-8: each file whole and its first non-ASCII line alone (a short report).

    python benchmarks/bench_encodings.py FOLDER
FOLDER holds one folder per encoding, named after it (Big5, EUC-JP, SHIFT_JIS, CP932, EUC-KR, CP949,
GB2312, anything ending in GB18030); files are read as they are.  Prints, per folder and detector,
how many files were named in the right language, refused or mistaken.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from annotator.core.ingest.charsets import guess

LANGUAGE = {"BIG5": "Chinese", "EUC-JP": "Japanese", "SHIFT_JIS": "Japanese", "CP932": "Japanese",
            "EUC-KR": "Korean", "CP949": "Korean", "GB2312": "Chinese", "GB18030": "Chinese"}
CN_ENCODING = {"BIG5": ("big5", "cp950"), "GB2312": ("gb18030",), "GB18030": ("gb18030",)}


def expected(folder: str) -> tuple[str, tuple[str, ...]]:
    key = folder.upper()
    key = next((k for k in LANGUAGE if key.endswith(k)), key)
    return LANGUAGE.get(key, ""), CN_ENCODING.get(key, ())


def normalizer(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        return "", ""
    enc = best.encoding
    lang = ("Japanese" if enc in ("shift_jis", "cp932", "euc_jp", "iso2022_jp") else
            "Korean" if enc in ("euc_kr", "cp949", "johab", "iso2022_kr") else
            "Chinese" if enc in ("gb2312", "gbk", "gb18030", "big5", "cp950", "big5hkscs", "hz") else "other")
    return {"gbk": "gb18030", "gb2312": "gb18030"}.get(enc, enc), lang


def short(data: bytes) -> bytes:
    """The first line with at least 20 non-ASCII bytes, at most 300 bytes (cut at a line end)."""
    for line in data.split(b"\n"):
        if sum(b >= 0x80 for b in line) >= 20:
            return line[:300] if len(line) <= 300 else line
    return data[:300]


def verdict(found: tuple[str, str], language: str, encodings: tuple[str, ...]) -> str:
    enc, lang = found
    if lang != language:
        return "refused" if not lang and language != "Chinese" else "mistaken" if lang else "refused"
    if encodings and enc not in encodings:
        return "mistaken"
    return "right"


def main(root: Path) -> None:
    print(f"{'folder':18} {'files':>5}  {'ours whole':>24}  {'ours short':>24}  {'normalizer whole':>24}  "
          f"{'normalizer short':>24}")
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        language, encodings = expected(folder.name)
        counts = {k: Counter() for k in ("ow", "os", "nw", "ns")}
        misses = []
        files = sorted(p for p in folder.iterdir() if p.is_file())
        for path in files:
            data = path.read_bytes()
            for key, detector, sample in (("ow", guess, data), ("os", guess, short(data)),
                                          ("nw", normalizer, data), ("ns", normalizer, short(data))):
                found = detector(sample)
                v = verdict(found, language, encodings)
                counts[key][v] += 1
                if v != "right" and key.startswith("o"):
                    misses.append(f"    {key} {path.name}: {found}")
        cell = {k: f"{c['right']} right {c['refused']} ref {c['mistaken']} wrong" for k, c in counts.items()}
        print(f"{folder.name:18} {len(files):5}  {cell['ow']:>24}  {cell['os']:>24}  {cell['nw']:>24}  {cell['ns']:>24}")
        print("\n".join(misses))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
