"""Runs the speed benchmark on nanoCLR and on .NET and prints one table (called by tools/speed-bench.sh).

    speed-bench.py text|markdown NANO_COMMAND NET_COMMAND     (each command one shell-quoted string)

Each runtime prints speed-start,ID / speed,ID,OPS,TICKS,BYTES_PER_OP,TOTAL_OPS per case (SpeedBench.cs).
The figure per operation is the CPU time the process's main thread spent between those two lines
(/proc/PID/schedstat, nanoseconds) divided by TOTAL_OPS, so that other work on a shared machine does not
inflate it; the fastest wall-clock run is printed beside it as a check.
"""
import shlex
import subprocess
import sys
import threading

# id -> (label, unit); "us" and "ms" are per operation, "MB/s" is throughput.
CASES = {
    "chain-32": ("signal chain per sample, windows 32", "us"),
    "chain-500": ("signal chain per sample, windows 500", "us"),
    "crest-1024": ("crest factor per sample, window 1024", "us"),
    "sha256": ("SHA-256, 1 KB chunks", "MB/s"),
    "rsa3072-pss-verify": ("RSA-3072-PSS verification", "ms"),
    "verify-image-100k": ("verify a 100 KB image", "ms"),
    "pem-key-load": ("load the PEM public key", "ms"),
    "deep-sleep-wake": ("deep-sleep wake without radio", "ms"),
}
TIMEOUT_SECONDS = 900


def cpu_ns(pid):
    with open(f"/proc/{pid}/schedstat") as f:
        return int(f.read().split()[0])


def run(command):
    """Returns ({id: (cpu_seconds_per_op, wall_seconds_per_op, bytes_per_op)}, {id: error}, finished)."""
    proc = subprocess.Popen(shlex.split(command), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, errors="replace")
    timer = threading.Timer(TIMEOUT_SECONDS, proc.kill)
    timer.start()
    results, errors, started, finished = {}, {}, {}, False
    try:
        for line in proc.stdout:
            parts = line.strip().split(",")
            if parts[0] == "speed-start" and len(parts) == 2:
                started[parts[1]] = cpu_ns(proc.pid)
            elif parts[0] == "speed" and len(parts) == 6 and parts[1] in started:
                cpu = cpu_ns(proc.pid) - started[parts[1]]
                ops, ticks, size, total = (int(p) for p in parts[2:6])
                results[parts[1]] = (cpu / 1e9 / total, ticks / 1e7 / ops, size)
            elif parts[0] == "speed-error":
                errors[parts[1]] = ",".join(parts[2:])
            elif parts[0] == "speed-end":
                finished = True
    finally:
        proc.wait()
        timer.cancel()
    return results, errors, finished


def figure(seconds, size, unit):
    if unit == "MB/s":
        return size / seconds / 1e6
    return seconds * (1e6 if unit == "us" else 1e3)


def text(value):
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("text", "markdown"):
        print("usage: speed-bench.py text|markdown NANO_COMMAND NET_COMMAND", file=sys.stderr)
        sys.exit(2)
    nano, nano_errors, nano_done = run(sys.argv[2])
    net, net_errors, net_done = run(sys.argv[3])
    head = ("case", "nanoCLR", ".NET", "ratio", "nanoCLR wall", ".NET wall")
    rows = []
    failed = not nano_done or not net_done
    for case, (label, unit) in CASES.items():
        if case not in nano or case not in net:
            failed = True
            rows.append((f"{label} ({unit})", "failed" if case not in nano else "", "failed" if case not in net else "", "-", "", ""))
            continue
        a, b = figure(nano[case][0], nano[case][2], unit), figure(net[case][0], net[case][2], unit)
        wa, wb = figure(nano[case][1], nano[case][2], unit), figure(net[case][1], net[case][2], unit)
        ratio = b / a if unit == "MB/s" else a / b
        rows.append((f"{label} ({unit})", text(a), text(b), f"{ratio:.0f}x", text(wa), text(wb)))
    if sys.argv[1] == "markdown":
        print("| " + " | ".join(head) + " |")
        print("|---|---:|---:|---:|---:|---:|")
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
        for r in [head] + rows:
            print("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))
    for where, errors in (("nanoCLR", nano_errors), (".NET", net_errors)):
        for case, message in errors.items():
            print(f"{where}: {case}: {message}", file=sys.stderr)
    if not nano_done:
        print("nanoCLR: the run did not finish (crash or timeout); its output is incomplete", file=sys.stderr)
    sys.exit(1 if failed else 0)


main()
