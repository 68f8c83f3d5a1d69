# Sourced by pg-cpu.sh and coach-costs.sh. pg_ticks: the CPU ticks (user + system) of every postgres
# process on this machine (one cluster here), plus what the postmaster has collected of children that
# ended (cutime + cstime), so a backend or an autovacuum worker that exits inside a measured window
# still counts.
pg_ticks() {
  local postmaster s v p
  postmaster=$(pgrep -o -x postgres)
  s=$(awk '{print $16 + $17}' /proc/"$postmaster"/stat)
  for p in $(pgrep -x postgres); do v=$(awk '{print $14 + $15}' /proc/"$p"/stat 2>/dev/null || echo 0); s=$((s + v)); done
  echo "$s"
}
