# The collector's pauses inside each import of a repeat-imports.sh run:
#   JOPTS=-Xlog:gc:file=GC:time benchmarks/repeat-imports.sh > REP
#   python3 benchmarks/import-gc-pauses.py REP GC
# sums the pauses the GC log (wall-clock times) shows within each import's createdAt..finishedAt.
import sys,re,datetime as D
rep,gc=sys.argv[1],sys.argv[2]
wins=[]
for l in open(rep):
    m=re.search(r'import (\d) succeeded.*from (\S+) to (\S+)',l)
    if m: wins.append((m.group(1),D.datetime.fromisoformat(m.group(2).replace('Z','+00:00')),D.datetime.fromisoformat(m.group(3).replace('Z','+00:00'))))
ps=[]
for l in open(gc):
    m=re.match(r'\[(\S+)\].*Pause (\S+).* (\d+\.\d+)ms',l)
    if m: ps.append((D.datetime.strptime(m.group(1)[:23]+m.group(1)[23:],'%Y-%m-%dT%H:%M:%S.%f%z'),m.group(2),float(m.group(3))))
for n,a,b in wins:
    inw=[p for p in ps if a<=p[0]<=b]
    print('import',n,'%.2f s'%(b-a).total_seconds(),'GC pauses',len(inw),'%.0f ms'%sum(p[2] for p in inw),'full',sum(1 for p in inw if p[1]=='Full'))
