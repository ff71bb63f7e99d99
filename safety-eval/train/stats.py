#!/usr/bin/env python3
"""Prints per-file counts (level, category, variety, about, hard negatives) for the
training TSVs as Markdown. Level counts use min_level. 'messy' is a heuristic count
of items with non-standard spelling (shorthand, leetspeak, spaced/dotted letters,
repeated letters, all caps, algospeak)."""
import collections, re, sys, os
LV = ['none', 'low', 'medium', 'high', 'imminent']
MESSY = re.compile(r"\b(q|xq|tmb|ntp|xfa|kiero|kisiera|qiero|toy|toi|pastiyas?|suisid\w*|aser|ago|ablar|tngo|tds|mñn|kms|unalive\w*|sewerslide|idk|tbh|ngl|fr|rn|tmrw|s2g|wud|cud|pilz|alr|ily|lol|lmao)\b"
                   r"|[a-záéíóú]*[0-9@][a-z]|(\w)\2{2,}|(\b\w\s){4,}|(\w\.){4,}", re.I)
MESSY_ES = re.compile(r"\b(ojala|adios|aqui|aki|asi|despues|tambien|dia|estarian|weon|toos|too|na|pa|pe|nunk|grax|xa|noxe|nesecit\w*|dise|cn|[mdtxk])\b", re.I)  # Spanish words missing accents / shorthand
def rows(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or line.startswith('id\t'): continue
            c = line.rstrip('\n').split('\t')
            if len(c) == 8: yield dict(zip(['id','variety','about','min','max','hn','cat','text'], c))
def table(title, counter, total, order=None):
    keys = order or sorted(counter, key=lambda k: (-counter[k], k))
    out = [f'| {title} | items | % |', '|---|---:|---:|']
    out += [f'| {k} | {counter[k]} | {100*counter[k]/total:.1f} |' for k in keys if counter[k]]
    return '\n'.join(out)
here = os.path.dirname(os.path.abspath(__file__))
for name in ('items-es.tsv', 'items-en.tsv'):
    R = list(rows(os.path.join(here, name))); n = len(R)
    print(f'### {name}: {n} items\n')
    print(table('min_level', collections.Counter(r['min'] for r in R), n, LV) + '\n')
    wide = sum(r['min'] != r['max'] for r in R)
    hn = sum(r['hn'] == 'yes' for r in R)
    messy = sum(bool(MESSY.search(r['text'])) or (name.endswith('es.tsv') and bool(MESSY_ES.search(r['text']))) or (r['text'].isupper() and len(r['text']) > 8) for r in R)
    print(f'- ranges one step wide (min < max): {wide}\n- hard negatives: {hn} ({100*hn/n:.1f} % of all, '
          f'{100*hn/max(1,sum(r["min"]=="none" for r in R)):.1f} % of none)\n- messy spelling (heuristic): {messy} ({100*messy/n:.1f} %)\n')
    print(table('about', collections.Counter(r['about'] for r in R), n) + '\n')
    print(table('category', collections.Counter(r['cat'] for r in R), n) + '\n')
    print(table('variety', collections.Counter(r['variety'] for r in R), n) + '\n')
