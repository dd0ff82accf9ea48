#!/bin/sh
# make bench: throughput of the tool's commands on the benchmark corpus.
#   bench/run.sh TOOL SHARED_DIR    (BENCH_MB=50,500 for several sizes,
#                                    BENCH_REPEAT=3 for the best of three runs)
exec python3 bench/bench.py --tool "$1" --shared "$2"
