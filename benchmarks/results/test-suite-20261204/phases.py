import re,sys
# usage: phases.py <run name under /work/runs | path to a .log> ...
for f in sys.argv[1:]:
    lines=open(f if f.endswith(".log") else f"/work/runs/{f}.log", errors="replace").read().splitlines()
    mods=0;app=arch=None
    for l in lines:
        m=re.search(r'Cruxlog :: ([\w ]+?) \.+ SUCCESS \[\s*(?:(\d+):)?([\d.]+)\s*(s|min)',l)
        if m:
            secs=float(m.group(3))+ (int(m.group(2))*60 if m.group(2) else 0)
            if m.group(1)=='app': app=secs
            elif m.group(1).startswith('architecture'): arch=secs
            else: mods+=secs
    def t(s): h,mi,se=s.split(':'); return int(h)*3600+int(mi)*60+float(se)
    i=[k for k,l in enumerate(lines) if 'Building Cruxlog :: app' in l][0]
    appl=lines[i:]
    run=[l for l in appl if 'Running dev.cruxlog' in l]
    tot=[l for l in appl if re.search(r'Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+$',l)]
    s=t(run[0][:12]); e=t(tot[0][:12]); fe=t(tot[1][:12])
    fs=[l for l in appl if re.search(r'Running dev.cruxlog.\w+IT$',l)]
    fst=min(t(l[:12]) for l in fs)
    total=[l for l in lines if 'Total time' in l][-1].split('Total time:')[1].strip()
    print(f, 'total',total,'| modules %.1f'%mods,'| app module %.1f'%app,'| app tests %.1f'%(e-s),'| failsafe %.1f'%(fe-fst),'| arch %.1f'%arch)
