"""SALib as the oracle of meetlat's uncertainty analysis.

The model function is shared on purpose: `meetlat sensitivity --problem` gives its variables
(grouped by assumption), `--evaluate` the ranks at any points. Everything else is independent:
SALib draws its own Saltelli sample (a scrambled Sobol' sequence) and computes the indices with
its own estimators and bootstrap confidence; meetlat draws a pseudo-random sample of another
size with its own seed and its own estimator code. The indices must agree within their Monte
Carlo error, overall (each gemeente weighted by its rank variance) and per gemeente. A wrong
sampler (groups mixed up, A and B not independent), a wrong estimator (no centring, first-order
and total swapped, a wrong variance) or a different aggregation would not.

Run by scripts/test.sh. Environment: MEETLAT_BIN (default: <repository>/.build/debug/meetlat).
"""
import csv
import io
import json
import os
import pathlib
import subprocess

import numpy as np
import pytest
import SALib.util
from SALib.analyze import sobol as sobol_analyze
from SALib.sample import sobol as sobol_sample


def _group_names(problem):
    """SALib 1.5.1's `extract_group_names` with the same result (unique names, in order), for a
    pandas 3 that refuses the plain list SALib passes to `pandas.unique` (the test virtualenv
    has pandas 3 for the fixture writers). Nothing of the estimation changes."""
    groups = problem.get("groups") or problem["names"]
    names = list(dict.fromkeys(groups))
    return names, len(names)


SALib.util.extract_group_names = _group_names
sobol_analyze.extract_group_names = _group_names

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
MEETLAT = pathlib.Path(os.environ.get("MEETLAT_BIN", REPOSITORY / ".build" / "debug" / "meetlat")).resolve()
YEAR = "2013"          # every assumption family, count source included
SALIB_BASE = 1024      # SALib: 1024 × (7 + 2) rankings
MEETLAT_BASE = 768     # meetlat: another size, another seed


def meetlat(*arguments):
    run = subprocess.run([str(MEETLAT), *arguments], cwd=REPOSITORY, capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def salib(tmp_path_factory):
    problem = json.loads(meetlat("sensitivity", "--year", YEAR, "--problem"))
    problem["bounds"] = [[0.0, 1.0]] * problem["num_vars"]
    points = sobol_sample.sample(problem, SALIB_BASE, calc_second_order=False, scramble=True, seed=20131)
    points = np.minimum(points, np.nextafter(1.0, 0.0))
    path = tmp_path_factory.mktemp("salib") / "points.csv"
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(problem["names"])
        writer.writerows([[repr(float(value)) for value in row] for row in points])
    rows = list(csv.reader(io.StringIO(meetlat("sensitivity", "--year", YEAR, "--evaluate", str(path)))))
    codes, ranks = rows[0], np.array([[int(value) for value in row] for row in rows[1:]], dtype=float)
    assert ranks.shape == (len(points), len(codes))
    groups = list(dict.fromkeys(problem["groups"]))
    step = len(groups) + 2
    indices, variances = {}, {}
    for column, code in enumerate(codes):
        output = ranks[:, column]
        a_and_b = np.r_[output[0::step], output[step - 1::step]]
        if np.ptp(a_and_b) == 0:
            continue
        result = sobol_analyze.analyze(problem, output, calc_second_order=False, num_resamples=200, seed=7)
        indices[code] = {group: (result["S1"][j], result["S1_conf"][j], result["ST"][j], result["ST_conf"][j])
                         for j, group in enumerate(groups)}
        variances[code] = np.var(a_and_b)
    return {"groups": groups, "indices": indices, "variances": variances}


@pytest.fixture(scope="module")
def ours():
    return json.loads(meetlat("sensitivity", "--year", YEAR, "--format", "json", "--samples", str(MEETLAT_BASE), "--seed", "99"))


def test_the_problem_groups_every_assumption(salib, ours):
    assert salib["groups"] == [assumption["id"] for assumption in ours["assumptions"]]
    assert salib["groups"] == ["weights", "follower_rule", "holiday", "missing_counts", "approximate", "aggregation",
                               "count_source"]


def test_overall_indices_agree_within_the_monte_carlo_error(salib, ours):
    total_variance = sum(salib["variances"].values())
    for j, group in enumerate(salib["groups"]):
        first = sum(salib["indices"][code][group][0] * variance for code, variance in salib["variances"].items()) / total_variance
        total = sum(salib["indices"][code][group][2] * variance for code, variance in salib["variances"].items()) / total_variance
        mine = ours["assumptions"][j]["index"]
        # SALib's quasi-random estimate is at least as precise as meetlat's pseudo-random one:
        # the combined standard error is at most √2 × meetlat's.
        assert abs(mine["first"] - first) <= 4 * np.sqrt(2) * mine["firstError"], (group, mine, first)
        assert abs(mine["total"] - total) <= 4 * np.sqrt(2) * mine["totalError"], (group, mine, total)
    # Not vacuous: the assumptions differ in weight, beyond the errors.
    totals = [assumption["index"]["total"] for assumption in ours["assumptions"]]
    assert max(totals) - min(totals) > 10 * max(a["index"]["totalError"] for a in ours["assumptions"])


def test_per_gemeente_indices_agree_within_the_monte_carlo_error(salib, ours):
    compared, within = 0, 0
    varying = {g["code"]: g for g in ours["gemeenten"] if g.get("indices")}
    assert set(varying) == set(salib["indices"]), "the same gemeenten vary under both samples"
    for code, gemeente in varying.items():
        for group in salib["groups"]:
            s1, s1_conf, st, st_conf = salib["indices"][code][group]
            mine = gemeente["indices"][group]
            for value, error, other, other_conf in ((mine["first"], mine["firstError"], s1, s1_conf),
                                                    (mine["total"], mine["totalError"], st, st_conf)):
                combined = np.hypot(error, other_conf / 1.96)
                compared += 1
                within += abs(value - other) <= 3 * combined + 1e-9
    # 3 standard errors hold 99.7 % of a normal estimate; ranks are lumpy, so ask for 95 %.
    assert compared > 500
    assert within / compared >= 0.95, f"{within} of {compared} within 3 standard errors"
