# Every 100 ms: CPU ticks of the java app (by pid arg) and of all postgres processes, per interval, with timestamps.
import os,sys,time,datetime
app=int(sys.argv[1]); dur=float(sys.argv[2])
hz=os.sysconf('SC_CLK_TCK')
def cpu(pid):
    try:
        f=open(f'/proc/{pid}/stat').read().rsplit(')',1)[1].split()
        return int(f[11])+int(f[12])
    except Exception: return 0
def pgs():
    s=0
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                if open(f'/proc/{p}/comm').read().startswith('postgres'): s+=cpu(int(p))
            except Exception: pass
    return s
a0,p0=cpu(app),pgs(); t_end=time.time()+dur
while time.time()<t_end:
    time.sleep(0.25)
    a1,p1=cpu(app),pgs()
    if a1-a0 or p1-p0: print(datetime.datetime.utcnow().strftime('%H:%M:%S.%f')[:-3], 'app %.2f pg %.2f'%((a1-a0)/hz/0.25,(p1-p0)/hz/0.25), flush=True)
    a0,p0=a1,p1
