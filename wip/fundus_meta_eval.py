import json, gzip, subprocess, sys, unicodedata, datetime, re
meta = {json.loads(l)['id']: json.loads(l) for l in open('/work/shared/corpus/fundus_meta.jsonl')}
pages = []
for l in gzip.open('/work/shared/corpus/modern.jsonl.gz', 'rt'):
    r = json.loads(l)
    if r['id'] in meta:
        pages.append({'id': r['id'], 'url': r.get('url'), 'html': r['html']})
inp = '\n'.join(json.dumps(p) for p in pages) + '\n'
out = subprocess.run([sys.argv[1], '--format', 'jsonl', '--to', 'jsonl', '-q', '-'], input=inp.encode(), capture_output=True).stdout.decode()
recs = {json.loads(l)['id']: json.loads(l) for l in out.splitlines()}
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
def norm(n):
    n = unicodedata.normalize('NFKD', n.lower())
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
        t = r.get('headline') or r.get('title') or ''
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
    nt += 1; t = r.get('headline') or r.get('title') or ''
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
        t = r.get('headline') or r.get('title') or ''
        if not (norm(t) != '' and (norm(t) == norm(m['title']) or norm(t) in norm(m['title']))): print('TITLE', pid, repr(m['title'][:60]), '|', repr(t[:60]))
