"""Word alignment of clean text with its OCR reading (a global alignment, words compared folded)."""
import re
import unicodedata

TOKEN = re.compile(r"[^\s.,;:!?()\[\]\"“”'‘’/\-–—]+")


def fold(s):
    s = unicodedata.normalize('NFD', s.lower())
    s = ''.join(c for c in s if unicodedata.category(c) != 'Mn')
    return s.replace('đ', 'd')


def dist(a, b):
    n, m = len(a), len(b)
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
        prev = cur
    return prev[m]


def cost(a, b):
    fa, fb = fold(a), fold(b)
    return min(1.0, dist(fa, fb) / max(len(fa), len(fb), 1))


def align(clean, ocr, gap=0.55):
    """Index pairs (i, j), i or j None for a gap, aligning two word lists. Banded for long texts."""
    n, m = len(clean), len(ocr)
    band = max(60, abs(n - m) + 60)
    INF = float('inf')
    d = [[INF] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    d[0][0] = 0
    for i in range(n + 1):
        centre = i * m // max(n, 1)
        lo, hi = max(0, centre - band), min(m, centre + band)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, how = INF, 0
            if i > 0 and j > 0 and d[i - 1][j - 1] < INF:
                best, how = d[i - 1][j - 1] + cost(clean[i - 1], ocr[j - 1]), 1
            if i > 0 and d[i - 1][j] + gap < best:
                best, how = d[i - 1][j] + gap, 2
            if j > 0 and d[i][j - 1] + gap < best:
                best, how = d[i][j - 1] + gap, 3
            d[i][j], back[i][j] = best, how
    out, i, j = [], n, m
    while i > 0 or j > 0:
        how = back[i][j]
        if how == 1:
            out.append((i - 1, j - 1)); i -= 1; j -= 1
        elif how == 2:
            out.append((i - 1, None)); i -= 1
        else:
            out.append((None, j - 1)); j -= 1
    return out[::-1]


def word_pairs(clean_text, ocr_text, max_cost=0.75):
    """(clean word, OCR word) for words aligned one to one and not too far apart."""
    c = TOKEN.findall(unicodedata.normalize('NFC', clean_text))
    o = TOKEN.findall(unicodedata.normalize('NFC', ocr_text))
    for i, j in align(c, o):
        if i is not None and j is not None and cost(c[i], o[j]) <= max_cost:
            yield c[i], o[j]
