#!/usr/bin/env python3
"""Gathers the clean Vietnamese text the restorer's models are built from, into WORK/corpus/.

  general.txt  software help and translations from Debian packages (libreoffice-help-vi, libreoffice-l10n-vi,
               manpages-vi, maint-guide-vi, the system's /usr/share/locale/vi): everyday written Vietnamese
  domain.txt   administrative Vietnamese: the training half of ../shared/dev-directives and the public
               administrative texts in WEB (one file per text, first line "# source: URL")
  heldout/     the texts kept OUT of every model, to measure the restorer on: seeds 002 and 004 and the
               other third of the dev-directives (every third file). Seeds 000, 001 and 003 (the OCR-damaged
               samples) and seeds/restored are read only to keep their words out (the 8-word filter below).
  dev/         the web texts held out to fix the restorer's settings on (WEB/dev, see web.py): neither a
               test set nor training text
  A web text line sharing eight words in a row with any held-out or test text is dropped.
  syllables.txt  the syllable inventory: hunspell-vi and fcitx5-bamboo's lists, old tone placement

usage: corpus.py WORK [--shared DIR] [--web DIR]
Needs apt-get (downloads the packages without installing them) and dpkg-deb.
"""
import argparse
import glob
import gzip
import html
import os
import re
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
import vi  # noqa: E402

PACKAGES = ['hunspell-vi', 'fcitx5-bamboo', 'libreoffice-help-vi', 'libreoffice-l10n-vi', 'manpages-vi', 'maint-guide-vi']
HELD_OUT_SEEDS = ['002_', '004_']
NEVER = ['000_', '001_', '003_']


def mo_strings(path):
    data = open(path, 'rb').read()
    if len(data) < 28:
        return []
    magic = struct.unpack('<I', data[:4])[0]
    e = '<' if magic == 0x950412de else '>'
    _, n, _, toff = struct.unpack(e + '4I', data[4:20])
    out = []
    for i in range(n):
        length, off = struct.unpack(e + '2I', data[toff + 8 * i: toff + 8 * i + 8])
        for s in data[off:off + length].split(b'\0'):
            try:
                out.append(s.decode('utf-8'))
            except UnicodeDecodeError:
                pass
    return out


def clean_ui(s):
    s = re.sub(r'%[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]|\{[^}]*\}|\$\{[^}]*\}|<[^>]+>|&[a-z]+;', ' ', s)
    s = s.replace('_', '').replace('&', '').replace('~', '')
    return s


def html_text(path):
    raw = open(path, encoding='utf-8', errors='replace').read()
    raw = re.sub(r'(?s)<(script|style|head)[^>]*>.*?</\1>', ' ', raw)
    raw = re.sub(r'(?i)<(br|p|div|li|h\d|tr|td)[^>]*>', '\n', raw)
    return html.unescape(re.sub(r'<[^>]+>', ' ', raw))


def man_text(path):
    opener = gzip.open if path.endswith('.gz') else open
    out = []
    for line in opener(path, 'rt', encoding='utf-8', errors='replace'):
        if line.startswith(('.', "'")):
            line = re.sub(r'^\.\w+\s*', '', line)
        line = re.sub(r'\\f[BIRP]|\\\(..|\\[-&e]|\\\*\(..|\\s[-+]?\d', '', line)
        out.append(line)
    return ''.join(out)


def keep_vietnamese(text):
    """Lines that are Vietnamese prose (not English, not code)."""
    for line in text.split('\n'):
        line = ' '.join(line.split())
        if len(vi.WORD.findall(line)) >= 3 and vi.vietnamese_share(line) >= 0.4:
            yield vi.nfc(line)


def old_style_text(line):
    return vi.WORD.sub(lambda m: vi.old_style(m.group(0)), line)


def unseen(text, held):
    """The text without any run of 8 words that a held-out or test text also has: the words such runs cover are
    cut out, and what is left of the line on either side becomes a line of its own. Source lines are dropped."""
    kept, dropped = [], 0
    for line in text.split('\n'):
        if line.startswith('# source:'):
            continue
        tokens = line.split()
        words = [(w, t) for t, tok in enumerate(tokens) for w in vi.WORD.findall(vi.fold_case(tok))]
        covered = set()
        for i in range(len(words) - 7):
            if tuple(w for w, _ in words[i:i + 8]) in held:
                covered |= {t for _, t in words[i:i + 8]}
        if not covered:
            kept.append(line)
            continue
        dropped += len(covered)
        run = []
        for t, tok in enumerate(tokens + ['']):
            if t in covered or t == len(tokens):
                if run:
                    kept.append(' '.join(run))
                run = []
            else:
                run.append(tok)
    return '\n'.join(kept), dropped


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('work')
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(__file__), '../../../shared'))
    ap.add_argument('--web', default=None)
    a = ap.parse_args()
    work = os.path.abspath(a.work)
    deb, root, out = (os.path.join(work, d) for d in ('deb', 'root', 'corpus'))
    for d in (deb, root, out, os.path.join(out, 'heldout'), os.path.join(out, 'dev')):
        os.makedirs(d, exist_ok=True)
    if not glob.glob(os.path.join(deb, '*.deb')):
        subprocess.run(['apt-get', 'download'] + PACKAGES, cwd=deb, check=True)
    for f in glob.glob(os.path.join(deb, '*.deb')):
        subprocess.run(['dpkg-deb', '-x', f, root], check=True)

    # general text
    seen = set()
    lines = []

    def add(text):
        for line in keep_vietnamese(text):
            line = old_style_text(line)
            if line not in seen:
                seen.add(line)
                lines.append(line)

    for f in sorted(glob.glob(root + '/usr/share/libreoffice/help/vi/**/*.html', recursive=True)):
        add(html_text(f))
    for f in sorted(glob.glob(root + '/**/*.mo', recursive=True)) + sorted(glob.glob('/usr/share/locale/vi/LC_MESSAGES/*.mo')):
        add('\n'.join(clean_ui(s) for s in mo_strings(f)))
    for f in sorted(glob.glob(root + '/usr/share/man/vi/**/*.gz', recursive=True)):
        add(man_text(f))
    for f in glob.glob(root + '/usr/share/doc/maint-guide-vi/*.txt.gz'):
        add(gzip.open(f, 'rt', encoding='utf-8', errors='replace').read())
    with open(os.path.join(out, 'general.txt'), 'w', encoding='utf-8') as w:
        w.write('\n'.join(lines) + '\n')
    print(f'general: {len(lines)} lines, {sum(len(l.split()) for l in lines)} words', file=sys.stderr)

    # administrative text: dev-directives split by position, web texts
    dev = sorted(glob.glob(os.path.join(a.shared, 'dev-directives', '*.txt')))
    training = []
    for i, f in enumerate(dev):
        body = open(f, encoding='utf-8').read()
        body = '\n'.join(l for l in body.split('\n') if not l.startswith('# source:'))
        if i % 3 == 2:
            open(os.path.join(out, 'heldout', os.path.basename(f)), 'w', encoding='utf-8').write(vi.nfc(body))
        else:
            training.append(body)
    for f in sorted(glob.glob(os.path.join(a.shared, 'seeds', '*.txt'))):
        name = os.path.basename(f)
        if any(name.startswith(p) for p in HELD_OUT_SEEDS):
            open(os.path.join(out, 'heldout', name), 'w', encoding='utf-8').write(vi.nfc(open(f, encoding='utf-8').read()))
    # no training or dev text may repeat a held-out or test one: runs of 8 words they share are cut out
    tests = glob.glob(os.path.join(out, 'heldout', '*.txt')) + glob.glob(os.path.join(a.shared, 'seeds', 'restored', '*.txt')) \
        + [f for f in glob.glob(os.path.join(a.shared, 'seeds', '*.txt')) if any(os.path.basename(f).startswith(p) for p in NEVER)]
    held = set()
    for f in tests:
        words = vi.WORD.findall(vi.fold_case(open(f, encoding='utf-8').read()))
        held |= {tuple(words[i:i + 8]) for i in range(len(words) - 7)}
    cut = 0
    domain = []
    for body in training:
        body, k = unseen(body, held)
        domain.append(body)
        cut += k
    if a.web:
        train = os.path.join(a.web, 'train') if os.path.isdir(os.path.join(a.web, 'train')) else a.web
        for f in sorted(glob.glob(os.path.join(train, '*.txt'))):
            body, k = unseen(open(f, encoding='utf-8').read(), held)
            domain.append(body)
            cut += k
        for f in sorted(glob.glob(os.path.join(a.web, 'dev', '*.txt'))):
            body, k = unseen(open(f, encoding='utf-8').read(), held)
            cut += k
            open(os.path.join(out, 'dev', os.path.basename(f)), 'w', encoding='utf-8').write(vi.nfc(body).strip() + '\n')
    print(f'{cut} words cut for repeating eight in a row of a held-out or test text', file=sys.stderr)
    with open(os.path.join(out, 'domain.txt'), 'w', encoding='utf-8') as w:
        for body in domain:
            for line in body.split('\n'):
                line = ' '.join(line.split())
                if line:
                    w.write(old_style_text(vi.nfc(line)) + '\n')
            w.write('\n')
    print(f'domain: {len(domain)} texts', file=sys.stderr)

    # syllable inventory
    syl = set()
    for line in open(root + '/usr/share/hunspell/vi_VN.dic', encoding='utf-8').read().split('\n')[1:]:
        w = line.split('/')[0].strip()
        if w and vi.is_syllable(w):
            syl.add(vi.old_style(w.lower()))
    for line in open(root + '/usr/share/fcitx5/bamboo/vietnamese.cm.dict', encoding='utf-8'):
        w = line.strip()
        if w and vi.is_syllable(w):
            syl.add(vi.old_style(w.lower()))
    with open(os.path.join(out, 'syllables.txt'), 'w', encoding='utf-8') as w:
        w.write('\n'.join(sorted(syl)) + '\n')
    print(f'syllables: {len(syl)}', file=sys.stderr)


if __name__ == '__main__':
    main()
