#!/usr/bin/python3
"""Reference RFM in pandas, the yardstick of `segdash segment --method rfm`.

Reads orders.csv as written by `segdash generate`, and scores every customer with a
sale: recency = days from the customer's last sale to the day after the last order in the file,
frequency = number of sale orders, monetary = revenue summed over all the customer's
orders (returns and cancellations are negative), each cut into 5 equal-count bins with
pd.qcut on rank(method='first'). Prints one line "rfm customers=N seconds=S".

Usage: /usr/bin/python3 reference_rfm.py ORDERS.csv [--out SCORES.csv]
"""
import argparse
import sys
import time

import pandas as pd


def rfm_table(orders: pd.DataFrame) -> pd.DataFrame:
    analysis_date = orders["order_date"].max().normalize() + pd.Timedelta(days=1)  # as segdash: the day after
    sales = orders[orders["kind"] == "sale"]
    per_customer = sales.groupby("customer_id").agg(
        last_purchase=("order_date", "max"), frequency=("order_id", "count"))
    per_customer["monetary"] = orders.groupby("customer_id")["revenue"].sum().reindex(per_customer.index)
    per_customer["recency"] = (analysis_date - per_customer["last_purchase"].dt.normalize()).dt.days
    bins = [1, 2, 3, 4, 5]
    # Recency in reverse: the most recent customers get the highest score.
    per_customer["r"] = pd.qcut((-per_customer["recency"]).rank(method="first"), 5, labels=bins).astype(int)
    per_customer["f"] = pd.qcut(per_customer["frequency"].rank(method="first"), 5, labels=bins).astype(int)
    per_customer["m"] = pd.qcut(per_customer["monetary"].rank(method="first"), 5, labels=bins).astype(int)
    per_customer["rfm_score"] = per_customer["r"] * 100 + per_customer["f"] * 10 + per_customer["m"]
    return per_customer


def read_orders(path: str) -> pd.DataFrame:
    orders = pd.read_csv(path, usecols=["order_id", "customer_id", "order_date", "revenue", "kind"])
    orders["order_date"] = pd.to_datetime(orders["order_date"], format="%Y-%m-%d %H:%M:%S")
    return orders


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("orders")
    parser.add_argument("--out")
    args = parser.parse_args()
    start = time.perf_counter()
    table = rfm_table(read_orders(args.orders))
    seconds = time.perf_counter() - start
    if args.out:
        table[["recency", "frequency", "monetary", "r", "f", "m", "rfm_score"]].to_csv(args.out)
    print(f"rfm customers={len(table)} seconds={seconds:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
