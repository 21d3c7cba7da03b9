# Sourced by bench/startup.sh and bench/floor.sh: timing an application's start to its first answer,
# stopping it, and the figures they report. The sourcing script sets API_PORT and defines
# launch <form> <dir> [arguments...], which starts the application in the background from <dir>
# with its output in <dir>/service.log and its pid in <dir>/pid.

now_ms() { date +%s%3N; }

# start_and_time <form> <dir> [arguments...]: milliseconds from the launch until GET / answers 200.
start_and_time() {
  local t0; t0=$(now_ms)
  launch "$@"
  until curl -sf -o /dev/null "http://127.0.0.1:$API_PORT/"; do
    kill -0 "$(cat "$2/pid")" 2>/dev/null || { echo "it exited; its log, $2/service.log:" >&2; cat "$2/service.log" >&2; exit 1; }
    sleep 0.02
  done
  echo $(( $(now_ms) - t0 ))
}

# stop_all: stops whatever is still running of what was launched under $WORK (for an EXIT trap: the
# launches happen inside command substitutions, so the script's own job list does not hold them).
stop_all() { local pid_file; for pid_file in "$WORK"/*/pid; do [[ -f $pid_file ]] && { kill "$(cat "$pid_file")" 2>/dev/null || true; }; done; return 0; }

# stop <dir>: stops what was launched from <dir> and waits until it is gone (its pid file with it).
stop() { kill "$(cat "$1/pid")"; while kill -0 "$(cat "$1/pid")" 2>/dev/null; do sleep 0.1; done; rm -f "$1/pid"; }
# rss_mb <dir> VmRSS|VmHWM: the process's resident memory now, or its peak, in MB.
rss_mb() { awk -v field="$2:" '$1 == field {print int($2 / 1024)}' "/proc/$(cat "$1/pid")/status"; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
