import json,sys,collections
d=json.load(open(sys.argv[1])); start,end=sys.argv[2],sys.argv[3]
evs=[e for e in d['recording']['events'] if start<=e['values']['startTime'][11:23]<=end]
b=collections.defaultdict(collections.Counter)
for e in evs:
    t=e['values']['startTime'][11:21]  # 100 ms buckets
    fr=e['values']['stackTrace']['frames']
    names=[f['method']['type']['name'].split('/')[-1]+'.'+f['method']['name'] for f in fr]
    tag=e['values']['sampledThread']['javaName'][:14]
    for key in ('WholeLogbookFolds','copyRows','NewTick','figureTicks','FigureTickRows','encode','translate','parse'):
        if any(key in n for n in names): tag+=':'+key; break
    b[t][tag]+=1
for t in sorted(b): print(t, dict(b[t]))
