"""Vietnamese syllables for the model scripts: the same rules as Bot.Domain/Text (NFC, old tone placement)."""
import re
import unicodedata

TONES = {'\u0300': 'f', '\u0301': 's', '\u0303': 'x', '\u0309': 'r', '\u0323': 'j'}
VOWELS = set('aăâeêioôơuưy')
ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr',
          'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', '']
CODAS = {'', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'}
NUCLEI = set('a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê '
             'iêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu yêu'.split())
OPEN_ONLY = set('ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu oai oao oay oeo uây uôi ươi ươu uya uyu yêu'.split())

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def split_tone(syllable):
    """('thuôc', 'j') for 'thuộc'; None when the word has two tones or letters outside Vietnamese."""
    tone, base = '', []
    for c in unicodedata.normalize('NFD', syllable):
        if c in TONES:
            if tone:
                return None
            tone = TONES[c]
        else:
            base.append(c)
    return unicodedata.normalize('NFC', ''.join(base)), tone


def parts(toneless):
    """(onset, nucleus, coda) of a toneless lower-case syllable, or None when it is not one."""
    for onset in ONSETS:
        if not toneless.startswith(onset):
            continue
        rest = toneless[len(onset):]
        n = 0
        while n < len(rest) and rest[n] in VOWELS:
            n += 1
        nucleus, coda = rest[:n], rest[n:]
        if n == 0:
            if onset == 'gi' and coda in CODAS:
                return onset, '', coda
            continue
        if nucleus in NUCLEI and coda in CODAS and (coda == '' or nucleus not in OPEN_ONLY):
            # "gi" before a vowel: "giá" is gi + a; "qu" likewise
            return onset, nucleus, coda
    return None


def is_syllable(word):
    st = split_tone(word.lower())
    if st is None:
        return False
    base, tone = st
    p = parts(base)
    if p is None:
        return False
    # stop endings take only the rising or the heavy tone
    if p[2] in ('c', 'ch', 'p', 't') and tone not in ('s', 'j'):
        return False
    return True


MARK = {'f': '\u0300', 's': '\u0301', 'x': '\u0303', 'r': '\u0309', 'j': '\u0323'}


def place_tone(toneless, tone):
    """The syllable with its tone on the vowel the old placement puts it on (hóa, ủy, hòa)."""
    if not tone:
        return toneless
    p = parts(toneless)
    if p is None:
        return None
    onset, nucleus, coda = p
    if nucleus == '':  # gì, gìn
        idx = len('g')
        target = 1
    else:
        start = len(onset)
        # vowels with a diacritic of their own take the tone
        specials = [i for i, c in enumerate(nucleus) if c in 'ăâêôơư']
        if specials:
            target = start + specials[-1] if nucleus not in ('ươ',) else start + 1
            if nucleus in ('ươ', 'ươi', 'ươu'):
                target = start + 1
        elif len(nucleus) == 1:
            target = start
        elif coda:
            target = start + len(nucleus) - 1  # toán, thuyết (handled by specials), hoàn
            if len(nucleus) == 3:
                target = start + 1
        else:
            # open: old placement on the first of two (hóa, ủy, mía, múa), middle of three (khoái)
            target = start + (1 if len(nucleus) == 3 else 0)
            if onset in ('qu', 'gi') and len(nucleus) == 2:
                target = start + 0 if nucleus not in ('uy',) else start + 1
            if onset in ('qu', 'gi') and len(nucleus) == 1:
                target = start
    chars = list(toneless)
    chars[target] = unicodedata.normalize('NFC', chars[target] + MARK[tone])
    return unicodedata.normalize('NFC', ''.join(chars))


def old_style(word):
    """A syllable in old tone placement, keeping its case pattern; other words unchanged."""
    lower = word.lower()
    st = split_tone(lower)
    if st is None or not st[1] or parts(st[0]) is None:
        return word
    placed = place_tone(*st)
    if placed is None or placed == lower:
        return word
    if word.isupper():
        return placed.upper()
    if word[0].isupper():
        return placed[0].upper() + placed[1:]
    return placed


def nfc(text):
    return unicodedata.normalize('NFC', text)


def vietnamese_share(text):
    """Share of words that carry Vietnamese-only letters and are syllables: ~0.8 for Vietnamese, ~0 for English."""
    words = WORD.findall(text)
    if not words:
        return 0.0
    marked = sum(1 for w in words if any(c not in 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ' for c in w) and is_syllable(w))
    return marked / len(words)


def fold_case(text):
    return nfc(text).lower()
