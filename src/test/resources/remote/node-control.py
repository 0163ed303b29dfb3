#!/usr/bin/env python3
"""Node control of the local reference stack as a remote host's own tooling would do it, run over SSH by the
remote provider in RemoteDrillTest (the environment's per-node commands call it).

    node-control.py STACK_DIR NODE ACTION CASEDRILL

kill, kill-patroni, kill-postgres, pause, resume and alive act on the PIDs the stack's state.json records, checked against their start times
(never a reused PID), the way the local provider does: a crash freezes the node's whole process tree (a postgres
node's postmaster tree too, whose backends call setsid) and then SIGKILLs it; kill-patroni SIGKILLs a postgres node's
Patroni alone, kill-postgres crashes its postmaster tree alone. A Python process starts in tens of
milliseconds, so a remote kill lands about as soon after its command as a local one (the RTO comparison needs that).
start, stop and restart hand over to casedrill's own `stack node` command (the CASEDRILL wrapper), since launching
a node needs the stack's recipes.
"""
import json
import os
import signal
import sys
import time


def stat(pid):
    """(state, ppid, start time) from /proc/PID/stat, or None when the process is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # the command name may hold spaces and parentheses
    return fields[0], int(fields[1]), int(fields[19])


def live(pid):
    st = stat(pid)
    return st is not None and st[0] not in "ZX"


def recorded_main(stack_dir, node):
    with open(os.path.join(stack_dir, "state.json")) as f:
        record = json.load(f)["processes"].get(node)
    if record is None:
        return None
    st = stat(record["pid"])
    return record["pid"] if st and st[0] not in "ZX" and st[2] == record["startTime"] else None


def postmaster(stack_dir, node):
    try:
        with open(os.path.join(stack_dir, node, "data", "postmaster.pid")) as f:
            pid = int(f.readline())
    except (OSError, ValueError):
        return None
    return pid if live(pid) else None


def processes(stack_dir, node):
    return trees([recorded_main(stack_dir, node), postmaster(stack_dir, node)])


def server(stack_dir, node):
    """The PostgreSQL server alone: the postmaster and its children (backends call setsid, so not its group)."""
    return trees([postmaster(stack_dir, node)])


def trees(roots):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            st = stat(int(entry))
            if st:
                children.setdefault(st[1], []).append(int(entry))
    found, todo = set(), [p for p in roots if p]
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.add(pid)
            todo.extend(children.get(pid, []))
    return found


def send(pids, sig):
    if not pids:
        sys.exit("no live process recorded for the node")  # a signal that reaches nothing must not pass for done
    for pid in pids:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass


def crash(list_processes, node):
    first = list_processes()
    send(first, signal.SIGSTOP)
    everything = first | list_processes()  # children forked while we listed
    send(everything, signal.SIGKILL)
    await_gone(everything, node)


def await_gone(everything, node):
    deadline = time.monotonic() + 10
    while any(live(p) for p in everything):
        if time.monotonic() > deadline:
            sys.exit(f"processes {sorted(p for p in everything if live(p))} of {node} survived SIGKILL")
        time.sleep(0.05)


def main():
    stack_dir, node, action, casedrill = sys.argv[1:5]
    if action == "kill":
        crash(lambda: processes(stack_dir, node), node)
    elif action == "kill-patroni":
        # Patroni alone (the PID the stack records for a postgres node); its PostgreSQL keeps running, orphaned.
        patroni = {p for p in [recorded_main(stack_dir, node)] if p}
        send(patroni, signal.SIGKILL)
        await_gone(patroni, node)
    elif action == "kill-postgres":
        # The server as a killed server dies: frozen first, so no backend outlives the postmaster; Patroni restarts it.
        crash(lambda: server(stack_dir, node), node)
    elif action == "pause":
        send(processes(stack_dir, node), signal.SIGSTOP)
    elif action == "resume":
        send(processes(stack_dir, node), signal.SIGCONT)
    elif action == "alive":
        sys.exit(0 if recorded_main(stack_dir, node) else 1)
    elif action in ("start", "stop", "restart"):
        os.execv(casedrill, [casedrill, "stack", "node", node, action, "--stack", stack_dir])
    else:
        sys.exit(f"unknown action {action}")


main()
