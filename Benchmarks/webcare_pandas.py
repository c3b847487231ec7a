#!/usr/bin/env python3
"""The pandas anchor of the webcare benchmark: the response-time part of `meetlat webcare` on a
log of Benchmarks/generate_webcare_log.py, as a data analyst would write it with pandas.

Per month (Europe/Amsterdam) and channel of the customer's first message, and for all channels:
conversations with a customer message, answered ones, the first response time's median and 90th
percentile (nearest rank of whole minutes, as meetlat takes them) and the answers within one hour
and within 24 hours (clock time). Prints them as JSON (keys sorted) with the seconds the work
took after `import pandas`, so the runner can check that meetlat found the same figures.
"""
import json
import sys
import time

import numpy as np
import pandas as pd


def nearest_rank(frame, keys, column, percent):
    """The value at rank ⌈p × n⌉ of each group, sorted (n the group's non-missing values)."""
    values = frame.dropna(subset=[column]).sort_values(keys + [column])
    position = values.groupby(keys, sort=False).cumcount() + 1
    size = values.groupby(keys, sort=False)[column].transform("size")
    rank = (percent * size + 99) // 100
    return values[position == rank].set_index(keys)[column]


def main(path):
    started = time.perf_counter()
    frame = pd.read_csv(path, usecols=["conversation", "time", "direction", "channel"])
    frame["moment"] = pd.to_datetime(frame["time"], format="%Y-%m-%dT%H:%M:%SZ", utc=True)
    inbound = frame[frame["direction"] == "in"]
    first = inbound.groupby("conversation", sort=False).agg(asked=("moment", "first"), channel=("channel", "first"))
    replies = frame.loc[frame["direction"] == "out", ["conversation", "moment"]].merge(
        first[["asked"]], left_on="conversation", right_index=True)
    replies = replies[replies["moment"] > replies["asked"]]
    answered = replies.groupby("conversation", sort=False)["moment"].min().rename("answered")
    conversations = first.join(answered)
    wait = (conversations["answered"] - conversations["asked"]).dt.total_seconds()
    conversations["minutes"] = wait // 60
    conversations["hour"] = wait <= 3600
    conversations["day"] = wait <= 86400
    conversations["month"] = conversations["asked"].dt.tz_convert("Europe/Amsterdam").dt.strftime("%Y-%m")
    conversations["all"] = "all"

    figures = {}
    for keys in (["month", "all"], ["month", "channel"]):
        groups = conversations.groupby(keys, sort=True)
        table = pd.DataFrame({
            "inbound_conversations": groups.size(),
            "answered": groups["answered"].count(),
            "within_1h": groups["hour"].sum(),
            "within_24h": groups["day"].sum(),
            "first_response_median": nearest_rank(conversations, keys, "minutes", 50),
            "first_response_p90": nearest_rank(conversations, keys, "minutes", 90),
        })
        for (month, channel), row in table.iterrows():
            figures[f"{month} {channel}"] = {key: (None if pd.isna(value) else int(value)) for key, value in row.items()}
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "figures": figures}, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
