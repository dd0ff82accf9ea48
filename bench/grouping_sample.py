#!/usr/bin/env python3
"""Draw the pairs of mentions that judge how well stories group them.

    bench/grouping_sample.py --db STORE [--pairs 50] [--seed 2022]

Reads a store made by `chronicle ingest` (opened read-only, never written)
and prints two samples of pairs of event mentions from different articles,
drawn at random with a fixed seed so that the same store gives the same
pairs:

  same      pairs grouped into the same story: a person reading both
            sentences says whether they tell of the same real-world event
            (precision = truly the same / pairs);
  apart     pairs with the same type and actor put in different stories:
            the same reading says how many are the same event after all
            (the miss rate of the grouping).

Each mention is shown with its story, document, publication day, outlet,
slots (type/mode, actor -> recipient, status, date, money) and sentence.
docs/grouping.md records the judgments and the counts.
"""
import argparse
import json
import random
import sqlite3
import sys

MENTIONS = """
SELECT r.id, r.story, d.doc_id, d.date, d.source, r.type, r.mode, r.status, r.actor,
       r.recipient, r.symmetric, r.date_start, r.date_end, r.money, r.currency, r.doc,
       j.json
FROM records r JOIN documents d ON d.id = r.doc
LEFT JOIN record_json j ON j.record = r.id
WHERE r.kind = 'event'
ORDER BY r.id
"""


def load(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    cols = ["id", "story", "doc_id", "published", "outlet", "type", "mode", "status", "actor",
            "recipient", "symmetric", "date_start", "date_end", "money", "currency", "doc",
            "json"]
    rows = [dict(zip(cols, r)) for r in con.execute(MENTIONS)]
    for r in rows:
        rec = json.loads(r["json"]) if r["json"] else {}
        r["sentence"] = rec.get("sentence", "")
        r["items"] = ", ".join(i.get("name") or i.get("class") or i.get("text", "")
                               for i in rec.get("items", []))
    con.close()
    return rows


def same_pairs(rows):
    by_story = {}
    for r in rows:
        by_story.setdefault(r["story"], []).append(r)
    pairs = []
    for ms in by_story.values():
        for i in range(len(ms)):
            for k in range(i + 1, len(ms)):
                if ms[i]["doc"] != ms[k]["doc"]:
                    pairs.append((ms[i], ms[k]))
    return pairs


def apart_pairs(rows):
    by_key = {}
    for r in rows:
        by_key.setdefault((r["type"], r["actor"]), []).append(r)
    pairs = []
    for ms in by_key.values():
        for i in range(len(ms)):
            for k in range(i + 1, len(ms)):
                a, b = ms[i], ms[k]
                if a["doc"] != b["doc"] and a["story"] != b["story"]:
                    pairs.append((a, b))
    return pairs


def describe(m):
    what = m["type"] + (f"/{m['mode']}" if m["mode"] else "")
    arrow = " <-> " if m["symmetric"] else " -> "
    who = (m["actor"] or "?") + (arrow + m["recipient"] if m["recipient"] else "")
    when = m["date_start"] or "undated"
    if m["date_end"] and m["date_end"] != m["date_start"]:
        when += ".." + m["date_end"]
    extra = ""
    if m["money"] is not None:
        extra += f", {m['money']:g} {m['currency']}"
    if m["items"]:
        extra += f", items: {m['items']}"
    return (f"story {m['story']}  {m['doc_id']}  published {m['published'][:10]}"
            f"{'  ' + m['outlet'] if m['outlet'] else ''}\n"
            f"      {what} {who} {m['status'] or ''}, {when}{extra}\n"
            f"      \"{m['sentence']}\"")


def show(title, pairs, n, rng):
    total = len(pairs)
    pick = rng.sample(pairs, min(n, total))
    print(f"== {title}: {len(pick)} of {total} pairs\n")
    for i, (a, b) in enumerate(pick, 1):
        print(f"{title[0].upper()}{i:02d}  a: {describe(a)}")
        print(f"     b: {describe(b)}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--pairs", type=int, default=50)
    ap.add_argument("--seed", type=int, default=2022)
    a = ap.parse_args()
    try:
        rows = load(a.db)
    except sqlite3.Error as e:
        print(f"grouping_sample: {a.db}: {e}", file=sys.stderr)
        return 2
    rng = random.Random(a.seed)
    show("same story", same_pairs(rows), a.pairs, rng)
    show("apart, same type and actor", apart_pairs(rows), a.pairs, rng)
    return 0


if __name__ == "__main__":
    sys.exit(main())
