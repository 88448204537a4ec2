#!/usr/bin/env python3
"""Paired difference of two strategies' IS from an `evaluate --report DIR` run's episodes.csv.

usage: paired-difference.py DIR/episodes.csv A B
Prints the savings of A over B (IS of B minus IS of A, per episode; positive = A cheaper), its mean, a 95% CI
(Student t, Cornish-Fisher quantile) and a two-sided paired p (normal approximation; n is in the hundreds or more).
`evaluate` itself reports every strategy against TWAP only; this pairs any two on the same episodes.
"""
import csv
import math
import sys

path, a, b = sys.argv[1], sys.argv[2], sys.argv[3]
rows = list(csv.DictReader(open(path)))
d = [float(r["is_bps_" + b]) - float(r["is_bps_" + a]) for r in rows]
n = len(d)
m = sum(d) / n
se = math.sqrt(sum((x - m) ** 2 for x in d) / (n - 1)) / math.sqrt(n)
z, v = 1.959963984540054, n - 1
q = z + (z ** 3 + z) / (4 * v) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v * v)
p = math.erfc(abs(m / se) / math.sqrt(2)) if se > 0 else 0.0
print("%s vs %s: n=%d, savings (IS %s - IS %s) mean %.3f bps, 95%% CI [%.3f, %.3f], paired p %.2g"
      % (a, b, n, b, a, m, m - q * se, m + q * se, p))
