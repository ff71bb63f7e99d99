#!/usr/bin/env python3
"""Groups the slow samples of an open-loop run into episodes, to tell pauses (many messages at once) from a spread-out
tail. Input: the file written by `LoadGenerator open ... --samples FILE` (ms since the window opened, tab, latency ms
from the intended send time). A slow sample is over THRESHOLD ms (default 0.5); slow samples less than GAP ms apart
(default 2) are one episode.

    psicoia-bench/tail-episodes.py /tmp/samples.tsv [THRESHOLD] [GAP]
"""
import collections
import sys


def main():
    path = sys.argv[1]
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5
    gap = float(sys.argv[3]) if len(sys.argv) > 3 else 2.0
    rows = sorted(tuple(map(float, line.split())) for line in open(path))
    episodes = []
    current = None
    for at, latency in rows:
        if latency <= threshold:
            continue
        if current and at - current[1] < gap:
            current[1] = at
            current[2] += 1
            current[3] = max(current[3], latency)
        else:
            if current:
                episodes.append(current)
            current = [at, at, 1, latency]
    if current:
        episodes.append(current)
    latencies = sorted(r[1] for r in rows)
    sizes = collections.Counter()
    for episode in episodes:
        n = episode[2]
        size = "1" if n == 1 else "2-5" if n <= 5 else "6-20" if n <= 20 else "21-100" if n <= 100 else ">100"
        sizes[size] += n
    print("samples %d, p99 %.3f ms; %d episodes, %d samples over %.2f ms, by episode size: %s" % (
        len(rows), latencies[int(len(latencies) * 0.99)], len(episodes), sum(e[2] for e in episodes), threshold,
        dict(sizes)))
    for episode in sorted(episodes, key=lambda e: -e[2])[:10]:
        print("  at %.1f ms: %.1f ms long, %d samples, worst %.2f ms" % (
            episode[0], episode[1] - episode[0], episode[2], episode[3]))


if __name__ == "__main__":
    main()
