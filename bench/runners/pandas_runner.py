"""The pandas / numpy / scipy / xarray contender for the gridframe benchmark harness.

Usage: pandas_runner.py '<json config>' (written by bench/lib/harness.ts). For each workload it loads the
generated inputs (untimed), runs the workload warmup + repeats times (perf_counter, gc between runs),
digests the last result exactly like the JavaScript runners (see bench/lib/answer.ts) and prints one
'@@RESULT <json>' line.
"""
import gc
import json
import os
import resource
import sys
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")


def rd(folder, name, dtype):
    return np.fromfile(os.path.join(folder, name), dtype=dtype)


def rjson(folder, name):
    with open(os.path.join(folder, name)) as f:
        return json.load(f)


def load_main(cfg):
    d = os.path.join(cfg["data"], "main")
    codes = rd(d, "skey.i32", "<i4")
    sdict = np.array(rjson(d, "skey.dict.json"), dtype=object)
    return pd.DataFrame({"ikey": rd(d, "ikey.i32", "<i4"), "skey": sdict[codes],
                         "v": rd(d, "v.f64", "<f8"), "w": rd(d, "w.f64", "<f8")})


def spaced_sum(arr):
    n = len(arr)
    return float(sum(arr[(j * (n - 1)) // 10] for j in range(11))) if n else 0.0


def key_number(s):
    return int(s[1:])


def groupby_int(cfg):
    df = load_main(cfg)

    def run():
        return df.groupby("ikey")["v"].agg(["mean", "sum", "count"])

    def answer(r):
        k = r.index.to_numpy().astype(float)
        return {"groups": len(r), "sumOfSums": float(r["sum"].sum()), "sumOfCounts": float(r["count"].sum()),
                "wMean": float(((k + 1) * r["mean"]).sum()), "wSum": float(((k + 1) * r["sum"]).sum())}
    return run, answer


def groupby_str(cfg):
    df = load_main(cfg)

    def run():
        return df.groupby("skey")["v"].mean()

    def answer(r):
        k = np.array([key_number(s) for s in r.index], dtype=float)
        return {"groups": len(r), "wMean": float(((k + 1) * r.to_numpy()).sum())}
    return run, answer


def pivot_table(cfg):
    d = os.path.join(cfg["data"], "pivot")
    df = pd.DataFrame({"a": rd(d, "a.i32", "<i4"), "b": rd(d, "b.i32", "<i4"), "x": rd(d, "x.f64", "<f8")})

    def run():
        return df.pivot_table(index="a", columns="b", values="x", aggfunc="mean")

    def answer(r):
        m = r.to_numpy()
        wa = r.index.to_numpy().astype(float)[:, None] + 1
        wb = r.columns.to_numpy().astype(float)[None, :] + 1
        ok = ~np.isnan(m)
        return {"rows": r.shape[0], "cols": r.shape[1], "cells": int(ok.sum()), "wSum": float((wa * wb * np.where(ok, m, 0)).sum())}
    return run, answer


def csv_read(cfg):
    f = os.path.join(cfg["data"], "mixed.csv")

    def run():
        return pd.read_csv(f, parse_dates=["day"])

    def answer(r):
        days = r["day"].to_numpy().astype("datetime64[D]").astype(np.int64)
        return {"rows": len(r), "idSum": float(r["id"].sum()), "priceSum": float(r["price"].sum()),
                "nameLenSum": int(r["name"].str.len().sum()), "trueCount": int(r["flag"].sum()), "daySum": float(days.sum())}
    return run, answer


def csv_chunked(cfg):
    f = os.path.join(cfg["data"], "chunked.csv")

    def run():
        rows, x_sum, true_count = 0, 0.0, 0
        for df in pd.read_csv(f, chunksize=100_000):
            rows += len(df)
            x_sum += float(df["x"].sum())
            true_count += int(df["flag"].sum())
        return {"rows": rows, "xSum": x_sum, "trueCount": true_count}

    return run, lambda r: r


def sort(cfg):
    df = load_main(cfg)

    def run():
        return df.sort_values("v")

    def answer(r):
        return {"rows": len(r), "vAt": spaced_sum(r["v"].to_numpy()), "keyAt": spaced_sum(r["ikey"].to_numpy())}
    return run, answer


def filter_arith(cfg):
    df = load_main(cfg)

    def run():
        d2 = df.assign(z=df["v"] * df["w"] + 1)
        return d2[d2["v"] > 0]

    def answer(r):
        return {"rows": len(r), "zSum": float(r["z"].sum()), "ikeySum": float(r["ikey"].sum())}
    return run, answer


def join(cfg):
    df = load_main(cfg)
    d = os.path.join(cfg["data"], "join")
    right = pd.DataFrame({"skey": np.array(rjson(d, "key.json"), dtype=object), "x": rd(d, "x.f64", "<f8")})

    def run():
        return df.merge(right, on="skey", how="inner")

    def answer(r):
        return {"rows": len(r), "xSum": float(r["x"].sum()), "vSum": float(r["v"].sum())}
    return run, answer


def transform(cfg):
    df = load_main(cfg)

    def run():
        g = df.groupby("ikey")["v"]
        return (df["v"] - g.transform("mean")) / g.transform("std")

    def answer(z):
        z = z.to_numpy()
        return {"rows": len(z), "zSq": float((z * z).sum()), "wz": float((df["w"].to_numpy() * z).sum())}
    return run, answer


def melt_pivot(cfg):
    d = os.path.join(cfg["data"], "wide")
    names = ["c%02d" % j for j in range(cfg["sizes"]["wideCols"])]
    cols = {"id": rd(d, "id.i32", "<i4")}
    for n in names:
        cols[n] = rd(d, n + ".f64", "<f8")
    wide = pd.DataFrame(cols)

    def run():
        long = wide.melt(id_vars=["id"], value_vars=names)
        return long, long.pivot(index="id", columns="variable", values="value")

    def answer(r):
        long, back = r
        ids = back.index.to_numpy().astype(float)
        w = 0.0
        for j, n in enumerate(names):
            w += float((((ids % 7) + 1) * (j + 1) * back[n].to_numpy()).sum())
        return {"longRows": len(long), "longSum": float(long["value"].sum()), "rows": back.shape[0], "cols": back.shape[1], "wSum": w}
    return run, answer


def cdist(dim, metric):
    def prep(cfg):
        from scipy.spatial.distance import cdist as sp_cdist
        d = os.path.join(cfg["data"], "cdist")
        x = rd(d, "x%d.f64" % dim, "<f8").reshape(-1, dim)
        y = rd(d, "y%d.f64" % dim, "<f8").reshape(-1, dim)

        def run():
            return sp_cdist(x, y, metric)

        def answer(o):
            return {"sum": float(o.sum()), "first": float(o[0, 0]), "last": float(o[-1, -1])}
        return run, answer
    return prep


def curve_fit(cfg):
    from scipy.optimize import curve_fit as sp_fit
    d = os.path.join(cfg["data"], "curves")
    x = rd(d, "x.f64", "<f8")
    y = rd(d, "y.f64", "<f8").reshape(-1, len(x))
    df = pd.DataFrame(y, columns=["y%02d" % j for j in range(len(x))])

    def f(xx, a, b):
        return a * np.power(xx, b)

    def run():
        return df.apply(lambda row: pd.Series(sp_fit(f, x, row.to_numpy(), p0=[1.0, -1.0])[0], index=["a", "b"]), axis=1)

    def answer(r):
        return {"rows": len(r), "aSum": float(r["a"].sum()), "bSum": float(r["b"].sum())}
    return run, answer


def netcdf(cfg):
    import xarray as xr

    def run():
        dss = [xr.open_dataset(p) for p in cfg["nc"]]
        tas = xr.concat([ds["tas"] for ds in dss], dim="time")
        mean = tas.mean("time").values
        annual = tas.groupby("time.year").mean().values
        for ds in dss:
            ds.close()
        return mean, annual

    def answer(r):
        mean, annual = r
        return {"meanSum": float(mean.sum(dtype=np.float64)), "annualSum": float(annual.sum(dtype=np.float64)), "years": annual.shape[0]}
    return run, answer


def netcdf_chunked(cfg):
    import xarray as xr
    f = os.path.join(cfg["data"], "chunked.nc")
    # the chunk length bench/lib/chunked-nc.ts wrote into the file's stamp (120 months in full mode)
    with open(f + ".done.json") as fh:
        chunk = json.load(fh)["chunk"]

    def run():
        # xarray with dask (Debian python3-dask): lazy chunks, mean computed by dask's threaded scheduler
        with xr.open_dataset(f, chunks={"time": chunk}) as ds:
            return ds["tas"].mean("time").values

    def answer(m):
        return {"meanSum": float(m.sum(dtype=np.float64)), "cells": int(m.size)}
    return run, answer


WORKLOADS = {
    "groupby-int": groupby_int, "groupby-str": groupby_str, "pivot-table": pivot_table, "csv-read": csv_read, "csv-chunked": csv_chunked,
    "sort": sort, "filter-arith": filter_arith, "join": join, "transform": transform, "melt-pivot": melt_pivot,
    "cdist-3-euclidean": cdist(3, "euclidean"), "cdist-3-cityblock": cdist(3, "cityblock"),
    "cdist-64-euclidean": cdist(64, "euclidean"), "curve-fit": curve_fit, "netcdf": netcdf,
    "netcdf-chunked": netcdf_chunked,
}
NOT_APPLICABLE = {
    "parquet-write": "Debian pandas has no pyarrow/fastparquet: no Parquet I/O",
    "parquet-read": "Debian pandas has no pyarrow/fastparquet: no Parquet I/O",
}


def version():
    import importlib.metadata as md
    out = ["pandas " + pd.__version__, "numpy " + np.__version__]
    for mod in ("scipy", "xarray"):
        try:
            v = __import__(mod).__version__
            if v == "999":  # Debian's xarray reports a placeholder version: ask dpkg
                import subprocess
                v = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "python3-" + mod],
                                   capture_output=True, text=True).stdout.strip() or md.version(mod)
        except Exception:  # noqa: BLE001
            v = "?"
        out.append(mod + " " + v)
    return ", ".join(out) + ", python " + sys.version.split()[0]


def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def measure(cfg, w):
    base = {"contender": "pandas", "workload": w}
    if w in NOT_APPLICABLE:
        return {**base, "status": "na", "note": NOT_APPLICABLE[w]}
    try:
        run, answer = WORKLOADS[w](cfg)
        gc.collect()
        loaded = rss_mb()
        times = []
        out = None
        runs = cfg["repeats"]
        i = 0
        while i < cfg["warmup"] + runs:
            out = None
            gc.collect()
            t0 = time.perf_counter()
            out = run()
            dt = (time.perf_counter() - t0) * 1000
            if i >= cfg["warmup"]:
                times.append(dt)
            elif i == cfg["warmup"] - 1 and cfg.get("budgetMs") and dt > 0:
                runs = max(1, min(runs, int(cfg["budgetMs"] // dt)))
            i += 1
        ans = answer(out)
        if runs < cfg["repeats"]:
            base["note"] = "%d timed run%s instead of %d (time budget)" % (runs, "s" if runs > 1 else "", cfg["repeats"])
        return {**base, "status": "ok", "times": times, "median": float(np.median(times)), "answer": ans,
                "loadedRssMB": loaded, "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "version": version()}
    except Exception as e:  # noqa: BLE001
        return {**base, "status": "error", "note": (type(e).__name__ + ": " + str(e)).splitlines()[0][:200]}


def main():
    cfg = json.loads(sys.argv[1])
    for w in cfg["workloads"]:
        print("@@RESULT " + json.dumps(measure(cfg, w)), flush=True)


if __name__ == "__main__":
    main()
