#!/usr/bin/env python3
"""Turns the public administrative texts gathered for the language model into one file per page.

The texts were looked up by hand with the team's search tool (stored public web pages; the queries are in
web-queries.txt) and saved as batch files: each page starts with a line "@@@ URL" and carries the page's text as
the stored copy gives it (about the first 2,000 characters). This script
  - drops pages whose address is a development directive's (../shared/dev-directives, first line "# source:"),
  - keeps one copy of each address,
  - writes OUT/train/wNNN.txt and, for every DEV_EVERY-th page, OUT/dev/wNNN.txt ("# source: URL" first),
  - prints the addresses kept, for web-sources.txt.
The 8-words-in-a-row filter against the held-out texts is corpus.py's, applied to both.

Vietnamese legal and administrative documents are not protected by copyright (Luật Sở hữu trí tuệ, Article 15);
only n-gram statistics of them are kept in the repository.

usage: web.py OUT BATCH... [--shared DIR] [--old DIR] [--dev-every N]
  --old: an earlier gathering: one-file-per-page texts, all training, or an earlier OUT (its train/ stays training,
         its dev/ stays the dev split)
  --dev-every: every N-th new page goes to the dev split (5; 0: none, so that the dev split stays the one the
         settings were fixed on and its figures compare)
"""
import argparse
import glob
import os
import sys
import unicodedata

DEV_EVERY = 5


def pages(path):
    url, lines = None, []
    for line in open(path, encoding='utf-8'):
        if line.startswith('@@@ '):
            if url:
                yield url, ''.join(lines)
            url, lines = line[4:].strip(), []
        elif url:
            lines.append(line)
    if url:
        yield url, ''.join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('batches', nargs='+')
    ap.add_argument('--shared', default=os.path.join(os.path.dirname(__file__), '../../../shared'))
    ap.add_argument('--old', default=None)
    ap.add_argument('--prefix', default='w', help='file names of the new pages: PREFIXnnn.txt')
    ap.add_argument('--dev-every', type=int, default=DEV_EVERY)
    a = ap.parse_args()
    excluded = set()
    for f in glob.glob(os.path.join(a.shared, 'dev-directives', '*.txt')):
        first = open(f, encoding='utf-8').readline()
        if first.startswith('# source:'):
            excluded.add(first[len('# source:'):].strip())
    seen = set(excluded)
    for d in ('train', 'dev'):
        os.makedirs(os.path.join(a.out, d), exist_ok=True)
    n = dev = 0
    if a.old:
        earlier = [(d, d) for d in ('train', 'dev') if os.path.isdir(os.path.join(a.old, d))] or [('', 'train')]
        for folder, split in earlier:
            for f in sorted(glob.glob(os.path.join(a.old, folder, '*.txt'))):
                text = open(f, encoding='utf-8').read()
                url = text.split('\n', 1)[0][len('# source:'):].strip()
                seen.add(url)
                name = os.path.basename(f) if folder else 'old-' + os.path.basename(f)
                open(os.path.join(a.out, split, name), 'w', encoding='utf-8').write(text)
    kept = []
    for batch in a.batches:
        for url, text in pages(batch):
            if url in seen:
                print(f'skipped (dev directive or repeated): {url}', file=sys.stderr)
                continue
            seen.add(url)
            n += 1
            split = 'dev' if a.dev_every and n % a.dev_every == 0 else 'train'
            dev += split == 'dev'
            body = unicodedata.normalize('NFC', text).strip() + '\n'
            open(os.path.join(a.out, split, f'{a.prefix}{n:03d}.txt'), 'w', encoding='utf-8').write(f'# source: {url}\n{body}')
            kept.append(url)
    print(f'{n} pages: {n - dev} training, {dev} dev', file=sys.stderr)
    print('\n'.join(kept))


if __name__ == '__main__':
    main()
