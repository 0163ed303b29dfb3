#!/usr/bin/env bash
# Starts a Docker engine (for `make images` and the docker-tagged tests) and stops it again by PID.
#
# Usage: src/main/docker/dockerd.sh start|stop
#   start  if an engine already answers, uses it and records nothing (stop then leaves it alone);
#          otherwise starts `dockerd` (root; installs docker.io first when it is missing) in the
#          background, logging to target/dockerd.log, and writes its PID to target/dockerd.pid.
#   stop   stops only the dockerd whose PID start recorded, and waits for it to exit.
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
    echo $! >"$pidfile"
    for _ in $(seq 1 60); do
        if docker info >/dev/null 2>&1; then
            echo "dockerd.sh: dockerd $(cat "$pidfile") is ready (log: $logfile)"
            return
        fi
        if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "dockerd.sh: dockerd exited during start-up; see $logfile" >&2
            rm -f "$pidfile"
            exit 1
        fi
        sleep 0.5
    done
    echo "dockerd.sh: dockerd $(cat "$pidfile") did not answer within 30 s; see $logfile" >&2
    exit 1
}

stop() {
    if [[ ! -f $pidfile ]]; then
        echo "dockerd.sh: no $pidfile; nothing started here to stop"
        return
    fi
    pid=$(cat "$pidfile")
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
