import sys,collections
f=sys.argv[1]; keys=sys.argv[2].split(',') if len(sys.argv)>2 else []
incl=collections.Counter(); self_=collections.Counter(); thr=collections.Counter(); n=0
for line in open(f):
    stack,c=line.rstrip().rsplit(' ',1); c=int(c); n+=c
    fr=stack.split(';')
    thr[fr[0]]+=c
    self_[fr[-1]]+=c
    for x in set(fr): incl[x]+=c
print('total',n)
print('--- threads'); [print(f'{v*100/n:5.1f}% {k}') for k,v in thr.most_common(12)]
print('--- self'); [print(f'{v*100/n:5.1f}% {k}') for k,v in self_.most_common(20)]
print('--- inclusive'); 
for k,v in incl.most_common(6000):
    if not keys or any(s in k for s in keys): print(f'{v*100/n:5.1f}% {k}')
