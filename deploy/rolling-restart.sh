#!/usr/bin/env bash
# Restarts the API instances (systemd units erun-api@<port>) one at a time behind nginx, dropping no request:
#
#   sudo deploy/rolling-restart.sh 3001 3002      # the ports of deploy/nginx.conf's upstream
#
# For each port: every other instance must answer /api/ready 200 first (never take down the last one serving);
# then `systemctl restart` sends SIGTERM and waits for the exit (the process drains: /api/ready 503, serves
# SHUTDOWN_DRAIN_SECONDS more, finishes what it accepted, exits 0) and starts it again; the script waits for
# /api/ready 200 on that port, then SETTLE_SECONDS more, so that nginx, whose passive checks (max_fails,
# fail_timeout=5s) marked the instance down while it restarted, sends it traffic again before the next one stops.
# apps/server/src/test/rolling-restart.fault.test.ts does the same under load through nginx and counts failures.
#
# Environment: READY_TIMEOUT_SECONDS (120), SETTLE_SECONDS (6: above nginx's fail_timeout), API_HOST (127.0.0.1),
# UNIT (erun-api@%s.service; %s is the port), RESTART_COMMAND (systemctl restart; run as `$RESTART_COMMAND
# <unit>`, and like systemctl it must return once the old process has exited and the new one is started).
set -euo pipefail

READY_TIMEOUT_SECONDS="${READY_TIMEOUT_SECONDS:-120}"
SETTLE_SECONDS="${SETTLE_SECONDS:-6}"
API_HOST="${API_HOST:-127.0.0.1}"
UNIT="${UNIT:-erun-api@%s.service}"
RESTART_COMMAND="${RESTART_COMMAND:-systemctl restart}"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 PORT [PORT…]   (the API instances' ports, e.g. 3001 3002)" >&2
  exit 2
fi

log() { printf '%s rolling-restart: %s\n' "$(date -u +%H:%M:%S)" "$*"; }

ready() { curl -fsS --max-time 2 -o /dev/null "http://$API_HOST:$1/api/ready"; }

wait_ready() { # wait_ready PORT
  local deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until ready "$1"; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "port $1: /api/ready not 200 after ${READY_TIMEOUT_SECONDS} s; stopping here (journalctl -u $(printf "$UNIT" "$1"))"
      return 1
    fi
    sleep 1
  done
}

for port in "$@"; do
  for other in "$@"; do
    if [ "$other" != "$port" ] && ! ready "$other"; then
      log "port $other is not ready: not restarting $port (it would leave nothing serving)"
      exit 1
    fi
  done
  unit="$(printf "$UNIT" "$port")"
  started=$SECONDS
  log "restarting $unit (drains first)"
  # shellcheck disable=SC2086 # a command with its arguments
  $RESTART_COMMAND "$unit"
  wait_ready "$port"
  log "$unit ready after $((SECONDS - started)) s; letting nginx take it back (${SETTLE_SECONDS} s)"
  sleep "$SETTLE_SECONDS"
done
log "done: $* restarted"
