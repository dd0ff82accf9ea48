#!/usr/bin/env python3
"""Benchmark the chronicle tool on a corpus built from real articles.

    bench/bench.py --tool build/chronicle --shared ../shared [--sizes 50,500]
                   [--commands sentences,analyze,extract,ingest]
                   [--jobs 1,2] [--repeat 3]

The corpus is the shared articles repeated with new ids up to the wanted
size, cached outside the source tree ($XDG_CACHE_HOME/chronicle-bench).  Each
command runs once over it (--repeat N: N times, keeping the fastest run);
the table gives MB/s, documents/s and peak resident memory, beside the time `wc -w` takes on the same file in the same
run, so that the ratio holds when the machine is noisy.  Results are saved as
JSON under bench/results/ with the commit id.

`ingest` runs once per --jobs value into a new store (beside the cached
corpus, removed afterwards), then again over the same corpus into the same
store: the second run ("re-ingest") finds every document unchanged and
extracts nothing.
"""
import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import time


def cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    d = os.path.join(base, "chronicle-bench")
    os.makedirs(d, exist_ok=True)
    return d


def build_corpus(shared, mb):
    src = os.path.join(shared, "corpus", "articles.jsonl")
    if not os.path.exists(src):
        return None, 0
    out = os.path.join(cache_dir(), f"corpus-{mb}mb.jsonl")
    stamp = os.path.getmtime(src)
    if os.path.exists(out) and os.path.getmtime(out) >= stamp:
        with open(out, "rb") as f:
            return out, sum(1 for _ in f)
    docs = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
    want, size, n, copy = mb * 1000 * 1000, 0, 0, 0
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        while size < want:
            for d in docs:
                d2 = dict(d)
                d2["id"] = f"{d['id']}~{copy}"
                line = json.dumps(d2, ensure_ascii=False) + "\n"
                f.write(line)
                size += len(line.encode("utf-8"))
                n += 1
                if size >= want:
                    break
            copy += 1
    os.replace(tmp, out)
    return out, n


def run(cmd):
    """Run cmd with stdout to /dev/null; return (seconds, CPU seconds, peak
    RSS in MB).  CPU seconds (user and system, all threads) beside the
    seconds show how much of the machine the command had."""
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(cmd, stdout=null, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
    dt = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"bench: {' '.join(cmd)} failed with status {status}")
    return dt, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0


def remove_store(db):
    for f in glob.glob(db + "*"):
        os.unlink(f)


def ingest_steps(tool, corpus, jobs, db):
    """(name, command, store to remove first): a new store, then the same
    corpus again into it."""
    for j in jobs:
        cmd = [tool, "ingest", "--quiet", "--jobs", str(j), "--db", db, corpus]
        yield f"ingest -j{j}", cmd, db
        yield f"re-ingest -j{j}", cmd, None


def commit():
    try:
        return subprocess.check_output(["git", "rev-parse", "--short", "HEAD"],
                                       stderr=subprocess.DEVNULL).decode().strip()
    except Exception:
        return "unknown"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", default="build/chronicle")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--sizes", default=os.environ.get("BENCH_MB", "200"),
                    help="corpus sizes in MB, comma-separated")
    ap.add_argument("--commands", default="sentences,analyze,extract,ingest")
    ap.add_argument("--jobs", default=os.environ.get("BENCH_JOBS", "1,2"),
                    help="ingest threads to try, comma-separated")
    ap.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "1")),
                    help="run each command this many times and keep the fastest run")
    a = ap.parse_args()
    repeat = max(1, a.repeat)

    rows = []
    for mb in [int(x) for x in a.sizes.split(",")]:
        corpus, ndocs = build_corpus(a.shared, mb)
        if corpus is None:
            print(f"bench: skipped: {a.shared}/corpus/articles.jsonl not found")
            return 0
        nbytes = os.path.getsize(corpus)
        wc = min(run(["wc", "-w", corpus])[0] for _ in range(repeat))
        db = os.path.join(cache_dir(), f"bench-{os.getpid()}.db")
        steps = []
        for c in a.commands.split(","):
            if c == "ingest":
                steps.extend(ingest_steps(a.tool, corpus, [int(j) for j in a.jobs.split(",")], db))
            else:
                steps.append((c, [a.tool, c, corpus], None))
        for c, cmd, fresh in steps:
            best = None
            for _ in range(repeat):
                if fresh:
                    remove_store(fresh)
                r = run(cmd)
                if best is None or r[0] < best[0]:
                    best = r
            dt, cpu, rss = best
            rows.append({"command": c, "mb": round(nbytes / 1e6, 1), "docs": ndocs,
                         "seconds": round(dt, 3), "cpu_seconds": round(cpu, 3),
                         "mb_per_s": round(nbytes / 1e6 / dt, 1),
                         "docs_per_s": round(ndocs / dt), "peak_rss_mb": round(rss, 1),
                         "wc_seconds": round(wc, 3), "x_wc": round(dt / wc, 2)})
        remove_store(db)

    hdr = (f"{'command':13} {'MB':>7} {'docs':>8} {'s':>7} {'cpu s':>7} {'MB/s':>7} {'docs/s':>8} "
           f"{'RSS MB':>7} {'wc -w s':>8} {'x wc':>6}")
    print(hdr)
    for r in rows:
        print(f"{r['command']:13} {r['mb']:7} {r['docs']:8} {r['seconds']:7} {r['cpu_seconds']:7} "
              f"{r['mb_per_s']:7} "
              f"{r['docs_per_s']:8} {r['peak_rss_mb']:7} {r['wc_seconds']:8} {r['x_wc']:6}")
    os.makedirs("bench/results", exist_ok=True)
    c = commit()
    path = os.path.join("bench/results", f"{time.strftime('%Y%m%d-%H%M%S')}-{c}.json")
    with open(path, "w") as f:
        json.dump({"commit": c, "time": time.strftime("%Y-%m-%dT%H:%M:%S"), "rows": rows}, f, indent=1)
    print(f"saved {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
