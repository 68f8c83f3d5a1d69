# prints app_ticks pg_ticks
app=$(cat /tmp/s8/app.pid)
a=$(awk '{print $14+$15}' /proc/$app/stat)
p=0; for pid in $(pgrep -f '^postgres'); do v=$(awk '{print $14+$15}' /proc/$pid/stat 2>/dev/null || echo 0); p=$((p+v)); done
echo $a $p
