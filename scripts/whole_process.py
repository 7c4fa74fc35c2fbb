#!/usr/bin/env python3
"""Whole-process wall and CPU time of commands, the median of N runs each, timed here.

    scripts/whole_process.py [-n N] NAME=COMMAND... 

Each COMMAND is one shell-split string, e.g.
    handout=".build/release/handout render output/peers/article.yaml --doc handout --lang en+bn -o /tmp/h.pdf"
The peers harness times whole processes through Popen.wait(timeout), which polls up to
50 ms apart, so its wall times come in steps of about 50 ms (0.064, 0.114, 0.164 s):
too coarse for processes that take a tenth of a second. This times each run with
perf_counter around a plain wait, and takes CPU time from the child's rusage. The
commands take turns, one run each per round.
"""
import argparse
import resource
import shlex
import statistics
import subprocess
import time


def run_once(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=11)
    parser.add_argument("commands", nargs="+", help="NAME=COMMAND")
    args = parser.parse_args()
    commands = [(named.split("=", 1)[0], shlex.split(named.split("=", 1)[1])) for named in args.commands]
    for _, argv in commands:
        run_once(argv)   # warm the page cache
    # Round by round, each command once, so a busy spell on the machine falls on all alike.
    runs = {name: [] for name, _ in commands}
    for _ in range(args.n):
        for name, argv in commands:
            runs[name].append(run_once(argv))
    for name, _ in commands:
        wall = statistics.median(r[0] for r in runs[name])
        cpu = statistics.median(r[1] for r in runs[name])
        print(f"{name}: wall {wall * 1000:.1f} ms, cpu {cpu * 1000:.1f} ms (median of {args.n})")

if __name__ == "__main__":
    main()
