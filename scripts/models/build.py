#!/usr/bin/env python3
"""Builds the restorer's tables from WORK/corpus and WORK/synth into OUT (models/restorer):

  syllables.txt   the syllable inventory (old tone placement) with the acronyms seen in the corpus
  lm.txt.gz       a syllable trigram language model, interpolated Kneser-Ney written in backoff form
                  ("\\N-grams:" sections; "logp<TAB>words<TAB>backoff", natural logs); administrative text
                  counts DOMAIN_WEIGHT times, trigrams seen once in general text only are pruned
  ocr.txt.gz      the OCR error model, learnt from the synthetic pairs by hard EM: the cost (−ln P) of each
                  way a clean letter is read ("ộ" → "o", "6", "g"; "ư" → "tr", "ir"), insertions, and the
                  whole-word readings seen at least twice ("của" → "cia")

usage: build.py WORK OUT   (LM_ONLY=1 keeps OUT's ocr.txt.gz; DOMAIN_WEIGHT=λ sets the mix)
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

DOMAIN_WEIGHT = float(os.environ.get('DOMAIN_WEIGHT', '0.9'))  # λ: the administrative model's share (dev split: 0.9 91.8%, 0.75 91.7%)
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


def kneser_ney(c3, words, prune_once):
    """An interpolated Kneser-Ney trigram model from trigram counts, as full probability functions."""
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
    p1 = {w: (n11.get(w, 0) + 0.5) / (total1 + 0.5 * len(words)) for w in words}
    ctx2, types2 = collections.Counter(), collections.Counter()
    for (v, w), c in n12.items():
        ctx2[v] += c
        types2[v] += 1
    ctx3, types3 = collections.Counter(), collections.Counter()
    for (u, v, w), c in c3.items():
        ctx3[(u, v)] += c
        types3[(u, v)] += 1

    def P2(v, w):
        lower = p1.get(w, 1e-9)
        if v not in ctx2:
            return lower
        return max(n12.get((v, w), 0) - d2, 0) / ctx2[v] + d2 * types2[v] / ctx2[v] * lower

    def P3(u, v, w):
        lower = P2(v, w)
        if (u, v) not in ctx3:
            return lower
        c = c3.get((u, v, w), 0)
        if prune_once and c == 1:
            c = 0
        return max(c - d3, 0) / ctx3[(u, v)] + d3 * types3[(u, v)] / ctx3[(u, v)] * lower

    grams3 = {g for g, c in c3.items() if not (prune_once and c == 1)}
    return p1, P2, P3, set(n12), grams3


def build_lm(work, out, syllables, weight=None):
    """The general and the administrative model, each Kneser-Ney, mixed: P = λ P_admin + (1 − λ) P_general,
    written in backoff form (the backoff weights renormalise what the listed n-grams leave)."""
    lam = DOMAIN_WEIGHT if weight is None else weight
    corpus = os.path.join(work, 'corpus')
    texts = {name: open(os.path.join(corpus, name), encoding='utf-8').read() for name in ('general.txt', 'domain.txt')}
    vocab_count = collections.Counter()
    for name, text in texts.items():
        for seg in segments(text):
            for w in seg:
                vocab_count[w] += 1 if name == 'general.txt' else 5
    vocab = set(syllables) | {w for w, c in vocab_count.items() if c >= 2 and (w in syllables or w.isupper() or c >= 3)}
    vocab |= {',', '<n>', '<unk>', '</s>'}
    words = sorted(vocab)

    def counts(text):
        c3 = collections.Counter()
        for seg in segments(text):
            s = ['<s>', '<s>'] + [w if w in vocab else '<unk>' for w in seg] + ['</s>']
            for i in range(2, len(s)):
                c3[(s[i - 2], s[i - 1], s[i])] += 1
        return c3

    g1, g2, g3, gb, gt = kneser_ney(counts(texts['general.txt']), words, prune_once=True)
    d1, d2, d3, db, dt = kneser_ney(counts(texts['domain.txt']), words, prune_once=False)
    P1 = {w: lam * d1[w] + (1 - lam) * g1[w] for w in words}

    def P2(v, w):
        return lam * d2(v, w) + (1 - lam) * g2(v, w)

    def P3(u, v, w):
        return lam * d3(u, v, w) + (1 - lam) * g3(u, v, w)

    bigrams = sorted((gb | db))
    trigrams = sorted((gt | dt))
    by2, by3 = collections.defaultdict(list), collections.defaultdict(list)
    for (v, w) in bigrams:
        by2[v].append(w)
    for (u, v, w) in trigrams:
        by3[(u, v)].append(w)
    p2 = {(v, w): P2(v, w) for (v, w) in bigrams}
    p3 = {(u, v, w): P3(u, v, w) for (u, v, w) in trigrams}
    bow1 = {}
    for v, ws in by2.items():
        left = 1 - sum(p2[(v, w)] for w in ws)
        lower = 1 - sum(P1.get(w, 0) for w in ws)
        bow1[v] = max(left, 1e-9) / max(lower, 1e-9)
    bow2 = {}
    for (u, v), ws in by3.items():
        left = 1 - sum(p3[(u, v, w)] for w in ws)
        lower = 1 - sum(p2.get((v, w)) or bow1.get(v, 1.0) * P1.get(w, 1e-9) for w in ws)
        bow2[(u, v)] = max(left, 1e-9) / max(lower, 1e-9)
    words.append('<s>')  # a context only: written with a probability of nothing
    P1['<s>'] = math.exp(-99)
    with gzip.open(os.path.join(out, 'lm.txt.gz'), 'wt', encoding='utf-8', compresslevel=9) as f:
        f.write(f'# syllable trigram LM: Kneser-Ney, administrative ({lam:.2f}) mixed with general text, natural logs\n')
        f.write(f'\\1-grams: {len(words)}\n')
        for w in words:
            f.write(f'{math.log(P1[w]):.3f}\t{w}\t{math.log(bow1.get(w, 1.0)):.3f}\n')
        f.write(f'\\2-grams: {len(bigrams)}\n')
        for (v, w) in bigrams:
            b = bow2.get((v, w))
            f.write(f'{math.log(p2[(v, w)]):.3f}\t{v} {w}' + (f'\t{math.log(b):.3f}' if b is not None else '') + '\n')
        f.write(f'\\3-grams: {len(trigrams)}\n')
        for (u, v, w) in trigrams:
            f.write(f'{math.log(p3[(u, v, w)]):.3f}\t{u} {v} {w}\n')
    print(f'lm: {len(words)} words, {len(bigrams)} bigrams, {len(trigrams)} trigrams, λ = {lam}', file=sys.stderr)
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


CAPITAL_PRIOR = 0.05
CAPITAL_PRIOR_LOG = math.log(CAPITAL_PRIOR)


def capital_shares(work, syllables):
    """ln of the share of a syllable's occurrences inside a sentence that are capitalised: high for names
    ("Thị" in "Nguyễn Thị Hà", "Kỳ"), low for words ("thì"). Smoothed towards CAPITAL_PRIOR."""
    cap, total = collections.Counter(), collections.Counter()
    for name in ('general.txt', 'domain.txt'):
        for line in open(os.path.join(work, 'corpus', name), encoding='utf-8'):
            prev = None
            for tok in TOKEN.findall(vi.nfc(line)):
                if tok in BOUNDARY:
                    prev = None
                    continue
                if tok == ',' or tok.isdigit():
                    prev = tok
                    continue
                low = tok.lower()
                w = vi.old_style(low)
                if prev is not None and w in syllables and not tok.isupper():
                    total[w] += 1
                    if tok[0].isupper():
                        cap[w] += 1
                prev = tok
    return {w: math.log((cap[w] + 2 * CAPITAL_PRIOR) / (total[w] + 2)) for w in total}


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
    # acronyms to restore to: those administrative text uses (general text has too many: "SB", "PC")
    domain_words = collections.Counter(w for seg in segments(open(os.path.join(work, 'corpus', 'domain.txt'), encoding='utf-8').read()) for w in seg)
    acronyms = sorted(w for w in vocab if is_acronym(w) and domain_words[w] >= 2)
    capitals = capital_shares(work, syllables)
    with open(os.path.join(out, 'syllables.txt'), 'w', encoding='utf-8') as f:
        f.write('# Vietnamese syllables (old tone placement) with ln P(written with a capital inside a sentence),\n')
        f.write('# then the acronyms after "\\acronyms"\n')
        for w in sorted(syllables):
            f.write(f'{w}\t{capitals.get(w, CAPITAL_PRIOR_LOG):.2f}\n')
        f.write('\\acronyms\n' + '\n'.join(acronyms) + '\n')
    if os.environ.get('LM_ONLY') and os.path.exists(os.path.join(out, 'ocr.txt.gz')):
        return  # trying another mix of the language model: the error model does not change
    build_channel(work, out)


if __name__ == '__main__':
    main()
