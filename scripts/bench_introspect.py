#!/usr/bin/env python3
"""Introspection benchmark: autogen against Alembic on the same databases, in one run.

For each database it runs, alternating so both see the same warm server:
  * Alembic's compare (bench/alembic_compare.py measure --variant identical), a fresh process
    per run: its t_compare (reflection + compare), query count, compare-phase peak RSS, and the
    whole process wall time;
  * autogen-bench: autogen's in-process introspection (new connection per run), query count and
    peak RSS;
  * `autogen inspect --url URL` as a whole process (connect, read, JSON to /dev/null): wall
    time and peak RSS from wait4().
Prints a Markdown table (medians) for BENCHMARKS.md and the raw JSON to --out.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def run_child(argv, **kw):
    """Output and whole-process wall time of one child."""
    t0 = time.perf_counter()
    p = subprocess.run(argv, capture_output=True, **kw)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(argv[:3])} failed: {p.stderr.decode()[-2000:]}")
    return p.stdout.decode(), wall


def run_timed(argv):
    """Whole-process wall time and peak RSS (MiB) of one child."""
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        p = subprocess.Popen(argv, stdout=devnull, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        err = p.stderr.read().decode()
    if status != 0:
        sys.exit(f"bench: {' '.join(argv)} failed: {err[-2000:]}")
    return wall, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench-dir", required=True)
    ap.add_argument("--bin-dir", required=True, help="folder with release autogen and autogen-bench")
    ap.add_argument("--target", action="append", required=True, help="LABEL=N=URL")
    ap.add_argument("--data-dir", help="the bench's data/ folder (spec and drift JSON) for the compare rows")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out")
    a = ap.parse_args()
    py = os.path.join(a.bench_dir, ".venv/bin/python")
    measure = os.path.join(a.bench_dir, "alembic_compare.py")
    rows, raw, compare_rows = [], [], []
    for target in a.target:
        label, n, url = target.split("=", 2)
        alembic, ours_proc = [], []
        # warm-up: one of each
        run_child([py, measure, "measure", "--url", url, "--n", n, "--variant", "identical"])
        run_timed([os.path.join(a.bin_dir, "autogen"), "inspect", "--url", url])
        for _ in range(a.repeat):
            out, wall = run_child([py, measure, "measure", "--url", url, "--n", n, "--variant", "identical"])
            m = json.loads(out.strip().splitlines()[-1])
            m["whole_process"] = wall
            alembic.append(m)
            ours_proc.append(run_timed([os.path.join(a.bin_dir, "autogen"), "inspect", "--url", url]))
        out, _ = run_child([os.path.join(a.bin_dir, "autogen-bench"), "introspect", "--url", url, "--runs", str(a.repeat), "--warmup", "1"])
        ours = json.loads(out.strip().splitlines()[-1])
        if a.data_dir:
            dialect = "sqlite" if url.startswith("sqlite") else "pg"
            drift = os.path.join(a.data_dir, f"drift_n{n}_k50.{dialect}.json")
            spec = os.path.join(a.data_dir, f"spec_n{n}.json")
            for variant, path in (("identical", spec), ("drifted", drift)):
                al = []
                for _ in range(a.repeat):
                    o, _ = run_child([py, measure, "measure", "--url", url, "--n", n, "--variant", variant])
                    al.append(json.loads(o.strip().splitlines()[-1]))
                o, _ = run_child([os.path.join(a.bin_dir, "autogen-bench"), "compare", "--url", url, "--spec", path, "--runs", str(a.repeat)])
                ag = json.loads(o.strip().splitlines()[-1])
                t_al = statistics.median(m["t_compare"] for m in al)
                compare_rows.append(
                    f"| {label} | {n} | {variant} | {t_al:.3f} s | {al[0]['ops']} ({al[0]['expected_ops']}) | "
                    f"{ag['median_introspect_and_compare_s']*1000:.0f} ms | {ag['median_compare_s']*1000:.1f} ms | {ag['queries']} | "
                    f"{ag['changes']} ({ag['expected_changes']}), same as Alembic: {'yes' if ag['same_changes_as_alembic'] or variant == 'identical' and ag['changes'] == 0 else 'NO'} | "
                    f"{ag['peak_rss_mib']:.0f} MiB | **{t_al/ag['median_introspect_and_compare_s']:.0f}×** |")
                raw.append({"label": label, "n": int(n), "variant": variant, "alembic": al, "autogen_compare": ag})
                print(compare_rows[-1], file=sys.stderr)
        med = lambda xs: statistics.median(xs)
        al_t = med([m["t_compare"] for m in alembic])
        al_whole = med([m["whole_process"] for m in alembic])
        al_q = alembic[0]["queries"]
        al_rss = max(m["peak_rss_compare_mb"] or m["peak_rss_process_mb"] for m in alembic)
        ag_t = ours["median_wall_s"]
        ag_whole = med([w for w, _ in ours_proc])
        ag_whole_rss = max(r for _, r in ours_proc)
        rows.append(
            f"| {label} | {n} | {al_t:.3f} s | {al_q} | {al_rss:.0f} MiB | {ag_t*1000:.1f} ms | {ours['queries']} | "
            f"{ours['peak_rss_mib']:.0f} MiB | **{al_t/ag_t:.0f}×** | {al_whole:.2f} s | {ag_whole*1000:.0f} ms | "
            f"{ag_whole_rss:.0f} MiB | **{al_whole/ag_whole:.0f}×** |"
        )
        raw.append({"label": label, "n": int(n), "alembic": alembic, "autogen_introspect": ours,
                    "autogen_inspect_process": [{"wall_s": w, "peak_rss_mib": r} for w, r in ours_proc]})
        print(rows[-1], file=sys.stderr)
    print("| database | N tables | Alembic compare | Alembic queries | Alembic peak RSS | autogen introspect | autogen queries | autogen peak RSS | speed-up | Alembic whole process | `autogen inspect` whole process | its peak RSS | speed-up |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(r)
    if compare_rows:
        print()
        print("| database | N tables | variant | Alembic compare | Alembic ops (expected) | autogen introspect + compare | compare step alone | autogen queries | autogen changes (expected) | autogen peak RSS | speed-up |")
        print("|---|---:|---|---:|---|---:|---:|---:|---|---:|---:|")
        for r in compare_rows:
            print(r)
    if a.out:
        with open(a.out, "w") as f:
            json.dump(raw, f, indent=1)


if __name__ == "__main__":
    main()
