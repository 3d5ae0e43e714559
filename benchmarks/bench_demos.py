#!/usr/bin/env python3
"""Wall time of each demo's default run: a benchmark, not a test.

    python benchmarks/bench_demos.py [--quick] [--mains 0 2] [--out DIR]

Each main runs in its own process, one after the other (so they do not
share the cores), with its output kept in DIR/N-main.log; the table of
wall times is printed at the end. --quick is passed on to the mains, to
check the benchmark itself in seconds.
"""
import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAINS = ("0", "1", "2", "3", "4")


def parse_args(argv=None):
    """Read the command line."""
    parser = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true",
                        help="pass --quick to every main")
    parser.add_argument("--mains", nargs="+", choices=MAINS, default=MAINS,
                        help="which mains to time (default: all)")
    parser.add_argument("--out", default=os.path.join("outputs", "bench"),
                        help="folder of the figures and logs")
    parser.add_argument("--weights", default="data",
                        help="passed to 4-main.py (default: data)")
    return parser.parse_args(argv)


def time_main(number, args):
    """Run N-main.py once; return (wall seconds, exit status)."""
    command = [sys.executable, os.path.join(ROOT, f"{number}-main.py"),
               "--out", args.out]
    if args.quick:
        command.append("--quick")
    if number == "4":
        command += ["--weights", args.weights]
    log_path = os.path.join(args.out, f"{number}-main.log")
    with open(log_path, "w") as log:
        began = time.perf_counter()
        status = subprocess.run(command, cwd=ROOT, stdout=log,
                                stderr=subprocess.STDOUT).returncode
    return time.perf_counter() - began, status


def table(rows):
    """Format rows (main, seconds, status) as a text table."""
    lines = [f"{'demo':<10} {'wall time':>12}  status",
             f"{'-' * 10} {'-' * 12}  ------"]
    lines += [f"{main:<10} {seconds:>10.1f} s  "
              f"{'ok' if status == 0 else f'exit {status}'}"
              for main, seconds, status in rows]
    lines.append(f"{'total':<10} {sum(row[1] for row in rows):>10.1f} s")
    return "\n".join(lines)


def main(argv=None):
    """Time the chosen mains and print the table; exit 1 if one failed."""
    args = parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    rows = []
    for number in args.mains:
        print(f"running {number}-main.py ...", flush=True)
        seconds, status = time_main(number, args)
        rows.append((f"{number}-main", seconds, status))
    print(table(rows))
    print(f"figures and logs in {args.out}")
    return int(any(status for _, _, status in rows))


if __name__ == "__main__":
    sys.exit(main())
