#!/usr/bin/env python3
"""Builds the restorer's tables from WORK/corpus and WORK/synth into OUT (models/restorer):

  syllables.txt   the syllable inventory (old tone placement) with the acronyms seen in the corpus
  lm.txt.gz       a syllable trigram language model, interpolated Kneser-Ney written in backoff form
                  ("\\N-grams:" sections; "logp<TAB>words<TAB>backoff", natural logs); administrative text
                  counts DOMAIN_WEIGHT times, trigrams seen once in general text only are pruned
  ocr.txt.gz      the OCR error model, learnt from the synthetic pairs by hard EM: the cost (−ln P) of each
                  way a clean letter is read ("ộ" → "o", "6", "g"; "ư" → "tr", "ir"), insertions, and the
                  whole-word readings seen at least twice ("của" → "cia")

usage: build.py WORK OUT
"""
import collections
import gzip
import math
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(__file__))
import vi  # noqa: E402
from align import fold  # noqa: E402

DOMAIN_WEIGHT = int(os.environ.get('DOMAIN_WEIGHT', '6'))
TOKEN = re.compile(r"[^\W_]+|[,.;:!?()]")
BOUNDARY = set('.;:!?()')


def is_acronym(word):
    """UBND, HĐND, TTHC, NĐ-CP's parts: upper case with at most one vowel (an upper-case syllable read without
    its marks, "HUYEN", is not one)."""
    if len(word) < 2 or not word.isupper() or vi.is_syllable(word.lower()):
        return False
    return sum(1 for c in fold(word) if c in 'aeiouy') <= 1 or any(c.isdigit() for c in word)


def unit(tok):
    if tok.isdigit():
        return '<n>'
    low = tok.lower()
    if vi.is_syllable(low):
        return vi.old_style(low)
    if is_acronym(tok.upper()) and (tok.isupper() or any(c.isdigit() for c in tok)):
        return tok.upper()
    return low


def segments(text):
    for line in text.split('\n'):
        seg = []
        for tok in TOKEN.findall(vi.nfc(line)):
            if tok in BOUNDARY:
                if seg:
                    yield seg
                seg = []
            elif tok == ',':
                if seg and seg[-1] != ',':
                    seg.append(',')
            else:
                seg.append(unit(tok))
        if seg:
            yield seg


def build_lm(work, out, syllables):
    corpus = os.path.join(work, 'corpus')
    counts = [collections.Counter() for _ in range(3)]
    general_tri = collections.Counter()
    vocab_count = collections.Counter()
    for name, weight in (('general.txt', 1), ('domain.txt', DOMAIN_WEIGHT)):
        text = open(os.path.join(corpus, name), encoding='utf-8').read()
        for seg in segments(text):
            for w in seg:
                vocab_count[w] += weight
    vocab = set(syllables) | {w for w, c in vocab_count.items() if c >= 2 and (w in syllables or w.isupper() or c >= 3)}
    vocab |= {',', '<n>', '<unk>', '<s>', '</s>'}

    def ids(seg):
        return ['<s>', '<s>'] + [w if w in vocab else '<unk>' for w in seg] + ['</s>']

    for name, weight in (('general.txt', 1), ('domain.txt', DOMAIN_WEIGHT)):
        text = open(os.path.join(corpus, name), encoding='utf-8').read()
        for seg in segments(text):
            s = ids(seg)
            for i in range(2, len(s)):
                counts[2][(s[i - 2], s[i - 1], s[i])] += weight
                if weight == 1:
                    general_tri[(s[i - 2], s[i - 1], s[i])] += 1
    # lower orders from continuation counts (Kneser-Ney)
    c3 = counts[2]
    n12 = collections.Counter()   # N1+(. v w)
    for (u, v, w) in c3:
        n12[(v, w)] += 1
    n11 = collections.Counter()   # N1+(. w) over bigram types
    for (v, w) in n12:
        n11[w] += 1

    def discount(counter):
        hist = collections.Counter(min(c, 3) for c in counter.values())
        n1, n2 = hist[1], hist[2]
        return n1 / (n1 + 2 * n2) if n1 + n2 else 0.5

    d3, d2 = discount(c3), discount(n12)
    total1 = sum(n11.values())
    words = sorted(vocab - {'<s>'})
    p1 = {w: (n11.get(w, 0) + 0.5) / (total1 + 0.5 * len(words)) for w in words}
    words.append('<s>')  # a context only: written with a probability of nothing
    p1['<s>'] = math.exp(-99)
    # bigram level
    ctx2 = collections.Counter()
    types2 = collections.Counter()
    for (v, w), c in n12.items():
        ctx2[v] += c
        types2[v] += 1
    p2, bow1 = {}, {}
    for (v, w), c in n12.items():
        p2[(v, w)] = max(c - d2, 0) / ctx2[v] + d2 * types2[v] / ctx2[v] * p1.get(w, 1e-9)
    for v in ctx2:
        bow1[v] = d2 * types2[v] / ctx2[v]
    # trigram level
    ctx3 = collections.Counter()
    types3 = collections.Counter()
    for (u, v, w), c in c3.items():
        ctx3[(u, v)] += c
        types3[(u, v)] += 1

    def p2i(v, w):
        if (v, w) in p2:
            return p2[(v, w)]
        return bow1.get(v, 1.0) * p1.get(w, 1e-9)

    p3, bow2 = {}, {}
    for (u, v, w), c in c3.items():
        if c == 1 or (general_tri.get((u, v, w), 0) == c and c < 2):
            continue  # pruned: seen once
        p3[(u, v, w)] = max(c - d3, 0) / ctx3[(u, v)] + d3 * types3[(u, v)] / ctx3[(u, v)] * p2i(v, w)
    # the mass each context leaves to the lower order: the discounted mass plus what pruning removed
    kept_mass = collections.Counter()
    kept_lower = collections.Counter()
    for (u, v, w), p in p3.items():
        kept_mass[(u, v)] += p
        kept_lower[(u, v)] += p2i(v, w)
    for uv in ctx3:
        left = 1 - kept_mass[uv]
        lower = 1 - kept_lower[uv]
        bow2[uv] = max(left, 1e-6) / max(lower, 1e-6)
    with gzip.open(os.path.join(out, 'lm.txt.gz'), 'wt', encoding='utf-8', compresslevel=9) as f:
        f.write(f'# syllable trigram LM: interpolated Kneser-Ney (D3={d3:.3f}, D2={d2:.3f}), natural logs\n')
        f.write(f'\\1-grams: {len(words)}\n')
        for w in words:
            f.write(f'{math.log(p1[w]):.3f}\t{w}\t{math.log(bow1.get(w, 1.0)):.3f}\n')
        used2 = {(v, w) for (v, w) in p2 if (v in vocab and w in vocab)}
        bi = sorted(used2)
        f.write(f'\\2-grams: {len(bi)}\n')
        for (v, w) in bi:
            b = bow2.get((v, w))
            f.write(f'{math.log(p2[(v, w)]):.3f}\t{v} {w}' + (f'\t{math.log(b):.3f}' if b is not None else '') + '\n')
        tri = sorted(p3)
        f.write(f'\\3-grams: {len(tri)}\n')
        for (u, v, w) in tri:
            f.write(f'{math.log(p3[(u, v, w)]):.3f}\t{u} {v} {w}\n')
    print(f'lm: {len(words)} words, {len(bi)} bigrams, {len(tri)} trigrams', file=sys.stderr)
    return vocab


# ---- OCR error model -------------------------------------------------------------------------------------------

MAX_CHUNK = 3


def ocr_fold(s):
    return fold(s)


def init_cost(c, chunk):
    if chunk == '':
        return 3.0
    if chunk == c:
        return 0.1
    if len(chunk) == 1 and fold(chunk) == fold(c):
        return 1.0
    return 3.0 + len(chunk)


class Channel:
    def __init__(self):
        self.sub = {}       # (c, chunk) -> cost
        self.ins = {}       # o -> cost
        self.other = 6.0

    def cost(self, c, chunk):
        v = self.sub.get((c, chunk))
        if v is not None:
            return v
        return init_cost(c, chunk) + self.other if self.sub else init_cost(c, chunk)

    def ins_cost(self, o):
        return self.ins.get(o, 7.0 if self.sub else 4.0)

    def align(self, clean, ocr):
        n, m = len(clean), len(ocr)
        INF = float('inf')
        d = [[INF] * (m + 1) for _ in range(n + 1)]
        back = [[None] * (m + 1) for _ in range(n + 1)]
        d[0][0] = 0.0
        for i in range(n + 1):
            for j in range(m + 1):
                here = d[i][j]
                if here == INF:
                    continue
                if j < m:
                    c = here + self.ins_cost(ocr[j])
                    if c < d[i][j + 1]:
                        d[i][j + 1], back[i][j + 1] = c, (i, j, None, ocr[j])
                if i < n:
                    for k in range(0, MAX_CHUNK + 1):
                        if j + k > m:
                            break
                        chunk = ocr[j:j + k]
                        c = here + self.cost(clean[i], chunk)
                        if c < d[i + 1][j + k]:
                            d[i + 1][j + k], back[i + 1][j + k] = c, (i, j, clean[i], chunk)
        events, i, j = [], n, m
        while (i, j) != (0, 0):
            pi, pj, c, chunk = back[i][j]
            events.append((c, chunk))
            i, j = pi, pj
        return d[n][m], events


def build_channel(work, out):
    pairs = []
    import glob
    lines = [l for f in sorted(glob.glob(os.path.join(work, 'synth', 'pairs*.tsv'))) for l in open(f, encoding='utf-8')]
    for line in lines:
        parts = line.rstrip('\n').split('\t')
        if len(parts) != 2:
            continue
        clean, ocr = vi.nfc(parts[0]), vi.nfc(parts[1])
        if not vi.is_syllable(clean.lower()) or len(ocr) > 12:
            continue
        pairs.append((vi.old_style(clean.lower()), ocr.lower()))
    ch = Channel()
    for it in range(4):
        sub, ins, per_char = collections.Counter(), collections.Counter(), collections.Counter()
        total_ins = 0
        for clean, ocr in pairs:
            _, events = ch.align(clean, ocr)
            for c, chunk in events:
                if c is None:
                    ins[chunk] += 1
                    total_ins += 1
                else:
                    sub[(c, chunk)] += 1
                    per_char[c] += 1
        chars = len(pairs) and sum(per_char.values())
        ch = Channel()
        for (c, chunk), k in sub.items():
            ch.sub[(c, chunk)] = -math.log((k + 0.1) / (per_char[c] + 1.0))
        for o, k in ins.items():
            ch.ins[o] = -math.log((k + 0.1) / (chars + 1.0))
        ch.other = -math.log(0.5 / (sum(per_char.values()) / max(len(per_char), 1)))
        print(f'channel iteration {it + 1}: {len(ch.sub)} substitutions, {len(ch.ins)} insertions', file=sys.stderr)
    # the same by base letter (marks folded away on both sides): the fallback for a reading of a marked
    # letter never seen with that mark ("á" read as "é" when only "â" → "é" was seen)
    base_sub, base_total = collections.Counter(), collections.Counter()
    for (c, chunk), k in sub.items():
        base_sub[(fold(c), fold(chunk))] += k
        base_total[fold(c)] += k
    word = collections.Counter(pairs)
    with gzip.open(os.path.join(out, 'ocr.txt.gz'), 'wt', encoding='utf-8', compresslevel=9) as f:
        f.write(f'# OCR error model (English-model tesseract on Vietnamese), from {len(pairs)} aligned words\n')
        f.write(f'\\other\t{ch.other:.3f}\n')
        f.write('\\letters:\n')
        for (c, chunk), v in sorted(ch.sub.items()):
            if sub[(c, chunk)] >= 2 or chunk == c:
                f.write(f'{c}\t{chunk}\t{v:.3f}\n')
        f.write('\\bases:\n')
        for (b, chunk), k in sorted(base_sub.items()):
            if k >= 3:
                f.write(f'{b}\t{chunk}\t{-math.log((k + 0.1) / (base_total[b] + 1.0)):.3f}\n')
        f.write('\\insertions:\n')
        for o, v in sorted(ch.ins.items()):
            if ins[o] >= 2:
                f.write(f'{o}\t{v:.3f}\n')
        f.write('\\words:\n')
        for (clean, ocr), k in sorted(word.items()):
            if k >= 2:
                f.write(f'{clean}\t{ocr}\t{k}\n')


def main():
    work, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    syllables = set(l.strip() for l in open(os.path.join(work, 'corpus', 'syllables.txt'), encoding='utf-8') if l.strip())
    # syllables the corpus uses that the lists lack (valid ones only)
    extra = collections.Counter()
    for name in ('general.txt', 'domain.txt'):
        for seg in segments(open(os.path.join(work, 'corpus', name), encoding='utf-8').read()):
            for w in seg:
                if w not in syllables and vi.is_syllable(w):
                    extra[w] += 1
    syllables |= {w for w, c in extra.items() if c >= 2}
    vocab = build_lm(work, out, syllables)
    acronyms = sorted(w for w in vocab if is_acronym(w))
    with open(os.path.join(out, 'syllables.txt'), 'w', encoding='utf-8') as f:
        f.write('# Vietnamese syllables (old tone placement), then acronyms after "\\acronyms"\n')
        f.write('\n'.join(sorted(syllables)) + '\n\\acronyms\n' + '\n'.join(acronyms) + '\n')
    build_channel(work, out)


if __name__ == '__main__':
    main()
