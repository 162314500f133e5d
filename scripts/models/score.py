#!/usr/bin/env python3
"""Share of gold syllables (letter runs) reproduced exactly, aligned over the whole text.
usage: score.py GOLD OUTPUT [GOLD OUTPUT ...]"""
import re
import sys
import unicodedata

sys.path.insert(0, __import__('os').path.dirname(__file__))
import align  # noqa: E402

RUN = re.compile(r'[^\W\d_]+')


def score(gold, out):
    g = RUN.findall(unicodedata.normalize('NFC', gold))
    o = RUN.findall(unicodedata.normalize('NFC', out))
    right = sum(1 for i, j in align.align(g, o) if i is not None and j is not None and g[i] == o[j])
    return right, len(g)


if __name__ == '__main__':
    a = sys.argv[1:]
    R = N = 0
    for k in range(0, len(a), 2):
        r, n = score(open(a[k], encoding='utf-8').read(), open(a[k + 1], encoding='utf-8').read())
        R += r; N += n
    print(f'{R}/{N} = {100 * R / max(N, 1):.1f}%')
