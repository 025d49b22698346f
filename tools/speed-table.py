"""Joins the result lines of the speed benchmark on nanoCLR and on .NET into one table (tools/speed-bench.sh)."""
import sys

# id -> (label, unit); unit "us" and "ms" are per operation, "MB/s" is throughput.
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


def read(path):
    results, errors, ended = {}, {}, False
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.strip().split(",")
            if parts[0] == "speed" and len(parts) == 5:
                ops, ticks, size = int(parts[2]), int(parts[3]), int(parts[4])
                seconds = ticks / 1e7 / ops
                results[parts[1]] = (seconds, size)
            elif parts[0] == "speed-error":
                errors[parts[1]] = ",".join(parts[2:])
            elif parts[0] == "speed-end":
                ended = True
    return results, errors, ended


def figure(result, unit):
    if result is None:
        return None
    seconds, size = result
    if unit == "MB/s":
        return size / seconds / 1e6
    return seconds * (1e6 if unit == "us" else 1e3)


def text(value):
    if value is None:
        return "failed"
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def main():
    fmt, nano_path, net_path = sys.argv[1:4]
    nano, nano_errors, nano_ended = read(nano_path)
    net, net_errors, net_ended = read(net_path)
    rows = []
    failed = not nano_ended or not net_ended
    for case, (label, unit) in CASES.items():
        a, b = figure(nano.get(case), unit), figure(net.get(case), unit)
        if a is None or b is None:
            failed = True
            ratio = "-"
        else:
            ratio = f"{(b / a if unit == 'MB/s' else a / b):.0f}x"
        rows.append((f"{label} ({unit})", text(a), text(b), ratio))
    head = ("case", "nanoCLR", ".NET", "nanoCLR slower by")
    if fmt == "markdown":
        print("| " + " | ".join(head) + " |")
        print("|---|---:|---:|---:|")
        for r in rows:
            print("| " + " | ".join(r) + " |")
    else:
        widths = [max(len(r[i]) for r in rows + [head]) for i in range(4)]
        for r in [head] + rows:
            print("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))
    for where, errors in (("nanoCLR", nano_errors), (".NET", net_errors)):
        for case, message in errors.items():
            print(f"{where}: {case}: {message}", file=sys.stderr)
    if not nano_ended:
        print("nanoCLR: the run did not finish (crash or timeout); its output is incomplete", file=sys.stderr)
    sys.exit(1 if failed else 0)


main()
