#!/usr/bin/env bash
# Starts a Docker engine (for `make images` and the docker-tagged tests) and stops it again by PID.
#
# Usage: src/main/docker/dockerd.sh start|stop
#   start  if an engine already answers, uses it and records nothing (stop then leaves it alone);
#          otherwise starts `dockerd` (root; installs docker.io first when it is missing) in the
#          background, logging to target/dockerd.log, and writes its PID and start time to target/dockerd.pid.
#   stop   stops only the dockerd whose PID start recorded, and waits for it to exit. The PID file also holds the
#          process's start time (/proc/PID/stat), so a file left by an engine that is gone never makes stop
#          signal whatever process reuses that PID, nor an engine someone else started.
set -euo pipefail

state=${DOCKERD_STATE_DIR:-target}
pidfile=$state/dockerd.pid
logfile=$state/dockerd.log

start() {
    if docker info >/dev/null 2>&1; then
        echo "dockerd.sh: a Docker engine already answers; using it"
        return
    fi
    if ! command -v dockerd >/dev/null; then
        if [[ $(id -u) -ne 0 ]]; then
            echo "dockerd.sh: dockerd not found (run as root, or: make deps PROVIDER=containers)" >&2
            exit 4
        fi
        echo "dockerd.sh: installing docker.io"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends docker.io
        # Where an init system runs, the package starts its own engine.
        if docker info >/dev/null 2>&1; then
            echo "dockerd.sh: the docker.io package started an engine; using it"
            return
        fi
    fi
    mkdir -p "$state"
    dockerd >"$logfile" 2>&1 &
    pid=$!
    echo "$pid $(started "$pid")" >"$pidfile"
    for _ in $(seq 1 60); do
        if docker info >/dev/null 2>&1; then
            echo "dockerd.sh: dockerd $pid is ready (log: $logfile)"
            return
        fi
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "dockerd.sh: dockerd exited during start-up; see $logfile" >&2
            rm -f "$pidfile"
            exit 1
        fi
        sleep 0.5
    done
    echo "dockerd.sh: dockerd $pid did not answer within 30 s; see $logfile" >&2
    exit 1
}

# The start time of a process in clock ticks since boot (field 22 of /proc/PID/stat; the command name before
# it may hold spaces, hence everything after its closing parenthesis).
started() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
    stat=${stat##*) }
    echo "$stat" | awk '{print $20}'
}

stop() {
    if [[ ! -f $pidfile ]]; then
        echo "dockerd.sh: no $pidfile; nothing started here to stop"
        return
    fi
    read -r pid since <"$pidfile"
    if [[ -z ${since:-} || $(started "$pid") != "$since" ]]; then
        echo "dockerd.sh: dockerd $pid from $pidfile is gone (no process with its start time); nothing to stop"
        rm -f "$pidfile"
        return
    fi
    if kill "$pid" 2>/dev/null; then
        # dockerd stops its containers and its own containerd before exiting.
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "dockerd.sh: dockerd $pid still running after 30 s; see $logfile" >&2
            exit 1
        fi
        echo "dockerd.sh: dockerd $pid stopped"
    else
        echo "dockerd.sh: dockerd $pid was not running"
    fi
    rm -f "$pidfile"
}

case ${1:-} in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 1 ;;
esac
