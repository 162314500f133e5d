#!/usr/bin/env python3
"""Makes OCR-damaged Vietnamese the way the samples were made: clean text rendered to page images
(tesseract's text2image, with speckle, blur and slight rotation), read back with the ENGLISH model
(`tesseract -l eng`), as the scans behind samples 000, 001 and 003 were.

  synth.py pairs WORK [scan] training text (WORK/corpus/domain.txt and a sample of general.txt)
                             -> WORK/synth/pairs.tsv (pairs-scan.tsv): one line per aligned word, "clean<TAB>ocr"
  synth.py heldout WORK OUT  each held-out text -> OUT/NAME.K.clean.txt and OUT/NAME.K.ocr.txt (two renderings)
  synth.py dev WORK OUT      each dev text (WORK/corpus/dev: web texts kept out of the models, to fix the
                             restorer's settings on) the same way, once as a good scan and once as a cheap one

One tesseract at a time with OMP_THREAD_LIMIT=1 (the machine is shared). Needs tesseract-ocr (eng), text2image
(tesseract-ocr's training tools) and the fonts in FONTS (fonts-freefont-ttf, fonts-dejavu-core).
"""
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
import align  # noqa: E402

FONTS = [('FreeSerif', 5), ('DejaVu Serif', 2), ('FreeSans', 1), ('DejaVu Sans', 1), ('FreeSerif Bold', 1)]
FONT_DIRS = ['/usr/share/fonts/truetype/freefont', '/usr/share/fonts/truetype/dejavu']


# How pages are printed and scanned: "clean" as a good scanner at 200-300 dpi, "scan" as a cheap one at
# 150-200 dpi with darker exposure, where marks merge with their letters ("ộ" read as "g", "ố" as "b").
PROFILES = {
    'clean': dict(res=[300, 300, 300, 250, 200], exposure=[-1, 0, 0, 1]),
    'scan': dict(res=[150, 170, 200, 200], exposure=[0, 1, 2, 2]),
}


def check_tools():
    """Says what is missing (the fonts are not installed with tesseract): apt-get install tesseract-ocr
    tesseract-ocr-eng fonts-freefont-ttf fonts-dejavu-core (text2image comes with tesseract-ocr's training tools)."""
    missing = [d for d in FONT_DIRS if not os.path.isdir(d)]
    for tool in ('text2image', 'tesseract'):
        if not any(os.access(os.path.join(p, tool), os.X_OK) for p in os.environ.get('PATH', '').split(os.pathsep)):
            missing.append(tool)
    if missing:
        sys.exit('synth.py needs ' + ', '.join(missing) + ': apt-get install tesseract-ocr tesseract-ocr-eng fonts-freefont-ttf fonts-dejavu-core')


def render_and_read(text, rng, tmp, profile='clean'):
    font = rng.choices([f for f, _ in FONTS], [w for _, w in FONTS])[0]
    res = rng.choice(PROFILES[profile]['res'])
    pt = rng.choice([12, 13, 13, 14])
    src = os.path.join(tmp, 'in.txt')
    open(src, 'w', encoding='utf-8').write(text)
    base = os.path.join(tmp, 'page')
    fonts = os.path.join(tmp, 'fonts')
    if not os.path.isdir(fonts):
        os.makedirs(fonts)
        for d in FONT_DIRS:
            for f in os.listdir(d):
                if f.endswith('.ttf'):
                    os.symlink(os.path.join(d, f), os.path.join(fonts, f))
    width = int(8.27 * res)
    subprocess.run(['text2image', f'--fonts_dir={fonts}', f'--fontconfig_tmpdir={tmp}', f'--font={font}',
                    f'--text={src}', f'--outputbase={base}', f'--resolution={res}', f'--ptsize={pt}',
                    f'--xsize={width}', f'--ysize={int(11.69 * res)}', f'--margin={int(res * 0.8)}',
                    f'--exposure={rng.choice(PROFILES[profile]["exposure"])}', '--strip_unrenderable_words=false'],
                   check=True, capture_output=True)
    env = dict(os.environ, OMP_THREAD_LIMIT='1')
    out = subprocess.run(['tesseract', base + '.tif', 'stdout', '-l', 'eng'], capture_output=True, env=env, check=True)
    return out.stdout.decode('utf-8', errors='replace'), (font, res, pt)


def chunks(lines, size):
    for i in range(0, len(lines), size):
        yield lines[i:i + size]


def pairs(work, profile='clean'):
    rng = random.Random(18 if profile == 'clean' else 1800)
    corpus = os.path.join(work, 'corpus')
    domain = [l for l in open(os.path.join(corpus, 'domain.txt'), encoding='utf-8').read().split('\n') if l.strip()]
    general = [l for l in open(os.path.join(corpus, 'general.txt'), encoding='utf-8').read().split('\n') if len(l.split()) >= 6]
    rng.shuffle(general)
    pages = int(os.environ.get('SYNTH_PAGES', '140'))
    texts = list(chunks(domain, 30)) + list(chunks(general[:pages * 30], 30))[:pages]
    name = 'pairs.tsv' if profile == 'clean' else f'pairs-{profile}.tsv'
    os.makedirs(os.path.join(work, 'synth'), exist_ok=True)
    n = 0
    with open(os.path.join(work, 'synth', name), 'w', encoding='utf-8') as w, tempfile.TemporaryDirectory() as tmp:
        for i, lines in enumerate(texts):
            clean = '\n'.join(lines)
            ocr, how = render_and_read(clean, rng, tmp, profile)
            for c, o in align.word_pairs(clean, ocr):
                w.write(f'{c}\t{o}\n')
                n += 1
            print(f'{i + 1}/{len(texts)} {how} pairs so far {n}', file=sys.stderr)


def heldout(work, out, which='heldout'):
    rng = random.Random(1818 if which == 'heldout' else 1819)
    profiles = ['clean', 'clean'] if which == 'heldout' else ['clean', 'scan']
    os.makedirs(out, exist_ok=True)
    src = os.path.join(work, 'corpus', which)
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(src)):
            clean = open(os.path.join(src, name), encoding='utf-8').read().strip() + '\n'
            stem = name[:-4]
            for k, profile in enumerate(profiles):
                ocr, how = render_and_read(clean, rng, tmp, profile)
                open(os.path.join(out, f'{stem}.{k}.clean.txt'), 'w', encoding='utf-8').write(clean)
                open(os.path.join(out, f'{stem}.{k}.ocr.txt'), 'w', encoding='utf-8').write(ocr)
                print(name, k, how, file=sys.stderr)


if __name__ == '__main__':
    check_tools()
    if sys.argv[1] == 'pairs':
        pairs(os.path.abspath(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else 'clean')
    else:
        heldout(os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3]), sys.argv[1])
