#!/usr/bin/python3
"""Reference k-means in scikit-learn, the yardstick of `segdash segment --method kmeans`.

Builds the per-customer RFM features from orders.csv exactly as reference_rfm.py does
(recency days, sale count, revenue over all orders), transforms them like SegDash
(negative values clipped to 0, log1p, z-score with the population standard deviation)
and fits KMeans(n_clusters=K, init='k-means++', n_init=1, max_iter=300,
random_state=SEED). Prints "kmeans customers=N k=K iterations=I inertia=X
fit_seconds=S seconds=T" (T includes reading the CSV).

With --iteration-bench N instead of ORDERS.csv: times single Lloyd iterations of
sklearn's KMeans (algorithm='lloyd', from fixed centres, tol=0) on N x 3 standard normal
points: (fit with max_iter=21 - fit with max_iter=1) / the iterations between, best of 5
each; as wall time with sklearn's default threads, and as process CPU time with one
thread. Prints "lloyd_iteration points=N k=K seconds=S cpu_seconds_1_thread=C".

Usage: /usr/bin/python3 reference_kmeans.py ORDERS.csv [--k 8] [--seed 42] [--out LABELS.csv]
       /usr/bin/python3 reference_kmeans.py --iteration-bench 1000000 [--k 8]
"""
import argparse
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

from reference_rfm import read_orders, rfm_table


def features(table) -> np.ndarray:
    raw = table[["recency", "frequency", "monetary"]].to_numpy(dtype=np.float64)
    logged = np.log1p(np.clip(raw, 0, None))
    std = logged.std(axis=0)
    std[std == 0] = 1.0
    return (logged - logged.mean(axis=0)) / std


def timed_fit(x, centres, iterations: int, clock) -> tuple:
    """Best of 5 (seconds by `clock`, iterations run) of a fit from fixed centres."""
    best = (float("inf"), 0)
    for _ in range(5):
        start = clock()
        model = KMeans(n_clusters=len(centres), init=centres, n_init=1, max_iter=iterations, tol=0,
                       algorithm="lloyd").fit(x)
        best = min(best, (clock() - start, model.n_iter_))
    return best


def per_iteration(x, centres, clock) -> float:
    # The difference cancels the fixed costs (input checks, the final relabelling pass).
    one, n_one = timed_fit(x, centres, 1, clock)
    many, n_many = timed_fit(x, centres, 21, clock)
    return (many - one) / max(n_many - n_one, 1)


def iteration_bench(points: int, k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((points, 3))
    centres = x[rng.choice(points, k, replace=False)]
    wall = per_iteration(x, centres, time.perf_counter)
    with threadpool_limits(limits=1):
        cpu_one_thread = per_iteration(x, centres, time.process_time)
    print(f"lloyd_iteration points={points} k={k} seconds={wall:.4f} cpu_seconds_1_thread={cpu_one_thread:.4f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("orders", nargs="?")
    parser.add_argument("--k", type=int, default=8)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out")
    parser.add_argument("--iteration-bench", type=int, metavar="N")
    args = parser.parse_args()
    if args.iteration_bench:
        iteration_bench(args.iteration_bench, args.k, args.seed)
        return 0
    if not args.orders:
        parser.error("ORDERS.csv is required")
    start = time.perf_counter()
    table = rfm_table(read_orders(args.orders))
    x = features(table)
    fit_start = time.perf_counter()
    model = KMeans(n_clusters=args.k, init="k-means++", n_init=1, max_iter=300, random_state=args.seed).fit(x)
    end = time.perf_counter()
    if args.out:
        table.assign(cluster=model.labels_)[["cluster"]].to_csv(args.out)
    print(f"kmeans customers={len(x)} k={args.k} iterations={model.n_iter_} inertia={model.inertia_:.1f} "
          f"fit_seconds={end - fit_start:.3f} seconds={end - start:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
