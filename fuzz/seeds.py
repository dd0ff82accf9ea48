#!/usr/bin/env python3
"""seeds.py - make the fuzz targets' seed corpora (never committed).

    fuzz/seeds.py OUT_DIR SHARED_DIR

Writes OUT_DIR/TARGET/seed-N files: real news articles from
SHARED_DIR/corpus/articles.jsonl (when present) and a few sentences of our
own, cut to a few kilobytes and shaped for each target (a JSON line, a dated
text, a CSV file, a bare text), and for the data loaders the project's own
dictionaries in chunks.  The
fuzzer starts from these and mutates them; inputs it finds are added to the
same directories, which are not part of the tree.
"""
import csv
import io
import json
import os
import sys

MAX = 4000          # bytes of text per seed: long enough for many sentences


def write(out, target, n, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode('utf-8')
    with open(os.path.join(d, 'seed-%04d' % n), 'wb') as f:
        f.write(data)


def cut(text):
    """The first MAX bytes of text, ending at a paragraph or sentence."""
    b = text.encode('utf-8')
    if len(b) <= MAX:
        return text
    t = b[:MAX].decode('utf-8', 'ignore')
    for sep in ('\n\n', '. '):
        k = t.rfind(sep)
        if k > MAX // 2:
            return t[:k + 1]
    return t


def articles(shared):
    path = os.path.join(shared, 'corpus', 'articles.jsonl')
    if not os.path.exists(path):
        return []
    docs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            try:
                docs.append(json.loads(line))
            except ValueError:
                pass
    return docs


def data_chunks(path, lines_per_chunk, skip):
    """Pieces of a data file, without the lines that name other files."""
    with open(path, encoding='utf-8') as f:
        lines = [l for l in f if not any(s in l for s in skip)]
    for i in range(0, len(lines), lines_per_chunk):
        yield ''.join(lines[i:i + lines_per_chunk])


# A few sentences of our own, so that the fuzzer has news-like text to
# start from even without the shared corpus.
OWN = [
    "The United States will send 1,500 rifles and $350 million in aid to Ukraine, "
    "Secretary of State Antony Blinken said on Thursday.",
    "Russian forces shelled Kharkiv overnight, killing at least 12 civilians and "
    "injuring dozens more, the regional governor said.",
    "Since the full-scale invasion began on Feb. 24, more than 2.5 million people have "
    "fled, the U.N. refugee agency said last week.",
    "Talks between Ukraine and Russia are scheduled for next Monday in Belarus.",
    "The EU imposed sanctions on 146 members of the Federation Council (about 40%).",
]


def main():
    out, shared = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    docs = articles(shared)
    docs += [{'id': 'own%d' % i, 'date': '2022-03-03', 'title': '', 'text': t}
             for i, t in enumerate(OWN)]
    for n, d in enumerate(docs):
        text = cut(d.get('text', ''))
        date = d.get('date', '') or ''
        doc = {'id': d.get('id', 'doc%d' % n), 'date': date, 'title': d.get('title', ''),
               'text': text}
        write(out, 'reader_jsonl', n, json.dumps(doc, ensure_ascii=n % 2 == 0) + '\n')
        write(out, 'reader_text', n, 'date %s %s\n' % (date, text))
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(['id', 'date', 'title', 'text'])
        w.writerow([doc['id'], date, doc['title'], text])
        write(out, 'reader_csv', n, buf.getvalue())
        for t in ('text', 'numbers', 'pipeline'):
            write(out, t, n, text)
        write(out, 'dates', n, bytes([n % 256]) + text.encode('utf-8'))
    # the loaders start from the project's own data files
    n = 0
    kb = os.path.join(root, 'data', 'kb')
    for name in sorted(os.listdir(kb)):
        if name.endswith('.txt'):
            for chunk in data_chunks(os.path.join(kb, name), 40, ('@include', '@iso3166')):
                write(out, 'kb', n, chunk)
                n += 1
    n = 0
    pats = os.path.join(root, 'data', 'patterns')
    for name in sorted(os.listdir(pats)):
        if name.endswith('.txt'):
            for chunk in data_chunks(os.path.join(pats, name), 40, ('include',)):
                write(out, 'patterns', n, chunk)
                n += 1
    print('fuzz: seeds from %d texts in %s' % (len(docs), out), file=sys.stderr)


if __name__ == '__main__':
    main()
