"""Metadata::language against the modern corpus's `lang` field, every page,
as HTML and as text, by the dejunk command line.

    cargo build --release -p dejunk-cli
    python3 bench/language.py target/release/dejunk html text

Right: the same primary tag; none: no language given; wrong: another one
(the commonest pairs, gold first). Reads ../shared/corpus (DEJUNK_SHARED
overrides ../shared).
"""
import json, gzip, os, subprocess, collections, sys
SHARED = os.environ.get('DEJUNK_SHARED', os.path.join(os.path.dirname(__file__), '..', '..', 'shared'))
pages=[]
for l in gzip.open(os.path.join(SHARED, 'corpus', 'modern.jsonl.gz'), 'rt'):
    r=json.loads(l); pages.append({'id':r['id'],'lang':r.get('lang'),'text':r['text'],'html':r['html']})
gold={p['id']:p['lang'] for p in pages}
for kind in sys.argv[2:]:
    inp=''.join(json.dumps({'id':p['id'],kind:p[kind]})+'\n' for p in pages)
    out=subprocess.run([sys.argv[1],'--format','jsonl','--to','jsonl','-q','-'],input=inp.encode(),capture_output=True).stdout.decode()
    recs={}
    for l in out.split('\n'):
        if l: r=json.loads(l); recs[r['id']]=r
    right=none=0; wrong=collections.Counter()
    for i,g in gold.items():
        o=recs.get(i,{}).get('lang')
        if o is None: none+=1
        elif o.split('-')[0]==g.split('-')[0]: right+=1
        else: wrong[(g,o)]+=1
    print(kind,'right',right,'none',none,'wrong',sum(wrong.values()),'of',len(gold), wrong.most_common(8))
