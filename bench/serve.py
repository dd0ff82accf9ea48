#!/usr/bin/env python3
"""Benchmark `chronicle serve` with wrk on a store of about a million records.

    bench/serve.py --tool build/chronicle --shared ../shared [--records 1000000]
                   [--seconds 10] [--connections 8] [--threads 2]

The store is made once and cached outside the source tree
($XDG_CACHE_HOME/chronicle-bench/serve-N.db): the shared articles that hold
records, copied with new ids and publication dates moved a day further per
copy (over four years), so that the copies tell new stories instead of
joining the first copy's, ingested until about N records are stored.  Then
the server runs on a free loopback port and wrk asks each of the dashboard's
queries for --seconds, one after the other; the table gives requests per
second and the 50th and 99th percentile latencies, beside the time of the
first request of each query (nothing cached yet; totals are then kept
until the store changes).  Each query has three seconds of wrk to warm up
before the measured run.  A query whose p99
is over 100 ms is marked SLOW.  Results are saved as JSON under bench/results/.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import cache_dir, commit  # noqa: E402  (the corpus cache and commit id)

TARGET_P99_MS = 100.0

# The dashboard's queries; {story} and {doc} are filled from the store,
# a different one per request (bench/paths.lua).
QUERIES = [
    "/api/health",
    "/api/events?limit=50",
    "/api/stories?type=AID&limit=50",
    "/api/totals?by=month&split=actor&type=AID",
    "/api/figures?metric=killed&limit=200",
    "/api/stories/{story}",
    "/api/documents/{doc}",
]


def productive_articles(tool, src):
    """The articles of src that hold records, and how many records they make."""
    out = subprocess.run([tool, "extract", src], check=True, capture_output=True).stdout
    per_doc = {}
    for line in out.splitlines():
        doc = json.loads(line)["doc_id"]
        per_doc[doc] = per_doc.get(doc, 0) + 1
    docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
    keep = [d for d in docs if d.get("id") in per_doc]
    return keep, sum(per_doc.values())


def moved(date, days):
    try:
        d = datetime.date.fromisoformat(date[:10])
    except ValueError:
        return date
    return (d + datetime.timedelta(days=days)).isoformat() + date[10:]


def migrate(tool, path):
    """An ingest of nothing brings a store made by an older Chronicle up to
    this one's schema (the server only reads)."""
    subprocess.run([tool, "ingest", "--quiet", "--db", path, "-"], stdin=subprocess.DEVNULL,
                   check=True)
    return path


def build_store(tool, shared, records):
    src = os.path.join(shared, "corpus", "articles.jsonl")
    if not os.path.exists(src):
        return None
    path = os.path.join(cache_dir(), f"serve-{records}.db")
    stamp = path + ".done"
    if os.path.exists(stamp) and os.path.getmtime(stamp) >= os.path.getmtime(src):
        return migrate(tool, path)
    docs, per_copy = productive_articles(tool, src)
    copies = -(-records // max(per_copy, 1))
    print(f"bench: building a store of about {copies * per_copy} records ({copies} copies "
          f"of {len(docs)} articles) in {path}; this is done once", flush=True)
    for ext in ("", "-wal", "-shm", ".done"):
        if os.path.exists(path + ext):
            os.remove(path + ext)
    t0 = time.perf_counter()
    p = subprocess.Popen([tool, "ingest", "--quiet", "--batch", "2000", "--db", path, "-"],
                         stdin=subprocess.PIPE)
    for k in range(copies):
        lines = []
        for d in docs:
            d2 = dict(d)
            d2["id"] = f"{d['id']}~{k}"
            d2["date"] = moved(d.get("date", ""), k % 1461)
            lines.append(json.dumps(d2, ensure_ascii=False))
        p.stdin.write(("\n".join(lines) + "\n").encode("utf-8"))
    p.stdin.close()
    if p.wait() not in (0, 1):
        raise SystemExit("bench: ingest failed")
    print(f"bench: store built in {time.perf_counter() - t0:.0f} s", flush=True)
    open(stamp, "w").close()
    return migrate(tool, path)


def start_server(tool, db, threads):
    err = tempfile.TemporaryFile()
    p = subprocess.Popen([tool, "serve", "--db", db, "--listen", "127.0.0.1:0",
                          "--threads", str(threads)], stderr=err)
    for _ in range(200):
        err.seek(0)
        m = re.search(rb"http://127\.0\.0\.1:(\d+)/", err.read())
        if m:
            return p, int(m.group(1))
        if p.poll() is not None:
            break
        time.sleep(0.05)
    p.kill()
    err.seek(0)
    raise SystemExit("bench: the server did not start: " + err.read().decode(errors="replace"))


def get_json(base, path):
    with urllib.request.urlopen(base + path) as r:
        return json.loads(r.read())


def ms(text):
    """wrk's "1.23ms", "456.00us", "1.02s" in milliseconds."""
    m = re.match(r"([\d.]+)(us|ms|s|m)", text)
    v, unit = float(m.group(1)), m.group(2)
    return v * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def first_ms(base, path):
    t0 = time.perf_counter()
    with urllib.request.urlopen(base + path) as r:
        r.read()
    return round((time.perf_counter() - t0) * 1000, 1)


def run_wrk(base, query, paths_file, a, seconds):
    cmd = ["wrk", f"-t{a.threads}", f"-c{a.connections}", f"-d{seconds}s", "--latency"]
    if paths_file:
        cmd += ["-s", os.path.join("bench", "paths.lua"), base + "/", "--", paths_file]
    else:
        cmd += [base + query]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {"query": query, "requests_per_s": round(rps, 1), "p50_ms": round(p50, 2),
            "p99_ms": round(p99, 2), "non_2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": errors.group(0) if errors else ""}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default="build/chronicle")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--records", type=int, default=int(os.environ.get("BENCH_RECORDS", 1000000)))
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--connections", type=int, default=8)
    ap.add_argument("--threads", type=int, default=2, help="wrk's threads")
    ap.add_argument("--server-threads", type=int, default=4)
    a = ap.parse_args()
    if not shutil.which("wrk"):
        print("bench: serve skipped: wrk is not installed (scripts/install-deps.sh bench)")
        return 0
    db = build_store(a.tool, a.shared, a.records)
    if db is None:
        print(f"bench: serve skipped: {a.shared}/corpus/articles.jsonl not found")
        return 0
    server, port = start_server(a.tool, db, a.server_threads)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        health = get_json(base, "/api/health")
        # A hundred stories and documents of the newest mentions, asked in turn.
        events = get_json(base, "/api/events?limit=100")["items"]
        ids = {"story": sorted({str(e["story"]) for e in events}),
               "doc": sorted({urllib.request.quote(e["doc_id"], safe="") for e in events})}
        with tempfile.TemporaryDirectory() as tmp:
            for q in QUERIES:
                key = "story" if "{story}" in q else "doc" if "{doc}" in q else None
                paths_file = None
                first = q
                if key:
                    paths_file = os.path.join(tmp, key)
                    with open(paths_file, "w") as f:
                        for i in ids[key]:
                            f.write(q.replace("{" + key + "}", i) + "\n")
                    first = q.replace("{" + key + "}", ids[key][0])
                cold = first_ms(base, first)
                run_wrk(base, q, paths_file, a, 3)      # warm-up, not counted
                row = run_wrk(base, q, paths_file, a, a.seconds)
                row["first_ms"] = cold
                rows.append(row)
    finally:
        server.terminate()
        server.wait()

    print(f"store: {health['documents']} documents, {health['records']} records, "
          f"{health['stories']} stories; wrk -t{a.threads} -c{a.connections} -d{a.seconds}s, "
          f"serve --threads {a.server_threads}")
    print(f"{'query':46} {'first ms':>9} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8}")
    for r in rows:
        flag = "" if r["p99_ms"] < TARGET_P99_MS else "  SLOW"
        bad = f"  {r['non_2xx']} non-2xx" if r["non_2xx"] else ""
        print(f"{r['query']:46} {r['first_ms']:9} {r['requests_per_s']:9} {r['p50_ms']:8} "
              f"{r['p99_ms']:8}{flag}{bad}")
    os.makedirs("bench/results", exist_ok=True)
    c = commit()
    path = os.path.join("bench/results", f"{time.strftime('%Y%m%d-%H%M%S')}-{c}-serve.json")
    with open(path, "w") as f:
        json.dump({"commit": c, "time": time.strftime("%Y-%m-%dT%H:%M:%S"), "store": health,
                   "wrk": {"threads": a.threads, "connections": a.connections,
                           "seconds": a.seconds}, "rows": rows}, f, indent=1)
    print(f"saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
