import sys,collections
n=0; pk=collections.Counter(); cls=collections.Counter()
for line in open(sys.argv[1]):
    stack,c=line.rstrip().rsplit(' ',1); c=int(c); n+=c
    fr=stack.split(';')
    if fr[0]=='start_thread':
        s=';'.join(fr)
        pk['native:'+('JIT' if 'Compile' in s else 'GC' if ('GC' in s or 'Gen' in s or 'VM' in s) else 'other')]+=c; continue
    j=[x for x in fr if '/' in x and not x.endswith('_[k]') and not x.endswith('_[j]')]
    leaf=None
    for x in reversed(fr):
        if '/' in x and '.' not in x.split('/')[-1][:0] and not x.endswith('_[k]'):
            if x.startswith(('java/','jdk/','sun/')) : continue
            leaf=x; break
    if leaf is None: leaf=j[-1] if j else fr[-1]
    parts=leaf.split('/')
    pk['/'.join(parts[:3])]+=c
    cls[leaf.split('.')[0]]+=c
print('total',n)
for k,v in pk.most_common(30): print(f'{v*100/n:5.1f}% {k}')
print('---')
for k,v in cls.most_common(40): print(f'{v*100/n:5.1f}% {k}')
