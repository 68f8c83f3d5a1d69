# Sourced by run.sh, steady.sh and pg-cpu.sh. jit_ticks PID: the CPU ticks (user + system) its C1
# and C2 compiler threads have used. On one pinned core the compilers take a large share for the
# first minutes, so the scripts leave them out of a server's CPU per request and report them apart.
jit_ticks() {
  local sum=0 t
  for t in /proc/"$1"/task/*; do
    case $(cat "$t/comm" 2>/dev/null) in
      C1\ Compi*|C2\ Compi*) sum=$((sum + $(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}' || echo 0))) ;;
    esac
  done
  echo "$sum"
}
