"""Metadata against fundus_meta.jsonl: the fundus pages of the modern
corpus cleaned by the dejunk command line, their date, authors and headline
compared with what fundus's hand-written parsers give.

    cargo build --release -p dejunk-cli
    python3 bench/fundus_meta.py target/release/dejunk [--text] [--title] [-v] [-a] [-t]
    python3 bench/fundus_meta.py VENV/bin/python --trafilatura   # the peer, same scoring

--text: the pages' text (with their URL), not their HTML. --title: compare
the title (the line the cleaner finds) instead of the headline. -v, -a, -t:
list the pages whose date, authors or title differ. Reads ../shared/corpus
(DEJUNK_SHARED overrides ../shared).

Prints the figures on all pages, then on the "aligned" ones: 64 publishers
with several pages carry one record for all of them in fundus_meta.jsonl
(their newest test page's), so only a page whose record's title is in its
HTML is checked against its own record. Dates: the same day (UTC or as
written); authors: F1 of the names, case, accents and spaces aside;
headline: equal to the record's title or contained in it, case, accents,
typographic quotes and soft hyphens aside.
"""
import json, gzip, os, subprocess, sys, unicodedata, datetime
SHARED = os.environ.get('DEJUNK_SHARED', os.path.join(os.path.dirname(__file__), '..', '..', 'shared'))
meta = {json.loads(l)['id']: json.loads(l) for l in open(os.path.join(SHARED, 'corpus', 'fundus_meta.jsonl'))}
pages = []
for l in gzip.open(os.path.join(SHARED, 'corpus', 'modern.jsonl.gz'), 'rt'):
    r = json.loads(l)
    if r['id'] in meta:
        pages.append({'id': r['id'], 'url': r.get('url'), 'html': r['html'], 'text': r['text']})
# --input text: the page's text (with its URL), not its HTML.
kind = 'text' if '--text' in sys.argv else 'html'
inp = ''.join(json.dumps({'id': p['id'], 'url': p['url'], kind: p[kind]}) + '\n' for p in pages)
# trafilatura's metadata (extract_metadata: its own rules and htmldate),
# run by a Python that has it installed.
PEER = r'''
import json, sys
from trafilatura import extract_metadata
for line in sys.stdin:
    p = json.loads(line)
    m = extract_metadata(p['html'], default_url=p.get('url'))
    r = {'id': p['id']}
    if m is not None:
        r.update(date=m.date, headline=m.title, title=m.title,
                 authors=[a.strip() for a in (m.author or '').split(';') if a.strip()] or None)
    print(json.dumps(r))
'''
if '--trafilatura' in sys.argv:
    cmd = [sys.argv[1], '-c', PEER]
else:
    cmd = [sys.argv[1], '--format', 'jsonl', '--to', 'jsonl', '-q', '-']
out = subprocess.run(cmd, input=inp.encode(), capture_output=True).stdout.decode()
recs = {json.loads(l)['id']: json.loads(l) for l in out.split('\n') if l}
def day(s):
    if not s: return None
    s = s.strip().replace(' ', 'T', 1)
    try:
        d = datetime.datetime.fromisoformat(s)
    except ValueError:
        try: return datetime.date.fromisoformat(s[:10])
        except ValueError: return None
    if d.tzinfo: d = d.astimezone(datetime.timezone.utc)
    return d.date()
def local_day(s):
    try: return datetime.date.fromisoformat(s.strip()[:10])
    except Exception: return None
QUOTES = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201c': '"', '\u201d': '"', '\u201e': '"', '\xab': '"', '\xbb': '"', '\xad': None})
def norm(n):
    # Case, accents, typographic quotes and soft hyphens aside.
    n = unicodedata.normalize('NFKD', n.lower().translate(QUOTES))
    return ' '.join(''.join(c for c in n if not unicodedata.combining(c)).split())
dr = dn = 0; miss = []
af = []; tr = 0; nt = 0
for pid, m in meta.items():
    r = recs.get(pid)
    if r is None: continue
    g = m.get('date'); o = r.get('date')
    if g:
        dn += 1
        ok = o is not None and (day(o) == day(g) or local_day(o) == local_day(g))
        dr += ok
        if not ok: miss.append((pid, g, o))
    ga = [norm(a) for a in m.get('authors') or []]; oa = [norm(a) for a in r.get('authors') or []]
    if ga or oa:
        c = len(set(ga) & set(oa))
        p = c / len(oa) if oa else (1.0 if not ga else 0.0)
        rr = c / len(ga) if ga else (1.0 if not oa else 0.0)
        af.append(0 if c == 0 else 2 * p * rr / (p + rr))
    if m.get('title'):
        nt += 1
        t = (r.get('title') if '--title' in sys.argv else r.get('headline')) or r.get('title') or ''
        tr += norm(t) != '' and (norm(t) == norm(m['title']) or norm(t) in norm(m['title']))
print(f"pages {len(recs)}; date right to the day {dr}/{dn} = {dr/dn:.3f}; authors F1 {sum(af)/len(af):.3f} over {len(af)} pages; title right {tr}/{nt} = {tr/nt:.3f}")
if '-v' in sys.argv:
    for x in miss: print('DATE', x)
# Aligned pages only: the record's title is in the page's HTML (the record is this page's).
import html as H
aligned = set()
for p in pages:
    t = meta[p['id']]['title']
    if t and norm(t)[:40] in norm(H.unescape(p['html'])):
        aligned.add(p['id'])
dr = dn = 0; af = []; tr = nt = 0; miss=[]
for pid in aligned:
    m = meta[pid]; r = recs.get(pid)
    if r is None: continue
    g = m.get('date'); o = r.get('date')
    dn += 1; ok = o is not None and (day(o) == day(g) or local_day(o) == local_day(g)); dr += ok
    if not ok: miss.append((pid,g,o))
    ga = [norm(a) for a in m.get('authors') or []]; oa = [norm(a) for a in r.get('authors') or []]
    if ga or oa:
        c = len(set(ga) & set(oa)); p_ = c/len(oa) if oa else 0.0; rr = c/len(ga) if ga else 0.0
        af.append(0 if c == 0 else 2*p_*rr/(p_+rr))
    nt += 1; t = (r.get('title') if '--title' in sys.argv else r.get('headline')) or r.get('title') or ''
    tr += norm(t) != '' and (norm(t) == norm(m['title']) or norm(t) in norm(m['title']))
print(f"aligned pages {len(aligned)}: date right {dr}/{dn} = {dr/dn:.3f}; authors F1 {sum(af)/len(af):.3f} over {len(af)}; title right {tr}/{nt} = {tr/nt:.3f}")
if '-v' in sys.argv:
    for x in miss: print('ALIGNED DATE', x)
if '-a' in sys.argv:
    for pid in sorted(aligned):
        m = meta[pid]; r = recs.get(pid) or {}
        ga = [norm(a) for a in m.get('authors') or []]; oa = [norm(a) for a in r.get('authors') or []]
        if set(ga) != set(oa): print('AUTH', pid, m.get('authors'), '|', r.get('authors'))
if '-t' in sys.argv:
    for pid in sorted(aligned):
        m = meta[pid]; r = recs.get(pid) or {}
        t = (r.get('title') if '--title' in sys.argv else r.get('headline')) or r.get('title') or ''
        if not (norm(t) != '' and (norm(t) == norm(m['title']) or norm(t) in norm(m['title']))): print('TITLE', pid, repr(m['title'][:60]), '|', repr(t[:60]))
