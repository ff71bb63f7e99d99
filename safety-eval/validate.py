#!/usr/bin/env python3
"""Validates the safety evaluation TSV files and prints counts.

Usage: python3 safety-eval/validate.py [--counts]
Exit status 1 when any file breaks a rule. Checks only the data; it never
looks at detector code.
"""
import os
import re
import sys
import unicodedata
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
LEVELS = ["none", "low", "medium", "high", "imminent"]
RANK = {l: i for i, l in enumerate(LEVELS)}
ITEM_COLS = ["id", "variety", "about", "min_level", "max_level", "hard_negative", "category", "text"]
SCRIPT_COLS = ["script", "turn", "min_level", "max_level", "text"]
VARIETIES = {
    "es": {"ar", "uy", "es", "mx", "co", "cl", "pe", "bo", "ec", "ve", "cu", "pr", "do", "us-latino", "neutral"},
    "en": {"en-us", "en-uk", "en-ie", "neutral"},
}
CATEGORIES = {"direct", "indirect", "passive", "method", "plan", "in_progress", "recent_attempt", "farewell",
              "giving_away", "self_harm", "timeline", "distress", "past_resolved", "idiom", "joke", "lyrics",
              "quote_fiction", "third_party", "professional", "informational", "negation", "benign", "obfuscation"}
ABOUT = {"self", "other", "general"}

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def norm(text):
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(c for c in t if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "", t)


def rows(path, cols):
    if not os.path.exists(path):
        err(path, "missing")
        return
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    if "\r" in raw:
        err(path, "contains carriage returns")
    lines = raw.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != cols:
        err(path, f"header must be {cols}")
        return
    for n, line in enumerate(lines[1:], start=2):
        if line.startswith("#"):
            continue
        if not line.strip():
            err(f"{path}:{n}", "empty line")
            continue
        parts = line.split("\t")
        if len(parts) != len(cols):
            err(f"{path}:{n}", f"{len(parts)} columns, expected {len(cols)} (tab inside text?)")
            continue
        if parts[-1] != parts[-1].strip() or not parts[-1].strip():
            err(f"{path}:{n}", "text empty or with leading/trailing spaces")
        yield n, dict(zip(cols, parts))


def check_levels(where, r):
    lo, hi = r["min_level"], r["max_level"]
    if lo not in RANK or hi not in RANK:
        err(where, f"bad level {lo!r}..{hi!r}")
        return False
    if RANK[lo] > RANK[hi]:
        err(where, f"min {lo} > max {hi}")
        return False
    return True


def check_items(lang):
    path = os.path.join(HERE, f"items-{lang}.tsv")
    out, ids, texts = [], set(), {}
    for n, r in rows(path, ITEM_COLS):
        where = f"{path}:{n}"
        if not re.fullmatch(rf"{lang}-\d{{4}}", r["id"]):
            err(where, f"bad id {r['id']}")
        if r["id"] in ids:
            err(where, f"duplicate id {r['id']}")
        ids.add(r["id"])
        if r["variety"] not in VARIETIES[lang]:
            err(where, f"bad variety {r['variety']}")
        if r["about"] not in ABOUT:
            err(where, f"bad about {r['about']}")
        if r["hard_negative"] not in ("yes", "no"):
            err(where, f"bad hard_negative {r['hard_negative']}")
        if r["category"] not in CATEGORIES:
            err(where, f"bad category {r['category']}")
        if check_levels(where, r):
            if r["hard_negative"] == "yes" and RANK[r["max_level"]] > RANK["low"]:
                err(where, "hard negative with max level above low")
            if r["about"] == "general" and (r["min_level"], r["max_level"]) != ("none", "none"):
                err(where, "about=general must be none..none")
        k = norm(r["text"])
        if k in texts:
            err(where, f"duplicate text of line {texts[k]}")
        texts[k] = n
        out.append(r)
    return out


def check_scripts():
    path = os.path.join(HERE, "scripts.tsv")
    turns = {}
    for n, r in rows(path, SCRIPT_COLS):
        where = f"{path}:{n}"
        if not re.fullmatch(r"s\d{2}", r["script"]):
            err(where, f"bad script id {r['script']}")
        if not r["turn"].isdigit():
            err(where, f"bad turn {r['turn']}")
            continue
        prev = turns.setdefault(r["script"], [])
        if int(r["turn"]) != len(prev) + 1:
            err(where, f"turn {r['turn']} out of sequence")
        check_levels(where, r)
        prev.append(r)
    return turns


def table(title, counter, order=None):
    keys = order if order else sorted(counter, key=lambda k: (-counter[k], k))
    print(f"\n{title}")
    print("| value | items |\n|---|---:|")
    for k in keys:
        if counter.get(k):
            print(f"| {k} | {counter[k]} |")


def main():
    counts = "--counts" in sys.argv
    items = {lang: check_items(lang) for lang in ("es", "en")}
    scripts = check_scripts()
    if counts:
        for lang, rs in items.items():
            print(f"\n## items-{lang}.tsv: {len(rs)} items, "
                  f"{sum(r['hard_negative'] == 'yes' for r in rs)} hard negatives, "
                  f"{sum(r['category'] == 'obfuscation' for r in rs)} obfuscated")
            table("min_level", Counter(r["min_level"] for r in rs), LEVELS)
            table("max_level", Counter(r["max_level"] for r in rs), LEVELS)
            table("about", Counter(r["about"] for r in rs))
            table("variety", Counter(r["variety"] for r in rs))
            table("category", Counter(r["category"] for r in rs))
        print(f"\n## scripts.tsv: {len(scripts)} scripts, {sum(len(t) for t in scripts.values())} turns")
        print("| script | turns | first turn | last turn | peak min_level |\n|---|---:|---|---|---|")
        for s, ts in sorted(scripts.items()):
            peak = max((t["min_level"] for t in ts), key=lambda l: RANK.get(l, 0))
            print(f"| {s} | {len(ts)} | {ts[0]['min_level']}..{ts[0]['max_level']} | "
                  f"{ts[-1]['min_level']}..{ts[-1]['max_level']} | {peak} |")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    if errors:
        sys.exit(1)
    print("\nOK" if counts else "OK")


if __name__ == "__main__":
    main()
