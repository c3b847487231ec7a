#!/usr/bin/env python3
"""The anchors of the CSV ingest benchmark: what a user would otherwise read the export with.

    python_readers.py csv-module <export.csv>    csv.reader producing rows (lists of str)
    python_readers.py pandas <export.csv>        pandas.read_csv producing a DataFrame with
                                                 typed columns (inferred, as most users leave it;
                                                 the numeric columns must come out as numbers)

Both read with the options a user would pass for a Dutch Excel export: `;`, the file's
encoding, and for pandas `decimal=','`, `thousands='.'` and the missing-value words.
Only the read is timed (not starting Python or importing pandas: a user has them loaded).
Prints one JSON object: wall and CPU seconds of the read, rows, fields and, for pandas, the sum and count of each
numeric column, so the runner can check that meetlat read the same numbers.
"""
import csv
import json
import sys
import time

MISSING_WORDS = ["onbekend", "n.v.t."]


def python_encoding(name):
    return {"windows-1252": "cp1252", "utf-8": "utf-8"}[name]


def read_with_csv_module(path, layout):
    rows = fields = 0
    started, processor = time.perf_counter(), time.process_time()
    with open(path, encoding=python_encoding(layout["encoding"]), newline="") as file:
        for row in csv.reader(file, delimiter=layout["delimiter"]):
            rows += 1
            fields += len(row)
    seconds, processor = time.perf_counter() - started, time.process_time() - processor
    return {"seconds": seconds, "cpu_seconds": processor, "rows": rows, "fields": fields}


def read_with_pandas(path, layout):
    import pandas

    started, processor = time.perf_counter(), time.process_time()
    frame = pandas.read_csv(path, sep=layout["delimiter"], encoding=python_encoding(layout["encoding"]),
                            decimal=",", thousands=".", na_values=MISSING_WORDS)
    seconds, processor = time.perf_counter() - started, time.process_time() - processor
    numeric = layout["numeric_columns"]
    sums, counts = [], []
    for index in numeric:
        column = frame.iloc[:, index]
        if column.dtype.kind != "f" and column.dtype.kind != "i":
            raise SystemExit(f"pandas read column {index} ({frame.columns[index]!r}) as {column.dtype}, not as numbers")
        sums.append(float(column.sum()))
        counts.append(int(column.count()))
    return {"seconds": seconds, "cpu_seconds": processor, "rows": len(frame) + 1, "fields": (len(frame) + 1) * len(frame.columns),
            "sums": sums, "counts": counts, "pandas": pandas.__version__}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("csv-module", "pandas"):
        raise SystemExit(__doc__)
    path = sys.argv[2]
    with open(path + ".json", encoding="utf-8") as file:
        layout = json.load(file)
    result = read_with_csv_module(path, layout) if sys.argv[1] == "csv-module" else read_with_pandas(path, layout)
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
