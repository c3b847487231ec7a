#!/usr/bin/env python3
"""The anchors of the CSV ingest benchmark: what a data person would otherwise read the export with.

    python_readers.py csv-module <export.csv>        csv.reader producing rows (lists of str)
    python_readers.py pandas <export.csv>            pandas.read_csv producing a DataFrame with typed
                                                     columns (inferred, as most users leave it; the
                                                     numeric columns must come out as numbers). Which
                                                     pandas this is depends on the venv: with pyarrow
                                                     installed pandas 3 keeps strings in Arrow arrays,
                                                     without it in NumPy object arrays.
    python_readers.py pyarrow <export.csv>           pyarrow.csv.read_csv, every column as text, one thread
    python_readers.py duckdb <export.csv>            DuckDB read_csv(all_varchar) into an Arrow table, one thread
    python_readers.py polars <export.csv>            polars.read_csv, every column as text (one thread
                                                     unless POLARS_MAX_THREADS says otherwise)
    python_readers.py polars-typed <export.csv>      polars.read_csv as text, the numeric columns then
                                                     converted with expressions (drop '.', ',' → '.', cast)

All read with the options a user would pass for a Dutch Excel export: `;`, the file's encoding
(pyarrow, DuckDB and polars are given the UTF-8 copy: polars reads nothing else, and the others
transcode slower than they read), the missing-value words, and for pandas `decimal=','`,
`thousands='.'`. Only the read is timed (not starting Python or importing the library: a user has
it loaded). Prints one JSON object: wall and CPU seconds of the read, rows and fields and, for the
typed readers, the sum and count of each numeric column, so the runner can check that meetlat read
the same numbers.
"""
import csv
import json
import os
import sys
import time

MISSING_WORDS = ["onbekend", "n.v.t."]


def python_encoding(name):
    return {"windows-1252": "cp1252", "utf-8": "utf-8"}[name]


def layout_of(path):
    """The generator's sidecar; the UTF-8 copy (`<export>.utf-8.csv`) shares the original's."""
    base = path[: -len(".utf-8.csv")] if path.endswith(".utf-8.csv") else path
    with open(base + ".json", encoding="utf-8") as file:
        layout = json.load(file)
    if base != path:
        layout["encoding"] = "utf-8"
    return layout


def timed(read):
    started, processor = time.perf_counter(), time.process_time()
    value = read()
    return value, time.perf_counter() - started, time.process_time() - processor


def result(seconds, processor, rows, columns, **extra):
    """Rows count the header, as the record readers do."""
    return dict({"seconds": seconds, "cpu_seconds": processor, "rows": rows + 1, "fields": (rows + 1) * columns}, **extra)


def read_with_csv_module(path, layout):
    def read():
        rows = fields = 0
        with open(path, encoding=python_encoding(layout["encoding"]), newline="") as file:
            for row in csv.reader(file, delimiter=layout["delimiter"]):
                rows += 1
                fields += len(row)
        return rows, fields

    (rows, fields), seconds, processor = timed(read)
    return {"seconds": seconds, "cpu_seconds": processor, "rows": rows, "fields": fields}


def read_with_pandas(path, layout):
    import pandas

    frame, seconds, processor = timed(lambda: pandas.read_csv(
        path, sep=layout["delimiter"], encoding=python_encoding(layout["encoding"]),
        decimal=",", thousands=".", na_values=MISSING_WORDS))
    sums, counts = [], []
    for index in layout["numeric_columns"]:
        column = frame.iloc[:, index]
        if column.dtype.kind not in "fi":
            raise SystemExit(f"pandas read column {index} ({frame.columns[index]!r}) as {column.dtype}, not as numbers")
        sums.append(float(column.sum()))
        counts.append(int(column.count()))
    text_columns = [str(frame[c].dtype) for c in frame.columns if frame[c].dtype.kind not in "fiub"]
    try:
        import pyarrow  # noqa: F401
        arrow = True
    except ImportError:
        arrow = False
    return result(seconds, processor, len(frame), len(frame.columns), sums=sums, counts=counts,
                  version=pandas.__version__, pyarrow=arrow, string_dtype=sorted(set(text_columns)))


def read_with_pyarrow(path, layout):
    import pyarrow
    import pyarrow.csv as arrow_csv

    with open(path, encoding="utf-8", newline="") as file:
        names = next(csv.reader(file, delimiter=layout["delimiter"]))
    table, seconds, processor = timed(lambda: arrow_csv.read_csv(
        path,
        read_options=arrow_csv.ReadOptions(use_threads=False, encoding=python_encoding(layout["encoding"])),
        parse_options=arrow_csv.ParseOptions(delimiter=layout["delimiter"], newlines_in_values=True),
        convert_options=arrow_csv.ConvertOptions(column_types={n: pyarrow.string() for n in names})))
    return result(seconds, processor, table.num_rows, table.num_columns, version=pyarrow.__version__)


def read_with_duckdb(path, layout):
    import duckdb
    import pyarrow  # noqa: F401 -- imported by the Arrow export on first use; a user has it loaded

    connection = duckdb.connect()
    connection.execute("SET threads = 1")
    table, seconds, processor = timed(lambda: connection.sql(
        "SELECT * FROM read_csv($path, delim = $delimiter, header = true, all_varchar = true, quote = '\"', escape = '\"')",
        params={"path": path, "delimiter": layout["delimiter"]}).to_arrow_table())
    return result(seconds, processor, table.num_rows, table.num_columns, version=duckdb.__version__)


def read_with_polars(path, layout, typed):
    import polars

    def read():
        frame = polars.read_csv(path, separator=layout["delimiter"], infer_schema=False,
                                null_values=MISSING_WORDS if typed else None)
        if typed:
            names = [frame.columns[i] for i in layout["numeric_columns"]]
            frame = frame.with_columns(
                polars.col(names).str.replace_all(".", "", literal=True)
                .str.replace(",", ".", literal=True).cast(polars.Float64))
        return frame

    frame, seconds, processor = timed(read)
    extra = {"version": polars.__version__, "threads": polars.thread_pool_size()}
    if typed:
        columns = [frame.get_column(frame.columns[i]) for i in layout["numeric_columns"]]
        extra["sums"] = [float(c.sum()) for c in columns]
        extra["counts"] = [int(c.count()) for c in columns]
    return result(seconds, processor, frame.height, frame.width, **extra)


READERS = {
    "csv-module": read_with_csv_module,
    "pandas": read_with_pandas,
    "pyarrow": read_with_pyarrow,
    "duckdb": read_with_duckdb,
    "polars": lambda path, layout: read_with_polars(path, layout, typed=False),
    "polars-typed": lambda path, layout: read_with_polars(path, layout, typed=True),
}


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in READERS:
        raise SystemExit(__doc__)
    path = sys.argv[2]
    print(json.dumps(READERS[sys.argv[1]](path, layout_of(path)), sort_keys=True))


if __name__ == "__main__":
    main()
