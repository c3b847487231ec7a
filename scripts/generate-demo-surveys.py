#!/usr/bin/env python3
"""Generate the synthetic demo survey exports of 2011, 2012 and 2013, and the synthetic 2013
observations file of measured accounts (Surveys/2013/accounts.csv).

The answers are synthetic: they are not the real survey answers (which were never published).
They are generated so that the whole meetlat pipeline (ingest → score → stats) reproduces the
published figures in Surveys/published/ (Tabel 1-10 of the 2012 chapter, Tabel 7-1 and 7-2 of the
2014 report, the 2012 top 10 and its 2011 ranks), while looking like what survey tools export:
three export styles, name variants, anonymous rows, duplicates, a few rejected rows, approximate
and unknown numbers, and private columns with fictional people.

Usage:
    python3 scripts/generate-demo-surveys.py           # write Surveys/<year>/export-<year>.csv and 2013/accounts.csv
    python3 scripts/generate-demo-surveys.py --check   # regenerate in memory, compare byte for byte

Either way the exports are then scored by `meetlat score` (the binary of `--meetlat`, else
$MEETLAT_BIN, else .build/debug/meetlat: build it first) and every gemeente's total must be the
one the generator designed: the rules below only steer the design; meetlat's scorer is the one
that counts, and a rule here that drifted from it fails the run.

Requirements: Python 3.9 or later, standard library only. Everything random comes from one fixed
seed (SEED) through SplitMix64 and plain float arithmetic, so the output is byte-identical on
every machine and Python version. The mapping files (Surveys/<year>/mapping.yaml) are written by
hand; the column names below must match them.

Inputs (read-only): Surveys/reference/*.csv (gemeenten, aliases, inhabitants, size classes),
Surveys/published/<year>.yaml (the targets) and Surveys/models/<model>.yaml (the scoring rules,
applied here with the same integer formulas as the Scoring target to steer the design towards
the published scores, and checked against `meetlat score` afterwards).
"""

import argparse
import csv
import datetime
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

SEED = 20121114
ROOT = Path(__file__).resolve().parent.parent
SURVEYS = ROOT / "Surveys"


# ---------------------------------------------------------------------------------------------
# Random numbers: SplitMix64, so the sequence never depends on Python's `random` internals.
# Only +, -, *, / and comparisons on floats: no libm functions whose last bit could differ.

class Rng:
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        self.state = seed & self.MASK

    def next64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & self.MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
        return z ^ (z >> 31)

    def random(self):
        """Uniform on [0, 1)."""
        return (self.next64() >> 11) / 9007199254740992.0

    def uniform(self, low, high):
        return low + (high - low) * self.random()

    def randint(self, low, high):
        """Uniform integer in [low, high]."""
        return low + self.next64() % (high - low + 1)

    def chance(self, probability):
        return self.random() < probability

    def choice(self, items):
        return items[self.next64() % len(items)]

    def shuffled(self, items):
        items = list(items)
        for index in range(len(items) - 1, 0, -1):
            other = self.next64() % (index + 1)
            items[index], items[other] = items[other], items[index]
        return items

    def normalish(self):
        """Mean 0, standard deviation 1, roughly normal (Irwin-Hall of 12 uniforms)."""
        return sum(self.random() for _ in range(12)) - 6.0

    def weighted_sample(self, weights, count):
        """`count` distinct keys of `weights` (key → weight > 0), drawn one by one in
        proportion to their weight. Keys are visited in sorted order, so the result depends
        only on the seed."""
        pool = sorted(weights)
        chosen = []
        for _ in range(count):
            total = sum(weights[key] for key in pool)
            target = self.random() * total
            running = 0.0
            pick = pool[-1]
            for key in pool:
                running += weights[key]
                if target < running:
                    pick = key
                    break
            pool.remove(pick)
            chosen.append(pick)
        return chosen


def fork(label):
    """An independent generator per purpose, so a change in one part of the data does not
    reshuffle every other part. FNV-1a of the label mixed with the seed."""
    value = 0xCBF29CE484222325
    for byte in f"{SEED}:{label}".encode("utf-8"):
        value = ((value ^ byte) * 0x100000001B3) & Rng.MASK
    return Rng(value)


# ---------------------------------------------------------------------------------------------
# A reader for the YAML subset of Surveys/published and Surveys/models: block mappings and
# sequences, flow mappings and sequences on one line, quoted and plain scalars, `>-` / `|`
# block scalars, comments. Enough for those files; not a general YAML parser.

class YAMLSubset:
    def __init__(self, text, name):
        self.lines = text.split("\n")
        self.name = name
        self.index = 0

    def fail(self, problem):
        raise ValueError(f"{self.name}, line {self.index + 1}: {problem}")

    @staticmethod
    def strip_comment(line):
        quote = None
        for position, character in enumerate(line):
            if quote:
                if character == quote:
                    quote = None
            elif character in "'\"":
                quote = character
            elif character == "#" and (position == 0 or line[position - 1] in " \t"):
                return line[:position].rstrip()
        return line.rstrip()

    def peek(self):
        while self.index < len(self.lines):
            content = self.strip_comment(self.lines[self.index])
            if content.strip():
                indent = len(content) - len(content.lstrip(" "))
                return indent, content.strip()
            self.index += 1
        return None

    def parse(self):
        top = self.peek()
        if top is None:
            return None
        return self.block(top[0])

    def block(self, indent):
        indent_found, content = self.peek()
        if content == "-" or content.startswith("- "):
            return self.sequence(indent_found)
        return self.mapping(indent_found)

    @staticmethod
    def split_key(content):
        quote = None
        for position, character in enumerate(content):
            if quote:
                if character == quote:
                    quote = None
            elif character in "'\"":
                quote = character
            elif character == ":" and (position + 1 == len(content) or content[position + 1] == " "):
                return content[:position].strip(), content[position + 1:].strip()
        return None, None

    def mapping(self, indent):
        result = {}
        while True:
            line = self.peek()
            if line is None or line[0] < indent:
                return result
            if line[0] > indent:
                self.fail("unexpected indentation")
            content = line[1]
            if content.startswith("- "):
                return result
            key, rest = self.split_key(content)
            if key is None:
                self.fail(f"expected 'key: value', found {content!r}")
            key = self.scalar(key)
            self.index += 1
            if rest in (">", ">-", "|", "|-"):
                result[key] = self.block_scalar(indent, folded=rest.startswith(">"))
            elif rest == "":
                following = self.peek()
                if following is None or following[0] < indent or (following[0] == indent and not following[1].startswith("- ")):
                    result[key] = None
                else:
                    result[key] = self.block(following[0])
            else:
                result[key] = self.value(rest)

    def sequence(self, indent):
        result = []
        while True:
            line = self.peek()
            if line is None or line[0] < indent:
                return result
            content = line[1]
            if line[0] != indent or not (content == "-" or content.startswith("- ")):
                return result
            item = content[1:].strip()
            if item == "":
                self.index += 1
                result.append(self.block(self.peek()[0]))
            elif item[0] in "{[\"'" or self.split_key(item)[0] is None:
                self.index += 1
                result.append(self.value(item))
            else:
                # "- key: value" starts a mapping indented like its first key.
                self.lines[self.index] = " " * (indent + 2) + item
                result.append(self.mapping(indent + 2))

    def block_scalar(self, indent, folded):
        parts = []
        while self.index < len(self.lines):
            raw = self.lines[self.index]
            if raw.strip() and len(raw) - len(raw.lstrip(" ")) <= indent:
                break
            parts.append(raw.strip())
            self.index += 1
        while parts and not parts[-1]:
            parts.pop()
        return (" " if folded else "\n").join(parts)

    def value(self, text):
        if text.startswith("{") or text.startswith("["):
            value, rest = self.flow(text, 0)
            if text[rest:].strip():
                self.fail(f"unexpected text after {text[:rest]!r}")
            return value
        return self.scalar(text)

    def flow(self, text, position):
        opening = text[position]
        closing = "}" if opening == "{" else "]"
        position += 1
        result = {} if opening == "{" else []
        while True:
            while position < len(text) and text[position] == " ":
                position += 1
            if position >= len(text):
                self.fail(f"unterminated {opening}")
            if text[position] == closing:
                return result, position + 1
            item, position = self.flow_item(text, position)
            if opening == "{":
                key, rest = self.split_key(item + (" " if not item.endswith(":") else ""))
                if key is None:
                    self.fail(f"expected 'key: value' in {text!r}")
                if rest.startswith("{") or rest.startswith("["):
                    result[self.scalar(key)] = self.flow(rest, 0)[0]
                else:
                    result[self.scalar(key)] = self.scalar(rest)
            else:
                result.append(self.value(item) if item[:1] in "{[" else self.scalar(item))
            while position < len(text) and text[position] == " ":
                position += 1
            if position < len(text) and text[position] == ",":
                position += 1

    def flow_item(self, text, position):
        start = position
        depth = 0
        quote = None
        while position < len(text):
            character = text[position]
            if quote:
                if character == quote:
                    quote = None
            elif character in "'\"":
                quote = character
            elif character in "{[":
                depth += 1
            elif character in "}]":
                if depth == 0:
                    break
                depth -= 1
            elif character == "," and depth == 0:
                break
            position += 1
        return text[start:position].strip(), position

    @staticmethod
    def scalar(text):
        text = text.strip()
        if len(text) >= 2 and text[0] == text[-1] == "'":
            return text[1:-1].replace("''", "'")
        if len(text) >= 2 and text[0] == text[-1] == '"':
            return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        if text in ("true", "false"):
            return text == "true"
        if text in ("null", "~", ""):
            return None
        try:
            return int(text)
        except ValueError:
            pass
        try:
            return float(text)
        except ValueError:
            return text


def read_yaml(path):
    return YAMLSubset(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))).parse()


# ---------------------------------------------------------------------------------------------
# Rounding and counting, as meetlat does it.

def percent_of(part, whole):
    """Whole percentage rounded half up, in integers (Support.Rounding.percent)."""
    return (200 * part + whole) // (2 * whole)


def count_for_percent(percent, whole):
    """The count whose share of `whole` is nearest to `percent` and prints as `percent`."""
    count = (2 * percent * whole + 100) // 200
    if percent_of(count, whole) != percent:
        raise AssertionError(f"no count of {whole} prints as {percent} %")
    return count


def half_up(value, decimals=0):
    """Support.Rounding.halfUp: rounded half up, with the same tiny nudge."""
    scale = 10 ** decimals
    return int(abs(value) * scale + 0.5 + 1e-9) / scale * (1 if value >= 0 else -1)


def sum_range_for_mean(mean, count, decimals):
    """Integer sums S with half_up(S / count, decimals) == mean."""
    low = int((mean - 0.5 / 10 ** decimals) * count) - 1
    high = int((mean + 0.5 / 10 ** decimals) * count) + 1
    sums = [total for total in range(max(0, low), high + 1) if half_up(total / count, decimals) == mean]
    if not sums:
        raise AssertionError(f"no integer sum of {count} values has mean {mean}")
    return sums[0], sums[-1]


# ---------------------------------------------------------------------------------------------
# Reference data.

class Gemeente:
    def __init__(self, row):
        self.code = row["code"]
        self.name = row["name"]
        self.province = row["province"]
        self.first_year = int(row["first_year"])
        self.last_year = int(row["last_year"]) if row["last_year"] else None
        self.successor = row["successor"] or None
        self.aliases = []

    def existed(self, year):
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def __repr__(self):
        return f"{self.name} ({self.code})"


def fold_name(text):
    """TextFolding.gemeenteName: compatibility-decomposed, lower case, accents, apostrophes and
    dots dropped, other non-alphanumerics as one space, a leading 'gemeente' removed."""
    result = []
    pending = False
    for character in unicodedata.normalize("NFKD", text).lower():
        if unicodedata.category(character) == "Mn" or character in "'\u2018\u2019`\u00b4.":
            continue
        if character.isalpha() or character.isnumeric():
            if pending and result:
                result.append(" ")
            pending = False
            result.append(character)
        else:
            pending = bool(result)
    folded = "".join(result)
    if folded.startswith("gemeente ") and len(folded) > len("gemeente "):
        folded = folded[len("gemeente "):]
    return folded


def strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


class Reference:
    def __init__(self, folder):
        def rows(name):
            with open(folder / name, encoding="utf-8", newline="") as handle:
                return list(csv.DictReader(handle))

        self.gemeenten = {row["code"]: Gemeente(row) for row in rows("gemeenten.csv")}
        for row in rows("aliases.csv"):
            self.gemeenten[row["code"]].aliases.append(row["alias"])
        self.inhabitants = {(row["code"], int(row["year"])): int(row["inhabitants"]) for row in rows("inhabitants.csv")}
        self.size_classes = [
            (row["id"], int(row["minimum"]), int(row["maximum"]) if row["maximum"] else None)
            for row in rows("size-classes.csv")
        ]
        self._keys = {}

    def of_year(self, year):
        return sorted((g for g in self.gemeenten.values() if g.existed(year)), key=lambda g: g.code)

    def by_name(self, name, year):
        matches = [g for g in self.of_year(year) if g.name == name]
        if len(matches) != 1:
            raise AssertionError(f"{name!r} is not one gemeente of {year}")
        return matches[0].code

    def size_class(self, code, year):
        people = self.inhabitants[(code, year)]
        for identifier, minimum, maximum in self.size_classes:
            if people >= minimum and (maximum is None or people <= maximum):
                return identifier
        raise AssertionError(f"{code} falls in no size class")

    def resolve(self, name, year):
        """The code `name` resolves to in `year`, as GemeenteResolver does; None otherwise."""
        if year not in self._keys:
            keys = {}
            for gemeente in self.of_year(year):
                for variant in [gemeente.name, gemeente.code] + gemeente.aliases:
                    keys.setdefault(fold_name(variant), set()).add(gemeente.code)
            self._keys[year] = keys
        found = self._keys[year].get(fold_name(name), set())
        return next(iter(found)) if len(found) == 1 else None


# ---------------------------------------------------------------------------------------------
# Scoring rules, read from Surveys/models/<model>.yaml and applied with the integer formulas of
# Sources/Scoring/Scoring.docc/Scoring.md, "Kinds".

class Model:
    def __init__(self, name):
        self.data = read_yaml(SURVEYS / "models" / f"{name}.yaml")
        if self.data["name"] != name:
            raise AssertionError(f"model file {name} names itself {self.data['name']}")
        self.dimensions = self.data["dimensions"]

    def dimension(self, kind):
        matches = [d for d in self.dimensions if d["kind"] == kind]
        if len(matches) != 1:
            raise AssertionError(f"expected one {kind} dimension")
        return matches[0]

    def parts(self, answers, inhabitants, measured=None):
        """Score parts of one response. `answers` maps canonical fields to values: a set for a
        multi field, a string for a choice, a number (or None when unknown) for numbers.
        `measured` maps count fields to measured counts (accounts found and counted), scored where
        the field's source is measured_else_reported."""
        parts = {}
        for dimension in self.dimensions:
            kind = dimension["kind"]
            weight = dimension.get("weight", 1)
            if kind == "presence":
                chosen = answers.get(dimension["field"]) or set()
                points = 0
                for option, spec in dimension["options"].items():
                    if option in chosen:
                        points += spec.get("points", dimension["points"]) if isinstance(spec, dict) else dimension["points"]
            elif kind == "per_inhabitant":
                k, cap = dimension["points_per_percent"], dimension["cap"]
                points = 0
                for field, spec in dimension["fields"].items():
                    source = spec.get("source", dimension.get("source", "reported")) if isinstance(spec, dict) \
                        else dimension.get("source", "reported")
                    if source not in ("reported", "measured_else_reported"):
                        raise AssertionError(f"the generator does not design for the count source {source}")
                    count = answers.get(field)
                    if source == "measured_else_reported" and measured and field in measured:
                        count = measured[field]
                    if count is not None:
                        points += follower_points(int(half_up(count)), inhabitants, k, cap)
            elif kind == "choice_points":
                values = {str(key): value for key, value in dimension["values"].items()}
                points = sum(values[str(answers[field])] for field in dimension["fields"] if answers.get(field) is not None)
            elif kind == "scaled_ratings":
                ratings = dimension["ratings"]
                low, high = ratings["minimum"], ratings["maximum"]
                unanswered = ratings.get("unanswered", low)
                total = 0
                for field in dimension["fields"]:
                    rating = answers.get(field)
                    rating = unanswered if rating is None else min(high, max(low, int(half_up(rating))))
                    total += rating - low
                spread = len(dimension["fields"]) * (high - low)
                points = (2 * dimension["scale"] * total + spread) // (2 * spread)
            else:
                raise AssertionError(f"unknown rule kind {kind}")
            parts[dimension["id"]] = points * weight
        return parts

    def total(self, answers, inhabitants, measured=None):
        return sum(self.parts(answers, inhabitants, measured).values())


def follower_points(count, inhabitants, k=4, cap=40):
    """min(cap, round_half_up(k × 100 × n / p)) in integers: min(cap, (2·k·100·n + p) / (2·p))."""
    return min(cap, (2 * k * 100 * count + inhabitants) // (2 * inhabitants))


def counts_for_points(points, inhabitants, k=4, cap=40):
    """The follower counts that earn exactly `points` (below the cap)."""
    low = -(-(2 * inhabitants * points - inhabitants) // (2 * k * 100))
    high = -(-(2 * inhabitants * (points + 1) - inhabitants) // (2 * k * 100)) - 1
    if points >= cap:
        high = 10 ** 9
    return max(0, low), high


def counts_for_whole_percent(percent, inhabitants):
    """The counts whose share of `inhabitants`, rounded half up to a whole percent, is `percent`."""
    low = -(-(2 * inhabitants * percent - inhabitants) // 200)
    high = -(-(2 * inhabitants * (percent + 1) - inhabitants) // 200) - 1
    return max(0, low), high


def ranks(totals):
    """Competition ranks (145, 129, 126, 126, 122 → 1, 2, 3, 3, 5) of a code → total map."""
    ordered = sorted(totals.values(), reverse=True)
    first = {}
    for position, total in enumerate(ordered):
        first.setdefault(total, position + 1)
    return {code: first[total] for code, total in totals.items()}


# ---------------------------------------------------------------------------------------------
# Shared context: the reference, the targets, and stable traits per gemeente.

class Context:
    def __init__(self):
        self.reference = Reference(SURVEYS / "reference")
        self.published = {year: read_yaml(SURVEYS / "published" / f"{year}.yaml") for year in (2011, 2012, 2013)}
        self.models = {year: Model(f"meetlat-{year}") for year in (2011, 2012, 2013)}
        ref = self.reference
        # Size percentile over all gemeenten (by their 2012 inhabitants, else the nearest year).
        sizes = {}
        for code in ref.gemeenten:
            for year in (2012, 2013, 2011):
                if (code, year) in ref.inhabitants:
                    sizes[code] = ref.inhabitants[(code, year)]
                    break
        ordered = sorted(sizes, key=lambda code: (sizes[code], code))
        self.size_percentile = {code: index / (len(ordered) - 1) for index, code in enumerate(ordered)}
        # engagement: how likely a gemeente answers at all (same every year, so the same
        # gemeenten tend to answer again); activity: how much it does with social media.
        self.engagement = {code: fork(f"engagement:{code}").random() for code in sorted(sizes)}
        self.activity = {
            code: 0.35 * self.size_percentile[code] + 0.65 * fork(f"activity:{code}").random() for code in sorted(sizes)
        }
        self.respondents = {}
        self.responses = {}

    def people(self, code, year):
        return self.reference.inhabitants[(code, year)]

    def code(self, name, year):
        return self.reference.by_name(name, year)

    def table(self, year, table_id, source_prefix=None):
        for table in self.published[year]["tables"]:
            if table["id"] == table_id and (source_prefix is None or table["table"].startswith(source_prefix)):
                return table["figures"]
        raise AssertionError(f"published {year} has no table {table_id}")

    def counts(self, year, table_id, source_prefix=None):
        return {f["row"]: f["count"] for f in self.table(year, table_id, source_prefix) if "count" in f}

    def option_counts(self, year, table_id, respondents, source_prefix=None):
        """Counts whose share of the respondents prints as the published percentages."""
        return {
            f["row"]: count_for_percent(f["percent"], respondents)
            for f in self.table(year, table_id, source_prefix)
            if "percent" in f and not f.get("not_asked")
        }

    def select_respondents(self, year, quotas, forced_in=(), forced_out=()):
        """The gemeenten that answer in `year`: per size class (inhabitants of that year) the
        `quotas[class]` most engaged ones, after a yearly random nudge; `forced_in` always."""
        forced_in = set(forced_in)
        chosen = []
        for identifier, _, _ in self.reference.size_classes:
            members = [g.code for g in self.reference.of_year(year) if self.reference.size_class(g.code, year) == identifier]
            forced = [code for code in members if code in forced_in]
            rest = [code for code in members if code not in forced_in and code not in forced_out]
            key = {code: self.engagement[code] + 0.9 * fork(f"answers:{year}:{code}").random() for code in rest}
            rest.sort(key=lambda code: (-key[code], code))
            need = quotas[identifier] - len(forced)
            if need < 0:
                raise AssertionError(f"{year}: more forced respondents than the quota of class {identifier}")
            chosen += forced + rest[:need]
        missing = forced_in - set(chosen)
        if missing:
            raise AssertionError(f"{year}: forced respondents not of the year: {sorted(missing)}")
        self.respondents[year] = sorted(chosen)
        return self.respondents[year]


def assign_ordered(codes, key, counts):
    """Give the `counts` values (value → count, in order) to `codes` sorted by `key`, highest
    first: the first value to the highest keys. Exact counts, ordered by the latent key."""
    ordered = sorted(codes, key=lambda code: (-key[code], code))
    if sum(counts.values()) != len(ordered):
        raise AssertionError(f"assign_ordered: {sum(counts.values())} values for {len(ordered)} gemeenten")
    result = {}
    position = 0
    for value, count in counts.items():
        for code in ordered[position:position + count]:
            result[code] = value
        position += count
    return result


def assign_options(codes, counts, weight, fixed=None, rng=None):
    """Multi-select with exact option counts: `fixed` gemeenten keep their selection, the others
    get each option drawn in proportion to `weight(option, code)`."""
    fixed = fixed or {}
    selection = {code: set(fixed.get(code, set())) for code in codes}
    free = [code for code in codes if code not in fixed]
    for option, count in counts.items():
        need = count - sum(1 for code in fixed if option in fixed[code])
        if need < 0:
            raise AssertionError(f"option {option}: the fixed gemeenten already exceed {count}")
        chosen = rng.weighted_sample({code: weight(option, code) for code in free}, need)
        for code in chosen:
            selection[code].add(option)
    return selection


def fit_sum(values, bounds, adjustable, low, high):
    """Moves the integer `values` of the `adjustable` codes within their `bounds` until their
    sum (over all values) lies in [low, high]: the difference is spread in proportion to each
    value's room, so no value is pushed to an edge unless it must be."""
    for _ in range(20):
        total = sum(values.values())
        if low <= total <= high:
            return
        target = (low + high) // 2
        delta = target - total
        rooms = {}
        for code in sorted(adjustable):
            lo, hi = bounds[code]
            rooms[code] = (hi - values[code]) if delta > 0 else (values[code] - lo)
        available = sum(room for room in rooms.values() if room > 0)
        if available == 0:
            break
        remaining = abs(delta)
        for code in sorted(rooms):
            if remaining == 0:
                break
            if rooms[code] <= 0:
                continue
            step = min(remaining, rooms[code], -(-abs(delta) * rooms[code] // available))
            values[code] += step if delta > 0 else -step
            remaining -= step
    total = sum(values.values())
    if not low <= total <= high:
        raise AssertionError(f"fit_sum: cannot reach [{low}, {high}] (sum {total})")


def fit_mean(values, bounds, adjustable, mean, decimals):
    low, high = sum_range_for_mean(mean, len(values), decimals)
    fit_sum(values, bounds, adjustable, low, high)


# ---------------------------------------------------------------------------------------------
# 2012: the constrained year. Tabel 2's top 10 is designed answer by answer; everything else is
# drawn at random and then fitted to the published counts and means.

PURPOSES = ["informeren", "reageren", "interacteren", "crisiscommunicatie", "signaleren", "pers_volgen", "pers_reageren"]
CHANNELS_2012 = ["linkedin", "twitter", "facebook", "hyves", "googleplus", "youtube", "yammer", "pinterest"]
USERS = ["raadsleden", "college", "directie", "medewerkers", "communicatie"]
USAGE_LETTER = {"V": "vaak", "S": "soms", "N": "niet"}

# The published top 10 of 2012 (Tabel 2), decomposed into answers. Presence: 5 per channel;
# usage: one letter per purpose (PURPOSES order; V vaak 10, S soms 5, N niet 0); followers: the
# points wanted for Twitter, Facebook and LinkedIn (None: no account). The generator draws a
# follower count that earns exactly those points and checks that the parts add up to Tabel 2.
TOP10_2012 = [
    ("Hoorn", "linkedin twitter facebook hyves googleplus youtube yammer", "VVVVVVS", (26, 16, 3)),
    ("Boxtel", "linkedin twitter facebook hyves youtube yammer", "VVSVVVS", (22, 14, 3)),
    ("Leerdam", "linkedin twitter facebook youtube yammer pinterest", "VVVVVVS", (20, 9, 2)),
    ("Veghel", "linkedin twitter facebook youtube yammer", "VVVVVVV", (19, 10, 2)),
    ("Lopik", "linkedin twitter facebook youtube yammer", "VSVVVVS", (28, 7, 2)),
    ("Hoogeveen", "linkedin twitter facebook googleplus youtube yammer", "VVSVVVV", (14, 8, 3)),
    ("Borsele", "linkedin twitter facebook youtube yammer", "VSSVVVS", (21, 11, 2)),
    ("Marum", "twitter facebook hyves youtube", "VVSVVVS", (26, 8, None)),
    ("Oldambt", "linkedin twitter facebook hyves youtube yammer", "VSVVVVS", (15, 7, 2)),
    ("Strijen", "linkedin twitter facebook youtube", "VSSVVVS", (30, 8, 1)),
]

# Twitter followers as a whole percentage of inhabitants (text "Aantal volgers": mode 2 % with
# n = 55, 31 gemeenten between 5 and 11 %, mean 3 %). The other buckets are our choice; their
# total is the number that gave a count (the rest of the Twitter users answered "onbekend").
TWITTER_BUCKETS_2012 = {0: 9, 1: 40, 2: 55, 3: 38, 4: 27, 5: 31}   # 5 stands for 5-11 %
# Of the 31 in 5-11 %: one above 100.000 inhabitants, 23 below 25.000 (same text).
TWITTER_HIGH_SPLIT_2012 = {"over100k": 1, "under25k": 23}

# How many users of a channel left the count open ("onbekend", empty): our choice.
UNKNOWN_COUNTS_2012 = {"followers.facebook": 14, "followers.linkedin": 20, "followers.yammer": 16, "following.twitter": 16}
# Tabel 4 rows that add up to 220 or 219: purposes some respondents left unanswered.
OTHER_CHANNEL_TEXTS = ["Pleio", "Flickr", "Pleio, Flickr", "Flickr en Vimeo", "Foursquare", "Instagram", "Pleio (intern)",
                       "Wikipedia-pagina", "Weblog van de burgemeester", "Vimeo", "Pleio en LinkedIn-groep", "Tumblr"]


def build_2012(ctx):
    year = 2012
    ref = ctx.reference
    published = ctx.published[year]
    model = ctx.models[year]

    # --- who answered: Tabel 1 per size class --------------------------------------------
    quotas = {}
    for figure in ctx.table(year, "response"):
        if "class_minimum" in figure:
            identifier = next(i for i, minimum, _ in ref.size_classes if minimum == figure["class_minimum"])
            quotas[identifier] = figure["count"]
    top_codes = [ctx.code(name, year) for name, _, _, _ in TOP10_2012]
    special = {name: ctx.code(name, year) for name in [
        "Vlieland", "Vlaardingen", "Schouwen-Duiveland", "Hollands Kroon", "Middelharnis", "Goedereede",
        "Oostflakkee", "Zijpe", "Graafstroom", "Súdwest-Fryslân", "'s-Hertogenbosch", "Amsterdam"]}
    respondents = ctx.select_respondents(year, quotas, forced_in=top_codes + list(special.values()))
    if len(respondents) != published["respondents"]:
        raise AssertionError(f"2012: {len(respondents)} respondents, published {published['respondents']}")
    others = [code for code in respondents if code not in top_codes]
    people = {code: ctx.people(code, year) for code in respondents}
    activity = ctx.activity
    answers = {code: {} for code in respondents}
    approximate = {code: set() for code in respondents}

    # --- channels (Tabel 3) ------------------------------------------------------------
    channel_counts = ctx.option_counts(year, "channels", len(respondents), "Tabel 3")
    fixed_channels = {code: set(channels.split()) for code, (_, channels, _, _) in zip(top_codes, TOP10_2012)}
    fixed_channels[special["Vlieland"]] = {"facebook", "youtube"}      # a holiday island: Facebook page for visitors
    # Named in the text "Aantal volgers" (Vlaardingen, Schouwen-Duiveland) or used below: on Twitter.
    forced_twitter = {special[name] for name in ("Vlaardingen", "Schouwen-Duiveland", "Amsterdam", "'s-Hertogenbosch")}
    channel_appeal = {"twitter": 2.5, "facebook": 1.2, "linkedin": 1.0, "youtube": 1.3, "yammer": 1.1,
                      "hyves": 0.6, "googleplus": 0.5, "pinterest": 0.5}

    def channel_weight(option, code):
        a = activity[code]
        weight = channel_appeal[option] * (0.15 + a) * (0.15 + a)
        if option == "twitter" and code in forced_twitter:
            weight *= 1000.0
        if option == "yammer":          # an intranet tool: bigger organisations
            weight *= 0.4 + ctx.size_percentile[code]
        if option == "hyves":           # declining, kept by smaller gemeenten
            weight *= 1.4 - ctx.size_percentile[code]
        return weight

    selection = assign_options(respondents, {o: channel_counts[o] for o in CHANNELS_2012}, channel_weight,
                               fixed=fixed_channels, rng=fork("2012:channels"))
    if any("twitter" not in selection[code] for code in forced_twitter):
        raise AssertionError("2012: a gemeente that must be on Twitter is not")
    # "Anders, namelijk": free text, one option column; not a channel of the 2012 model.
    other_weights = {code: activity[code] for code in others if code not in fixed_channels}
    other_text = {}
    for code in fork("2012:other").weighted_sample(other_weights, 22):
        selection[code].add("other")
        other_text[code] = fork(f"2012:other:{code}").choice(OTHER_CHANNEL_TEXTS)
    for code in respondents:
        answers[code]["channels"] = selection[code]

    # --- usage purposes (Tabel 4) -------------------------------------------------------
    usage_counts = {}
    for figure in ctx.table(year, "usage"):
        usage_counts.setdefault(figure["row"].split(".", 1)[1], {})[figure["column"]] = figure["count"]
    top_usage = {code: dict(zip(PURPOSES, (USAGE_LETTER[l] for l in letters)))
                 for code, (_, _, letters, _) in zip(top_codes, TOP10_2012)}
    usage_rng = fork("2012:usage")
    for purpose in PURPOSES:
        counts = usage_counts[purpose]
        unanswered = len(respondents) - sum(counts.values())
        remaining = {value: counts[value] - sum(1 for code in top_codes if top_usage[code][purpose] == value)
                     for value in ("vaak", "soms", "niet")}
        # Those who skipped the question: less active gemeenten, not the top 10.
        skip_weights = {code: 1.2 - activity[code] for code in others}
        skipped = set(fork(f"2012:skip:{purpose}").weighted_sample(skip_weights, unanswered))
        # Purposes with a channel behind them: crisis and signals need Twitter most.
        key = {code: activity[code] + 0.12 * len(selection[code]) + 0.35 * usage_rng.normalish()
               for code in others if code not in skipped}
        chosen = assign_ordered(list(key), key, remaining)
        for code in others:
            answers[code][f"usage.{purpose}"] = chosen.get(code)
        for code in top_codes:
            answers[code][f"usage.{purpose}"] = top_usage[code][purpose]

    # --- followers per inhabitant ---------------------------------------------------------
    def draw(points, code, field):
        """A count that earns exactly `points`."""
        if points is None:
            return None
        low, high = counts_for_points(points, people[code])
        return fork(f"2012:top:{code}:{field}").randint(low, high)

    for code, (_, _, _, (tw, fb, li)) in zip(top_codes, TOP10_2012):
        answers[code]["followers.twitter"] = draw(tw, code, "followers.twitter")
        answers[code]["followers.facebook"] = draw(fb, code, "followers.facebook")
        answers[code]["followers.linkedin"] = draw(li, code, "followers.linkedin")
    hoorn = top_codes[0]
    # Hoorn typed "ca. 540" connections: approximate, kept, flagged.
    answers[hoorn]["followers.linkedin"] = 540
    approximate[hoorn].add("followers.linkedin")
    if follower_points(540, people[hoorn]) != TOP10_2012[0][3][2]:
        raise AssertionError("Hoorn's LinkedIn count no longer earns its designed points")

    twitter_users = [code for code in respondents if "twitter" in selection[code]]
    build_twitter_2012(ctx, answers, approximate, people, twitter_users, top_codes, special)

    def simple_counts(field, channel, share_low, share_high, mean, bounds_factor, fixed=None, small_bonus=0.8):
        users = [code for code in respondents if channel in selection[code]]
        fixed = dict(fixed or {})
        for code in top_codes:
            if channel in selection[code] and field in answers[code]:
                fixed[code] = answers[code][field]
        free = [code for code in users if code not in fixed]
        unknown_weights = {code: 1.3 - activity[code] for code in free}
        unknown = set(fork(f"2012:unknown:{field}").weighted_sample(unknown_weights, UNKNOWN_COUNTS_2012[field]))
        values, bounds = {}, {}
        field_rng = fork(f"2012:{field}")
        for code in users:
            if code in fixed:
                values[code] = fixed[code]
            elif code not in unknown:
                share = field_rng.uniform(share_low, share_high) * (1.0 + small_bonus * (1 - ctx.size_percentile[code]))
                value = max(3, int(half_up(share * people[code] / 100)))
                values[code] = value
                bounds[code] = (max(1, int(value * bounds_factor[0])), min(people[code], int(value * bounds_factor[1]) + 2))
        adjustable = [code for code in values if code not in fixed]
        for code in adjustable:
            if values[code] >= 200 and field_rng.chance(0.09):
                rounded = int(half_up(values[code] / 50)) * 50
                if bounds[code][0] <= rounded <= bounds[code][1]:
                    values[code] = rounded
                    approximate[code].add(field)
        adjustable = [code for code in adjustable if field not in approximate[code]]
        fit_mean(values, bounds, adjustable, mean, 0)
        for code in users:
            answers[code][field] = values.get(code)
        for code in respondents:
            answers[code].setdefault(field, None)

    means = {f["row"]: f["value"] for f in ctx.table(year, "followers") if f.get("column") == "mean"}
    vlieland = special["Vlieland"]
    simple_counts("followers.facebook", "facebook", 0.12, 0.7, means["followers.facebook"], (0.45, 2.2), fixed={vlieland: 1650})
    approximate[vlieland].add("followers.facebook")     # "ca. 1.650": more likes than inhabitants
    simple_counts("followers.linkedin", "linkedin", 0.08, 0.45, means["followers.linkedin"], (0.45, 2.2))
    simple_counts("followers.yammer", "yammer", 0.15, 0.55, means["followers.yammer"], (0.45, 2.2), small_bonus=0.0)
    following_max = next(f["value"] for f in ctx.table(year, "followers") if f["row"] == "following.twitter" and f["column"] == "max")
    schouwen_fact = next(f for f in published["facts"] if f["id"] == "following.twitter.share-max")
    build_following_2012(ctx, answers, people, twitter_users, special, means["following.twitter"], following_max, schouwen_fact)

    # --- scores: the top 10 must be exactly Tabel 2, everyone else below its last score ------
    expected = {ctx.code(entry["gemeente"], year): entry["score"] for entry in published["ranking"]["entries"]}
    for code in top_codes:
        total = model.total(answers[code], people[code])
        if total != expected[code]:
            raise AssertionError(f"2012 design: {ref.gemeenten[code].name} scores {total}, Tabel 2 says {expected[code]}")
    repair_2012_scores(model, answers, people, others, min(expected.values()))

    # --- the rest of the questionnaire ---------------------------------------------------
    build_rest_2012(ctx, answers, approximate, people, respondents, selection)
    ctx.responses[year] = {"answers": answers, "approximate": approximate, "other_text": other_text,
                           "top": top_codes, "special": special}
    return ctx.responses[year]


def build_twitter_2012(ctx, answers, approximate, people, twitter_users, top_codes, special):
    """Twitter followers of 2012: the whole-percent distribution of the text "Aantal volgers"
    and a mean of exactly 1.212 followers."""
    year = 2012
    rng = fork("2012:twitter")
    activity = ctx.activity
    top = set(top_codes)

    def whole_percent(code, count):
        return percent_of(count, people[code])

    answered_total = sum(TWITTER_BUCKETS_2012.values())
    free_users = [code for code in twitter_users if code not in top]
    unknown_count = len(twitter_users) - answered_total
    protected = {special["Vlaardingen"], special["Schouwen-Duiveland"], special["Amsterdam"]}
    unknown = set(fork("2012:unknown:twitter").weighted_sample(
        {code: 1.3 - activity[code] for code in free_users if code not in protected}, unknown_count))
    answered = [code for code in free_users if code not in unknown]

    quotas = dict(TWITTER_BUCKETS_2012)
    for code in top_codes:
        bucket = min(5, whole_percent(code, answers[code]["followers.twitter"]))
        quotas[bucket] -= 1
    # 5-11 %: by size, as the text says.
    def band(code):
        if people[code] > 100000:
            return "over100k"
        return "under25k" if people[code] < 25000 else "middle"
    top_high = [code for code in top_codes if whole_percent(code, answers[code]["followers.twitter"]) >= 5]
    high_quota = {"over100k": TWITTER_HIGH_SPLIT_2012["over100k"], "under25k": TWITTER_HIGH_SPLIT_2012["under25k"]}
    high_quota["middle"] = TWITTER_BUCKETS_2012[5] - high_quota["over100k"] - high_quota["under25k"]
    for code in top_high:
        high_quota[band(code)] -= 1
    if min(high_quota.values()) < 0:
        raise AssertionError(f"2012 Twitter: top 10 exceed the 5-11 % split {high_quota}")
    bucket_of = {}
    for name in ("over100k", "under25k", "middle"):
        pool = {code: (0.2 + activity[code]) * (0.2 + activity[code]) for code in answered
                if band(code) == name and code not in bucket_of and code != special["Amsterdam"]}
        for code in fork(f"2012:twitter:high:{name}").weighted_sample(pool, high_quota[name]):
            bucket_of[code] = 5
    # Big cities: many followers, few per inhabitant.
    bucket_of[special["Amsterdam"]] = 1
    quotas[1] -= 1
    rest = [code for code in answered if code not in bucket_of]
    key = {code: 0.55 * activity[code] + 0.45 * (1 - ctx.size_percentile[code]) + 0.22 * rng.normalish() for code in rest}
    bucket_of.update(assign_ordered(rest, key, {b: quotas[b] for b in (4, 3, 2, 1, 0)}))

    values, bounds = {}, {}
    for code in answered:
        bucket = bucket_of[code]
        if bucket == 5:
            u = rng.random()
            share = 4.6 + 6.6 * u * u * u
            low, _ = counts_for_whole_percent(5, people[code])
            _, high = counts_for_whole_percent(11, people[code])
        else:
            share = rng.uniform(0.1, 0.5) if bucket == 0 else rng.uniform(bucket - 0.45, bucket + 0.45)
            low, high = counts_for_whole_percent(bucket, people[code])
            low = max(low, 1)
        value = min(high, max(low, int(half_up(share * people[code] / 100))))
        values[code], bounds[code] = value, (low, high)
        if value >= 400 and rng.chance(0.08):
            rounded = int(half_up(value / 50)) * 50
            if low <= rounded <= high:
                values[code] = rounded
                approximate[code].add("followers.twitter")
    adjustable = [code for code in answered if "followers.twitter" not in approximate[code]]
    for code in top_codes:
        values[code] = answers[code]["followers.twitter"]
    mean = next(f["value"] for f in ctx.table(year, "followers") if f["row"] == "followers.twitter" and f["column"] == "mean")
    fit_mean(values, bounds, adjustable, mean, 0)
    for code in answered:
        answers[code]["followers.twitter"] = values[code]
    for code in answers:
        answers[code].setdefault("followers.twitter", None)


def build_following_2012(ctx, answers, people, twitter_users, special, mean, maximum, schouwen_fact):
    """Accounts followed on Twitter: mean 158, Vlaardingen the most (2.300), Schouwen-Duiveland
    the highest share of its inhabitants (1.541, 4,51 %)."""
    rng = fork("2012:following")
    fixed = {special["Vlaardingen"]: int(maximum), special["Schouwen-Duiveland"]: schouwen_fact["count"]}
    share_cap = schouwen_fact["count"] / people[special["Schouwen-Duiveland"]]
    free = [code for code in twitter_users if code not in fixed]
    unknown = set(fork("2012:unknown:following").weighted_sample(
        {code: 1.3 - ctx.activity[code] for code in free}, UNKNOWN_COUNTS_2012["following.twitter"]))
    values, bounds = dict(fixed), {}
    for code in free:
        if code in unknown:
            continue
        u = rng.random()
        value = int(12 + 420 * u * u * (0.5 + ctx.activity[code]))
        high = min(int(maximum) - 1, int(share_cap * people[code]) - 1)
        value = min(value, high)
        values[code], bounds[code] = value, (5, high)
    fit_mean(values, bounds, [code for code in values if code not in fixed], mean, 0)
    for code in answers:
        answers[code]["following.twitter"] = values.get(code)


def repair_2012_scores(model, answers, people, others, limit):
    """Nobody outside Tabel 2's top 10 may reach its last score (114). A gemeente that does swaps
    its answer on one purpose with a much lower scorer's lower answer: the Tabel 4 counts stay."""
    for _ in range(500):
        totals = {code: model.total(answers[code], people[code]) for code in others}
        offenders = sorted((code for code in others if totals[code] >= limit), key=lambda code: (-totals[code], code))
        if not offenders:
            return
        code = offenders[0]
        points = {"vaak": 10, "soms": 5, "niet": 0}
        swapped = False
        for purpose in reversed(PURPOSES):
            field = f"usage.{purpose}"
            mine = answers[code][field]
            if mine is None or points[mine] == 0:
                continue
            partners = sorted((other for other in others if other != code and answers[other][field] is not None
                               and points[answers[other][field]] < points[mine]
                               and totals[other] + points[mine] - points[answers[other][field]] < limit - 12),
                              key=lambda other: (totals[other], other))
            if partners:
                partner = partners[len(partners) // 2]
                answers[code][field], answers[partner][field] = answers[partner][field], mine
                swapped = True
                break
        if not swapped:
            raise AssertionError(f"2012: cannot bring {code} below {limit}")
    raise AssertionError("2012: score repair did not settle")


# Tabel 6: the number of gemeenten that left the estimate of a channel open, beyond the 71 that
# gave no estimate at all. Our choice (Google+, Yammer and Pinterest were unknown to many).
REACH_BLANKS_2012 = {"googleplus": 9, "yammer": 22, "pinterest": 13}
GRADES_2012 = {8: 27, 7: 43, 6: 69, 5: 45, 4: 17, 3: 6, 2: 4, 1: 10}   # text: mean 5,70, mode 6 (69×), max 8 (27×), min 1 (10×)
MISSING_2012 = {"hours.total": 7, "staff": 5}


def build_rest_2012(ctx, answers, approximate, people, respondents, selection):
    year = 2012
    activity = ctx.activity
    model = ctx.models[year]
    rng = fork("2012:rest")

    def noisy(label, spread):
        noise = fork(f"2012:noise:{label}")
        return {code: activity[code] + spread * noise.normalish() for code in respondents}

    # Tabel 5: who uses social media (one column per option).
    user_counts = ctx.option_counts(year, "users", len(respondents))
    user_appeal = {"communicatie": 3.0, "college": 1.4, "raadsleden": 1.2, "medewerkers": 1.0, "directie": 0.5}
    users = assign_options(respondents, {o: user_counts[o] for o in USERS},
                           lambda option, code: user_appeal[option] * (0.3 + activity[code]), rng=fork("2012:users"))
    for code in respondents:
        answers[code]["users"] = users[code]

    # Tabel 7-10 and the usage trend: the more active, the further along.
    for field, table_id, order, spread in [
        ("policy", "policy", ["ja", "in_ontwikkeling", "nee"], 0.30),
        ("staff_policy", "staff-policy", ["ja", "richtlijnen", "in_ontwikkeling", "nee"], 0.35),
        ("intention", "intention", ["ja", "nee"], 0.45),
        ("webcare", "webcare", ["ja", "in_ontwikkeling", "nee"], 0.30),
        ("usage_trend", "usage-trend", ["meer", "gelijk", "minder"], 0.40),
    ]:
        counts = ctx.counts(year, table_id)
        chosen = assign_ordered(respondents, noisy(field, spread), {value: counts[value] for value in order})
        for code in respondents:
            answers[code][field] = chosen[code]

    # Self-grade: follows the score.
    totals = {code: model.total(answers[code], people[code]) for code in respondents}
    grade_key = {code: totals[code] / 60.0 + 0.5 * fork(f"2012:grade:{code}").normalish() for code in respondents}
    grades = assign_ordered(respondents, grade_key, GRADES_2012)
    for code in respondents:
        answers[code]["grade"] = grades[code]

    # Hours per week (mean 10; Twitter a little over 3, Facebook over 2) in half hours.
    hours_rng = fork("2012:hours")
    twitter_half, facebook_half, other_half = {}, {}, {}
    for code in respondents:
        a = activity[code]
        if "twitter" in selection[code]:
            twitter_half[code] = max(1, int(half_up(2 * (0.5 + 5.0 * a * hours_rng.uniform(0.5, 1.5)))))
        if "facebook" in selection[code]:
            facebook_half[code] = max(1, int(half_up(2 * (0.3 + 3.6 * a * hours_rng.uniform(0.4, 1.6)))))
        other_half[code] = int(half_up(2 * (len(selection[code]) * hours_rng.uniform(0.2, 1.6) + 8 * a * hours_rng.random())))
    missing_total = set(fork("2012:missing:hours").weighted_sample({c: 1.2 - activity[c] for c in respondents}, MISSING_2012["hours.total"]))
    fit_mean_halves(twitter_half, 3.2)
    fit_mean_halves(facebook_half, 2.3)
    totals_half = {code: twitter_half.get(code, 0) + facebook_half.get(code, 0) + other_half[code]
                   for code in respondents if code not in missing_total}
    bounds = {code: (twitter_half.get(code, 0) + facebook_half.get(code, 0), twitter_half.get(code, 0) + facebook_half.get(code, 0) + 70)
              for code in totals_half}
    mean_hours = next(f["value"] for f in ctx.table(year, "hours") if f["row"] == "hours.total")
    low, high = sum_range_for_mean(mean_hours * 2, len(totals_half), 0)
    fit_sum(totals_half, bounds, list(totals_half), low + (high - low) // 3, high - (high - low) // 3)
    for code in respondents:
        answers[code]["hours.twitter"] = twitter_half[code] / 2 if code in twitter_half else None
        answers[code]["hours.facebook"] = facebook_half[code] / 2 if code in facebook_half else None
        answers[code]["hours.total"] = totals_half[code] / 2 if code in totals_half else None

    # Persons working with social media daily: mean 4,19.
    missing_staff = set(fork("2012:missing:staff").weighted_sample({c: 1.2 - activity[c] for c in respondents}, MISSING_2012["staff"]))
    staff = {}
    for code in respondents:
        if code in missing_staff:
            continue
        hours = answers[code]["hours.total"] or 8
        staff[code] = max(1, int(half_up(hours / 2.6 + 1.2 * rng.normalish())))
    mean_staff = next(f["value"] for f in ctx.table(year, "staff") if f["row"] == "staff")
    fit_mean(staff, {code: (1, 25) for code in staff}, list(staff), mean_staff, 2)
    for code in respondents:
        answers[code]["staff"] = staff.get(code)

    # Tabel 6: estimated share of inhabitants per channel; 71 gemeenten could not say.
    unanswered = next(f for f in ctx.published[year]["facts"] if f["id"] == "reach.unanswered")["count"]
    silent = set(fork("2012:reach:silent").weighted_sample({c: 1.25 - activity[c] for c in respondents}, unanswered))
    estimating = [code for code in respondents if code not in silent]
    reach_means = {f["row"].split(".", 1)[1]: f["value"] for f in ctx.table(year, "reach")}
    reach_rng = fork("2012:reach")
    optimism = {code: reach_rng.uniform(0.7, 1.3) for code in estimating}
    for channel in CHANNELS_2012:
        blanks = set(fork(f"2012:reach:blank:{channel}").weighted_sample({c: 1.0 for c in estimating}, REACH_BLANKS_2012.get(channel, 0)))
        values = {}
        for code in estimating:
            if code in blanks:
                continue
            value = reach_means[channel] * optimism[code] * reach_rng.uniform(0.55, 1.45)
            values[code] = min(90, max(0, int(half_up(value))))
        fit_mean(values, {code: (0, 95) for code in values}, list(values), reach_means[channel], 2)
        for code in respondents:
            answers[code][f"reach.{channel}"] = values.get(code)


def fit_mean_halves(half_hours, mean):
    """Half-hour counts whose mean in hours is `mean` to one decimal."""
    low, high = sum_range_for_mean(mean * 2, len(half_hours), 1)
    fit_sum(half_hours, {code: (1, 60) for code in half_hours}, list(half_hours), int(low), int(high))


# ---------------------------------------------------------------------------------------------
# 2011: the self-scores. The published 2011 ranks of the 2012 top 10 are reached by choosing
# each named gemeente's total at its rank in the drawn distribution and nudging the gemeenten
# tied around it by one point.

CHANNELS_2011 = ["linkedin", "twitter", "facebook", "hyves", "youtube", "yammer"]
RESPONDENTS_2011 = {"lt10k": 20, "10k-50k": 210, "50k-100k": 38, "ge100k": 23}   # 291: Tabel 7-9 "Totaal"
# Channels of the named gemeenten in 2011 (our choice; enough accounts for their rank).
NAMED_CHANNELS_2011 = {
    "Leerdam": "linkedin twitter facebook hyves youtube yammer",
    "Hoorn": "linkedin twitter facebook hyves youtube yammer",
    "Boxtel": "linkedin twitter facebook hyves youtube",
    "Hoogeveen": "linkedin twitter facebook youtube yammer",
    "Marum": "twitter facebook hyves youtube",
    "Oldambt": "twitter hyves youtube yammer",
    "Strijen": "linkedin twitter hyves youtube",
    "Lopik": "twitter youtube yammer",
    "Borsele": "twitter hyves",
}
# Share of the self-scores 1-5 over all accounts (before the rank nudges): mean about 3,67.
SELFSCORE_SHARES_2011 = [0.135, 0.08, 0.14, 0.27, 0.375]
UNKNOWN_TWITTER_2011 = 0.12


def build_2011(ctx):
    year = 2011
    ref = ctx.reference
    published = ctx.published[year]
    activity = ctx.activity
    named_ranks = {ctx.code(entry["gemeente"], year): entry["rank"] for entry in published["ranking"]["entries"]}
    named_channels = {ctx.code(name, year): set(channels.split()) for name, channels in NAMED_CHANNELS_2011.items()}
    if set(named_channels) != set(named_ranks):
        raise AssertionError("2011: NAMED_CHANNELS_2011 must name exactly the gemeenten of the published ranking")
    special = {name: ctx.code(name, year) for name in ["Wieringermeer", "Anna Paulowna", "Wieringen", "Súdwest-Fryslân", "Middelharnis"]}
    veghel = ctx.code("Veghel", year)
    respondents = ctx.select_respondents(year, RESPONDENTS_2011, forced_in=list(named_ranks) + list(special.values()),
                                         forced_out=[veghel])
    denominator = next(t.get("denominator") for t in published["tables"] if t["id"] == "policy")
    if len(respondents) != denominator:
        raise AssertionError(f"2011: {len(respondents)} respondents, Tabel 7 counts {denominator}")
    people = {code: ctx.people(code, year) for code in respondents}
    others = [code for code in respondents if code not in named_ranks]
    answers = {code: {} for code in respondents}
    approximate = {code: set() for code in respondents}
    later = ctx.responses[2012]["answers"]

    # Channels (Tabel 3, 2011 row): who had a channel in 2012 most likely had it in 2011.
    counts = ctx.option_counts(year, "channels", len(respondents), "Tabel 3")
    appeal = {"twitter": 2.0, "yammer": 1.2, "youtube": 1.0, "linkedin": 0.9, "facebook": 0.6, "hyves": 0.8}

    def weight(option, code):
        a = activity[code]
        w = appeal[option] * (0.1 + a) * (0.1 + a)
        if code in later and option in later[code]["channels"]:
            w *= 6.0
        if option == "hyves":
            w *= 1.4 - ctx.size_percentile[code]
        return w

    # Anna Paulowna, the largest predecessor of Hollands Kroon (2012), had started on Twitter.
    fixed = dict(named_channels)
    fixed[special["Anna Paulowna"]] = {"twitter", "hyves"}
    selection = assign_options(respondents, {o: counts[o] for o in CHANNELS_2011}, weight, fixed=fixed,
                               rng=fork("2011:channels"))

    # Self-scores: 1 (account, nothing done) … 5, drawn by activity, shares as above.
    accounts = [(code, channel) for code in others for channel in CHANNELS_2011 if channel in selection[code]]
    score_rng = fork("2011:selfscores")
    key = {account: 0.55 * activity[account[0]] + 0.45 * score_rng.random() for account in accounts}
    ordered = sorted(accounts, key=lambda account: (key[account], account))
    scores = {code: {} for code in respondents}
    position = 0
    for level, share in enumerate(SELFSCORE_SHARES_2011, start=1):
        count = int(half_up(share * len(ordered))) if level < 5 else len(ordered) - position
        for code, channel in ordered[position:position + count]:
            scores[code][channel] = level
        position += count

    def total(code):
        return sum(scores[code].values())

    # The named ranks, top down.
    thresholds = {}
    for code in sorted(named_ranks, key=lambda c: (named_ranks[c], c)):
        rank = named_ranks[code]
        above_named = [other for other in named_ranks if named_ranks[other] < rank]
        need = rank - 1 - len(above_named)
        ordered_totals = sorted((total(other) for other in others), reverse=True)
        target = ordered_totals[need]
        higher = [thresholds[other] for other in above_named if named_ranks[other] < rank]
        same_rank = [thresholds[other] for other in thresholds if named_ranks[other] == rank]
        if same_rank:
            target = same_rank[0]
        elif higher:
            target = min(target, min(higher) - 1)
        above = [other for other in others if total(other) > target]
        if len(above) > need:        # lower some at target + 1 to target (never crosses a higher threshold)
            pool = sorted((o for o in others if total(o) == target + 1 and max(scores[o].values(), default=0) > 1),
                          key=lambda o: (activity[o], o))
            for other in pool[:len(above) - need]:
                lower_one(scores[other], score_rng)
        elif len(above) < need:      # raise some at target to target + 1
            pool = sorted((o for o in others if total(o) == target and min(scores[o].values(), default=5) < 5),
                          key=lambda o: (-activity[o], o))
            for other in pool[:need - len(above)]:
                raise_one(scores[other], score_rng)
        if sum(1 for other in others if total(other) > target) != need:
            raise AssertionError(f"2011: cannot place {ref.gemeenten[code].name} at rank {rank}")
        channels = sorted(named_channels[code])
        if not len(channels) <= target <= 5 * len(channels):
            raise AssertionError(f"2011: {ref.gemeenten[code].name} needs {target} points from {len(channels)} channels")
        thresholds[code] = target
        scores[code] = spread_points(target, channels, fork(f"2011:named:{code}"))

    # The mean self-score (text: 3,67), adjusted below the lowest named total only.
    lowest = min(thresholds.values())
    mean_fact = next(f for f in published["facts"] if f["id"] == "selfscore.mean")
    account_count = sum(len(s) for s in scores.values())
    low, high = sum_range_for_mean(mean_fact["value"], account_count, mean_fact.get("decimals", 2))
    # A gemeente below every named total may move by one point without changing any named rank.
    adjustable = [code for code in others if total(code) < lowest]
    for code in fork("2011:mean").shuffled(sorted(adjustable)):
        current = sum(total(c) for c in respondents)
        if low <= current <= high:
            break
        if current < low and min(scores[code].values(), default=5) < 5:
            raise_one(scores[code], score_rng)
        elif current > high and max(scores[code].values(), default=0) > 1:
            lower_one(scores[code], score_rng)
    current = sum(total(c) for c in respondents)
    if not low <= current <= high:
        raise AssertionError(f"2011: self-score sum {current} outside [{low}, {high}]")
    final = ranks({code: total(code) for code in respondents})
    for code, rank in named_ranks.items():
        if final[code] != rank:
            raise AssertionError(f"2011: {ref.gemeenten[code].name} ranks {final[code]}, published {rank}")
    for code in respondents:
        answers[code]["channels"] = selection[code]
        for channel in CHANNELS_2011:
            answers[code][f"selfscore.{channel}"] = str(scores[code][channel]) if channel in scores[code] else "geen"

    # Twitter followers (asked in 2011, not published): a year before 2012's counts.
    follower_rng = fork("2011:twitter")
    for code in respondents:
        value = None
        if "twitter" in selection[code] and not follower_rng.chance(UNKNOWN_TWITTER_2011):
            earlier = later.get(code, {}).get("followers.twitter")
            if earlier:
                value = max(8, int(half_up(earlier * follower_rng.uniform(0.35, 0.7))))
            else:
                share = follower_rng.uniform(0.2, 2.2) * (1.6 - ctx.size_percentile[code])
                value = max(8, int(half_up(share * people[code] / 100)))
            if value >= 300 and follower_rng.chance(0.1):
                value = int(half_up(value / 100)) * 100
                approximate[code].add("followers.twitter")
        answers[code]["followers.twitter"] = value

    # Tabel 5 (2011 row) and Tabel 7-9 (2011 columns).
    user_counts = ctx.option_counts(year, "users", len(respondents))
    user_appeal = {"communicatie": 2.5, "college": 0.8, "raadsleden": 0.8, "medewerkers": 0.9, "directie": 0.3}
    users = assign_options(respondents, {o: user_counts[o] for o in USERS},
                           lambda option, code: user_appeal[option] * (0.1 + activity[code]), rng=fork("2011:users"))
    for code in respondents:
        answers[code]["users"] = users[code]
    for field, table_id, order, spread in [
        ("policy", "policy", ["ja", "in_ontwikkeling", "nee"], 0.30),
        ("staff_policy", "staff-policy", ["ja", "in_ontwikkeling", "nee"], 0.35),
        ("intention", "intention", ["ja", "nee"], 0.45),
    ]:
        counts = ctx.counts(year, table_id)
        noise = fork(f"2011:noise:{field}")
        key = {code: activity[code] + spread * noise.normalish() for code in respondents}
        chosen = assign_ordered(respondents, key, {value: counts[value] for value in order})
        for code in respondents:
            answers[code][field] = chosen[code]
    ctx.responses[year] = {"answers": answers, "approximate": approximate, "named": named_ranks, "special": special,
                           "scores": scores}
    return ctx.responses[year]


def raise_one(channel_scores, rng):
    """+1 on the lowest self-score below 5 (ties: a random one)."""
    candidates = sorted(channel for channel, score in channel_scores.items() if score < 5)
    lowest = min(channel_scores[c] for c in candidates)
    channel = rng.choice([c for c in candidates if channel_scores[c] == lowest])
    channel_scores[channel] += 1


def lower_one(channel_scores, rng):
    """-1 on the highest self-score above 1."""
    candidates = sorted(channel for channel, score in channel_scores.items() if score > 1)
    highest = max(channel_scores[c] for c in candidates)
    channel = rng.choice([c for c in candidates if channel_scores[c] == highest])
    channel_scores[channel] -= 1


def spread_points(total, channels, rng):
    """Self-scores 1-5 on `channels` adding up to `total`, uneven like real answers."""
    scores = {channel: 1 for channel in channels}
    for _ in range(total - len(channels)):
        open_channels = [c for c in channels if scores[c] < 5]
        weights = {c: 1.0 + scores[c] for c in open_channels}
        scores[rng.weighted_sample(weights, 1)[0]] += 1
    return scores


# ---------------------------------------------------------------------------------------------
# 2013: channels of Tabel 7-1 and the ratings of Tabel 7-2 (2014 report); followers carried on
# from 2012 where the gemeente answered then.

CHANNELS_2013 = ["twitter", "facebook", "linkedin", "youtube", "googleplus", "pinterest", "instagram", "other"]
RESPONDENTS_2013 = {"lt10k": 13, "10k-50k": 166, "50k-100k": 36, "ge100k": 23}   # 238 (58 %)
INSTAGRAM_2013 = 14      # not in Tabel 7-1; the 2013 model counts it: a small share, our choice
UNKNOWN_COUNTS_2013 = {"followers.twitter": 14, "followers.facebook": 21, "followers.linkedin": 26}
APPLICATIONS = ["zenden", "crisiscommunicatie", "omgevingsanalyse", "vragen_luisteren", "signalen_oppikken", "analyses",
                "beleidsinput", "discussies", "burgerparticipatie", "cocreatie", "bestuur_delen", "ambtenaren_delen"]
OTHER_CHANNEL_TEXTS_2013 = ["Flickr", "Pleio", "Vimeo", "Foursquare", "WhatsApp", "Tumblr", "Flickr, Vimeo", "Storify",
                            "Eigen community (Pleio)", "Wordpress-blog"]


def build_2013(ctx):
    year = 2013
    published = ctx.published[year]
    activity = ctx.activity
    special = {name: ctx.code(name, year) for name in ["Goeree-Overflakkee", "Schagen", "Molenwaard", "Hollands Kroon",
                                                       "Schiermonnikoog", "Texel", "Súdwest-Fryslân", "Hoorn", "Boxtel",
                                                       "Leerdam", "Veghel", "Lopik", "Borsele"]}
    respondents = ctx.select_respondents(year, RESPONDENTS_2013, forced_in=list(special.values()))
    if len(respondents) != published["respondents"]:
        raise AssertionError(f"2013: {len(respondents)} respondents, published {published['respondents']}")
    people = {code: ctx.people(code, year) for code in respondents}
    answers = {code: {} for code in respondents}
    approximate = {code: set() for code in respondents}
    earlier = ctx.responses[2012]["answers"]

    counts = ctx.option_counts(year, "channels", len(respondents), "Tabel 7-1")
    counts["instagram"] = INSTAGRAM_2013
    appeal = {"twitter": 3.0, "facebook": 1.5, "linkedin": 1.0, "youtube": 1.0, "googleplus": 0.4, "pinterest": 0.5,
              "instagram": 0.4, "other": 0.5}

    def weight(option, code):
        a = activity[code]
        w = appeal[option] * (0.1 + a) * (0.1 + a)
        if code in earlier and option in earlier[code]["channels"]:
            w *= 6.0
        return w

    fixed = {special["Schiermonnikoog"]: {"twitter", "facebook"}, special["Texel"]: {"twitter", "facebook", "youtube", "instagram"}}
    selection = assign_options(respondents, {o: counts[o] for o in CHANNELS_2013}, weight, fixed=fixed, rng=fork("2013:channels"))
    other_text = {code: fork(f"2013:other:{code}").choice(OTHER_CHANNEL_TEXTS_2013) for code in respondents if "other" in selection[code]}
    for code in respondents:
        answers[code]["channels"] = selection[code]

    # Followers: 2012's count grown, or drawn from the size of the gemeente.
    growth = {"followers.twitter": (1.35, 2.1), "followers.facebook": (1.8, 3.4), "followers.linkedin": (1.2, 1.8)}
    shares = {"followers.twitter": (0.8, 4.5), "followers.facebook": (0.3, 1.8), "followers.linkedin": (0.15, 0.7)}
    channel_of = {"followers.twitter": "twitter", "followers.facebook": "facebook", "followers.linkedin": "linkedin"}
    fixed_counts = {(special["Texel"], "followers.twitter"): 3650, (special["Schiermonnikoog"], "followers.facebook"): 1450}
    for field, channel in channel_of.items():
        rng = fork(f"2013:{field}")
        users = [code for code in respondents if channel in selection[code]]
        unknown = set(fork(f"2013:unknown:{field}").weighted_sample(
            {code: 1.3 - activity[code] for code in users if code not in special.values()}, UNKNOWN_COUNTS_2013[field]))
        for code in respondents:
            value = None
            if (code, field) in fixed_counts:
                value = fixed_counts[(code, field)]
            elif code in users and code not in unknown:
                before = earlier.get(code, {}).get(field)
                if before:
                    value = int(half_up(before * rng.uniform(*growth[field])))
                else:
                    share = rng.uniform(*shares[field]) * (1.5 - ctx.size_percentile[code])
                    value = max(5, int(half_up(share * people[code] / 100)))
                if value >= 500 and rng.chance(0.06):
                    value = int(half_up(value / 100)) * 100
                    approximate[code].add(field)
            answers[code][field] = value

    # Tabel 7-2: twelve applications rated 1-10; means as printed, to one decimal.
    means = {f["row"].split(".", 1)[1]: f["value"] for f in ctx.table(year, "applications")}
    rating_rng = fork("2013:ratings")
    leaning = {code: rating_rng.normalish() for code in respondents}
    halves = {(respondents[17], "cocreatie"): 4.5, (respondents[150], "analyses"): 6.5}
    for application in APPLICATIONS:
        skipped = set(fork(f"2013:skip:{application}").weighted_sample({c: 1.2 - activity[c] for c in respondents},
                                                                         fork(f"2013:skips:{application}").randint(0, 7)))
        values = {}
        for code in respondents:
            if code in skipped:
                continue
            value = means[application] + 2.6 * (activity[code] - 0.5) + 0.6 * leaning[code] + 1.3 * rating_rng.normalish()
            values[code] = min(10, max(1, int(half_up(value))))
        fixed_halves = {code: value for (code, app), value in halves.items() if app == application and code in values}
        # Halves ("4,5") are kept as typed; the integer ratings are fitted around them.
        low, high = sum_range_for_mean(means[application], len(values), 1)
        extra = sum(fixed_halves.values())
        integers = {code: value for code, value in values.items() if code not in fixed_halves}
        low_i, high_i = integer_range_with_extra(means[application], len(values), extra) if extra else (low, high)
        fit_sum(integers, {code: (1, 10) for code in integers}, list(integers), low_i, high_i)
        for code in respondents:
            answers[code][f"application.{application}"] = fixed_halves.get(code, integers.get(code))
    ctx.responses[year] = {"answers": answers, "approximate": approximate, "other_text": other_text, "special": special}
    return ctx.responses[year]


# 2013 observations (Surveys/2013/accounts.csv): a "harde meting" of the respondents' accounts,
# invented like the answers. Every respondent is looked up on four platforms. Most counts are a
# little above the answer (measured some weeks later); some answers were inflated (every account
# of the gemeente added up), some outdated; a few claimed channels have no account to be found
# and a few dormant accounts were never claimed. SYNTHETIC: labelled so in every row's source.
ACCOUNT_PLATFORMS_2013 = {"twitter": "Twitter", "facebook": "Facebook", "linkedin": "LinkedIn", "youtube": "YouTube"}
ACCOUNT_FIELDS_2013 = {"twitter": "followers.twitter", "facebook": "followers.facebook", "linkedin": "followers.linkedin"}
ACCOUNT_SOURCES_2013 = {"twitter": "monitoringexport (synthetisch)", "facebook": "monitoringexport (synthetisch)",
                        "linkedin": "statistieken van het platform (synthetisch)", "youtube": "statistieken van het platform (synthetisch)"}


def account_handle(name, channel):
    slug = "".join(ch for ch in strip_accents(name).lower() if ch.isalnum())
    return {"twitter": f"@gemeente{slug}", "facebook": f"https://www.facebook.com/gemeente{slug}",
            "linkedin": f"https://www.linkedin.com/company/gemeente-{slug}",
            "youtube": f"https://www.youtube.com/user/gemeente{slug}"}[channel][:60]


def build_accounts_2013(ctx):
    """One observation per respondent and platform: (code, platform, account or None, count or
    None, date, source). Also the measured counts the model scores, per code and count field."""
    year = 2013
    responses = ctx.responses[year]
    answers = responses["answers"]
    observations, measured = [], {}
    for code in sorted(ctx.respondents[year]):
        rng = fork(f"2013:accounts:{code}")
        people = ctx.people(code, year)
        day = datetime.date(2013, 6, 3) + datetime.timedelta(days=rng.randint(0, 11))
        measured[code] = {}
        for channel in ACCOUNT_PLATFORMS_2013:
            claimed = channel in answers[code]["channels"]
            found = rng.chance(0.955) if claimed else rng.chance(0.05)
            field = ACCOUNT_FIELDS_2013.get(channel)
            reported = answers[code].get(field) if field else None
            count = None
            if found and not rng.chance(0.02):
                if not claimed:
                    count = rng.randint(5, 150)                       # a dormant account
                elif reported is not None:
                    kind = rng.random()
                    if field in responses["approximate"][code]:
                        factor = rng.uniform(0.8, 1.25)
                    elif kind < 0.8:
                        factor = rng.uniform(0.95, 1.12)              # grown since the answer
                    elif kind < 0.92:
                        factor = rng.uniform(0.45, 0.75)              # every account added up
                    else:
                        factor = rng.uniform(1.3, 1.8)                # an old figure
                    count = max(1, int(half_up(reported * factor)))
                else:
                    low, high = {"twitter": (0.8, 4.5), "facebook": (0.3, 1.8), "linkedin": (0.15, 0.7),
                                 "youtube": (0.01, 0.2)}[channel]
                    count = max(3, int(half_up(rng.uniform(low, high) * (1.5 - ctx.size_percentile[code]) * people / 100)))
            name = ctx.reference.gemeenten[code].name
            observations.append((code, channel, account_handle(name, channel) if found else None, count, day.isoformat(),
                                 ACCOUNT_SOURCES_2013[channel]))
            if field and found and count is not None:
                measured[code][field] = count
    responses["measured"] = measured
    return observations


def render_accounts(ctx, observations):
    """accounts.csv: `,`, UTF-8, LF, a header row; counts with thousands dots as a Dutch export
    writes them, dates as dd-mm-jjjj."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Gemeente", "Platform", "Account", "Volgers", "Gemeten op", "Bron"])
    for code, channel, account, count, day, source in observations:
        year, month, date = day.split("-")
        writer.writerow([ctx.reference.gemeenten[code].name, ACCOUNT_PLATFORMS_2013[channel], account or "",
                         "" if count is None else thousands(count), f"{date}-{month}-{year}", source])
    return buffer.getvalue().encode("utf-8")


def integer_range_with_extra(mean, count, extra):
    """Integer sums S of the other ratings with half_up((S + extra) / count, 1) == mean."""
    candidates = [s for s in range(0, 10 * count + 1) if half_up((s + extra) / count, 1) == mean]
    return candidates[0], candidates[-1]


# ---------------------------------------------------------------------------------------------
# Export rows: the accepted answers plus the messes every real export has.

class Row:
    def __init__(self, kind, code, answers, approximate=None, extra=None):
        self.kind = kind                  # accepted | earlier | anonymous | reject
        self.code = code
        self.answers = answers
        self.approximate = set(approximate or ())
        self.extra = dict(extra or {})
        self.gemeente_text = ""
        self.when = None                  # datetime, or None for "no timestamp"
        self.person = ("", "", "")
        self.remark = ""
        self.override = {}                # canonical field or cell → text as typed (rejects)
        self.reason = None


FIRST_NAMES = ["Anouk", "Bram", "Carla", "Daan", "Els", "Femke", "Gert", "Hanneke", "Ingrid", "Joost", "Karin", "Lars",
               "Marieke", "Nienke", "Olaf", "Petra", "Ruud", "Sanne", "Tom", "Vera", "Wouter", "Yvonne", "Mirjam",
               "Esther", "Jeroen", "Bas", "Linda", "Sjoerd", "Rik", "Judith", "Hans", "Marloes", "Kees", "Inge",
               "Frank", "René", "Anaïs", "Désirée", "Noël", "Chloë", "Thijs", "Loes", "Maaike", "Wim", "Iris"]
# Invented surnames: nobody in these exports is a real person.
SURNAMES = ["Proefmans", "Voorbeeld", "de Steekproef", "Testerink", "van Enquêtedorp", "Fictiema", "Demohuis",
            "Nepperman", "Verzinsel", "van Bedacht", "Schijnhout", "Dummelink", "Invulstra", "Vragenlijst",
            "Formuliersma", "van Kruisjes", "Bedenkers", "Oefenaar", "van Proefdijk", "Zogenaamd", "Nagebootst",
            "de Fictieve", "Invuller", "Versiering", "van Papier", "Schetsma", "Modelhuis", "van Kladblok"]
# Placeholder numbers (sequences nobody is called at): private, never published.
PHONES = ["06-12345678", "06-87654321", "06-11223344", "06-12121212", "06 - 1234 5678", "010-1234567", "020-7654321",
          "030-1234567", "050-1234567", "0229-123456", "0513-654321", "+31 6 12345678", "(0571) 123456", "06-13572468"]
DOMAINS = ["example.nl", "voorbeeld.nl"]

REMARKS = [
    "Wij zijn pas sinds dit voorjaar actief op Twitter.",
    "Facebook gebruiken we vooral voor evenementen in de gemeente.",
    "De aantallen volgers zijn een schatting, de teller stond niet bij de hand.",
    "Interessant onderzoek, wij ontvangen graag de resultaten.",
    "Het beleid ligt nu bij het college ter besluitvorming.",
    "Webcare doen we in de praktijk samen met het KCC.",
    "Wij twijfelen over Hyves; onze doelgroep lijkt daar te vertrekken.",
    "Yammer draait als proef bij twee afdelingen.",
    "Sommige vragen waren lastig voor een kleine gemeente.",
    "Onze burgemeester twittert zelf; dat account is hier niet meegeteld.",
    "Bij calamiteiten zetten we Twitter in samen met de veiligheidsregio.",
    "Het aantal uren is een gemiddelde, in drukke weken is het meer.",
    "Volgend jaar graag ook een vraag over budget.",
    "Een richtlijn voor medewerkers komt na de zomer.",
    "Het YouTube-kanaal gebruiken we voor de raadsvergaderingen.",
    "Geen opmerkingen.",
    "n.v.t.",
    "Ingevuld namens de afdeling communicatie.",
    "Wij zijn net gefuseerd, de cijfers gelden voor de nieuwe gemeente.",
    "Succes met het onderzoek!",
]
# Remarks that deliberately hold personal data (placeholder values): ingest counts remarks,
# the privacy scan must find these and nothing from them may reach Rankings/ or the site.
PERSONAL_REMARKS = [
    "Voor vragen kunt u mij bellen op 06-12345678.",
    "Stuur de uitkomsten graag naar {email}, dan verspreid ik ze intern.",
    "Factuur voor de workshop graag op rekening NL91 ABNA 0417 1643 00 t.n.v. de gemeente.",
    "Bij telefoonnummer per ongeluk mijn BSN ingevuld (123456782), dat mag weg.",
    "Bereikbaar op 010-1234567 of via info@example.nl.",
]
# 2013 (LimeSurvey): quotes, commas and line breaks inside a remark.
REMARKS_2013 = [
    'We gebruiken "Twitter" vooral voor webcare, Facebook voor evenementen.\nVolgend jaar willen we meer met Instagram doen.',
    'Vraag 7 was onduidelijk: bedoelt u "gebruik" of "belang"?',
    "Antwoorden afgestemd met:\n- communicatie\n- KCC, team webcare",
    "Goed initiatief, maar de lijst is lang; misschien korter maken?",
    'Onze "social media-adviseur" is per 1 juni vertrokken, dus cijfers zijn een schatting.',
    "Co-creatie doen we wel, maar niet via sociale media.",
    "Geen opmerkingen.",
    "Het bestuur deelt berichten vooral via de eigen accounts, niet via de gemeente.",
]


def person(rng):
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(SURNAMES)
    local = (first[0] + "." + last.replace(" ", "")).lower()
    email = strip_accents(local) + "@" + rng.choice(DOMAINS)
    return f"{first} {last}", email, rng.choice(PHONES)


def name_variant(ref, code, year, rng, forced=None):
    """How a respondent typed the gemeente's name: mostly the official name, sometimes a common
    variant that meetlat must resolve (case, spaces, accents, 'Gemeente', aliases)."""
    gemeente = ref.gemeenten[code]
    if forced is not None:
        variants = [forced]
    elif rng.chance(0.85):
        return gemeente.name
    else:
        name = gemeente.name
        variants = ["Gemeente " + name, name.upper() + " ", name.lower(), " " + name, name + "  ", "gemeente " + name]
        if strip_accents(name) != name:
            variants += [strip_accents(name)] * 3
        if "-" in name:
            variants += [name.replace("-", " ")] * 2
        if "(" in name:
            variants += [name.split(" (")[0] + " " + name.split("(")[1].rstrip(").")]
        variants += [alias for alias in gemeente.aliases if fold_name(alias) != fold_name(name)] * 2
    variant = rng.choice(variants)
    if ref.resolve(variant, year) != code:
        if forced is not None:
            raise AssertionError(f"{year}: {variant!r} does not resolve to {gemeente.name}")
        return gemeente.name
    return variant


def survey_moment(rng, start, days):
    """A moment in the survey window: mostly office hours on working days."""
    while True:
        day = start + datetime.timedelta(days=rng.randint(0, days - 1))
        if day.weekday() < 5 or rng.chance(0.08):
            break
    if rng.chance(0.85):
        seconds = rng.randint(8 * 3600 + 15 * 60, 17 * 3600 + 45 * 60)
    else:
        seconds = rng.randint(18 * 3600, 22 * 3600 + 30 * 60)
    return datetime.datetime(day.year, day.month, day.day) + datetime.timedelta(seconds=seconds)


def perturb(answers, rng, choice_values, number_fields):
    """An earlier, different answer of the same gemeente: a few choices changed, some numbers
    left open or typed differently."""
    changed = dict(answers)
    fields = sorted(field for field in choice_values if field in changed)
    for field in rng.shuffled(fields)[:rng.randint(2, 4)]:
        changed[field] = rng.choice(choice_values[field])
    for field in number_fields:
        if changed.get(field) is not None and rng.chance(0.4):
            changed[field] = None if rng.chance(0.5) else max(1, int(half_up(changed[field] * rng.uniform(0.7, 0.98))))
    if "channels" in changed and changed["channels"] and rng.chance(0.5):
        channels = sorted(changed["channels"])
        dropped = rng.choice(channels)
        changed["channels"] = set(channels) - {dropped}
        # What hangs on the dropped channel goes with it: no counts for a channel not chosen.
        for field in CHANNEL_FIELDS.get(dropped, ()):
            if field in changed:
                changed[field] = "geen" if field.startswith("selfscore.") else None
    return changed


CHANNEL_FIELDS = {
    "twitter": ["followers.twitter", "following.twitter", "hours.twitter", "selfscore.twitter"],
    "facebook": ["followers.facebook", "hours.facebook", "selfscore.facebook"],
    "linkedin": ["followers.linkedin", "selfscore.linkedin"],
    "yammer": ["followers.yammer", "selfscore.yammer"],
    "hyves": ["selfscore.hyves"],
    "youtube": ["selfscore.youtube"],
}


def build_rows(ctx, year, plan):
    """Every row of the year's export, in submission order, from the accepted answers and the
    `plan` of messes (see PLANS)."""
    ref = ctx.reference
    data = ctx.responses[year]
    start, days = plan["window"]
    rows = []
    forced_names = {ctx.code(name, year): text for name, text in plan["names"].items()}
    for code in sorted(data["answers"]):
        row = Row("accepted", code, data["answers"][code], data["approximate"][code], {"other": data.get("other_text", {}).get(code)})
        row.gemeente_text = name_variant(ref, code, year, fork(f"{year}:name:{code}"), forced_names.get(code))
        row.when = survey_moment(fork(f"{year}:when:{code}"), start, days)
        rows.append(row)
    accepted = {row.code: row for row in rows}

    # Duplicates: an earlier answer of the same gemeente (the later one is used).
    duplicate_rng = fork(f"{year}:duplicates")
    forced_duplicates = [ctx.code(name, year) for name in plan["duplicates_of"]]
    pool = [code for code in sorted(accepted) if code not in forced_duplicates and code not in data.get("top", [])]
    duplicated = forced_duplicates + duplicate_rng.shuffled(pool)[:plan["duplicates"] - len(forced_duplicates)]
    duplicated += duplicated[-1:] * plan.get("triple", 0)      # one gemeente three times
    for code in duplicated:
        winner = accepted[code]
        earlier = Row("earlier", code, perturb(winner.answers, duplicate_rng, plan["choices"], plan["numbers"]),
                      extra=winner.extra)
        earlier.gemeente_text = name_variant(ref, code, year, duplicate_rng, plan["earlier_names"].get(ref.gemeenten[code].name))
        earlier.when = winner.when - datetime.timedelta(days=duplicate_rng.randint(1, 12), minutes=duplicate_rng.randint(5, 150))
        if earlier.when < datetime.datetime(start.year, start.month, start.day):
            winner.when += datetime.timedelta(days=14)
            earlier.when += datetime.timedelta(days=14)
        if plan.get("undated_earlier") and code == duplicated[0]:
            earlier.when = None            # an unfinished earlier attempt: no submit date
        rows.append(earlier)

    # Anonymous: filled in without a gemeente name; many stopped halfway.
    anonymous_rng = fork(f"{year}:anonymous")
    codes = sorted(accepted)
    for index in range(plan["anonymous"]):
        source = accepted[anonymous_rng.choice(codes)]
        answers = perturb(source.answers, anonymous_rng, plan["choices"], plan["numbers"])
        row = Row("anonymous", None, answers, extra={"other": None})
        if anonymous_rng.chance(plan.get("partial", 0.5)):
            row.extra["stop"] = anonymous_rng.random()
        row.gemeente_text = anonymous_rng.choice(["", "", "", "", "", " ", "-"])
        row.when = survey_moment(anonymous_rng, start, days)
        if plan.get("undated_anonymous") and "stop" in row.extra:
            row.when = None
        rows.append(row)

    # Rejects: each row shows one reason meetlat must report.
    for index, spec in enumerate(plan["rejects"]):
        reject_rng = fork(f"{year}:reject:{index}")
        source = accepted[reject_rng.choice(codes)]
        row = Row("reject", None, dict(source.answers), source.approximate, {"other": None})
        row.reason = spec["reason"]
        row.gemeente_text = spec["name"]
        row.override = dict(spec.get("cells", {}))
        if spec.get("earlier_than"):
            row.when = accepted[ctx.code(spec["earlier_than"], year)].when - datetime.timedelta(days=2, minutes=reject_rng.randint(5, 300))
        else:
            row.when = survey_moment(reject_rng, start, days)
        rows.append(row)

    # Private columns and remarks.
    remark_pool = plan.get("remarks", REMARKS)
    personal = list(PERSONAL_REMARKS[:plan["personal_remarks"]])
    # Only rows that reached the last question have a remark.
    finished = [index for index, row in enumerate(rows) if "stop" not in row.extra]
    personal_rows = set(fork(f"{year}:personal").shuffled(finished)[:len(personal)])
    for index, row in enumerate(rows):
        row_rng = fork(f"{year}:private:{index}")
        name, email, phone = person(row_rng)
        if row.kind == "anonymous" and row_rng.chance(0.75):
            name, email, phone = "", "", ""
        if row_rng.chance(0.12):
            phone = ""
        row.person = (name, email, phone)
        if index in personal_rows:
            row.remark = personal.pop().replace("{email}", email or "p.proefmans@voorbeeld.nl")
        elif row_rng.chance(plan["remark_share"]) and "stop" not in row.extra:
            row.remark = row_rng.choice(remark_pool)
    rows.sort(key=lambda row: (row.when or datetime.datetime(start.year, start.month, start.day) + datetime.timedelta(days=days),
                               row.kind, row.code or "", row.gemeente_text))
    return rows


# ---------------------------------------------------------------------------------------------
# Typing numbers as respondents do.

APPROXIMATE_PREFIXES = ["ca. ", "± ", "ongeveer ", "circa ", "+/- ", "plm. ", "ruim "]
UNKNOWN_WORDS = ["onbekend", "Onbekend", "weet ik niet", "?", "-", "", "", "n.b."]


def thousands(value):
    text = str(value)
    groups = []
    while len(text) > 3:
        groups.insert(0, text[-3:])
        text = text[:-3]
    return ".".join([text] + groups)


def type_count(value, approximate, rng, dot_share):
    """A whole number as typed: `1212`, `1.212`, `ca. 300`, `± 250`, `300+`."""
    digits = thousands(value) if value >= 1000 and rng.chance(dot_share) else str(value)
    if approximate:
        return digits + "+" if rng.chance(0.2) else rng.choice(APPROXIMATE_PREFIXES) + digits
    return digits


def type_decimal(value, rng):
    """Hours and the like: `3`, `2,5`, sometimes an English `2.5`."""
    if value == int(value):
        return str(int(value))
    whole, fraction = str(value).split(".")
    return f"{whole}.{fraction}" if rng.chance(0.15) else f"{whole},{fraction}"


def type_unknown(rng, user):
    """An open count: a user who did not know, or a non-user the question did not apply to."""
    if user:
        return rng.choice(UNKNOWN_WORDS)
    return "" if rng.chance(0.85) else rng.choice(["n.v.t.", "nvt", "-"])


# ---------------------------------------------------------------------------------------------
# 2011: a Google-Forms-like export. `,`, UTF-8 without BOM, LF, `d-M-yyyy H:mm:ss`, multi-select
# joined by ", ", a self-score per channel.

SELFSCORE_LABELS_2011 = {
    "geen": "Geen account",
    "1": "1 - ik heb een account maar ik doe er niks mee",
    "2": "2 - ik plaats af en toe iets",
    "3": "3 - ik plaats regelmatig berichten",
    "4": "4 - ik plaats dagelijks berichten en reageer op vragen",
    "5": "5 - ik zet het kanaal actief in voor gesprek en interactie",
}
CHANNEL_LABELS_2011 = {"linkedin": "LinkedIn", "twitter": "Twitter", "facebook": "Facebook", "hyves": "Hyves",
                       "youtube": "YouTube", "yammer": "Yammer"}
USER_LABELS_2011 = {"raadsleden": "Raadsleden", "college": "College (burgemeester, wethouders)", "directie": "MT/directie",
                    "medewerkers": "Medewerkers", "communicatie": "Afdeling communicatie"}
YES_NO = {"ja": "Ja", "nee": "Nee"}
POLICY_LABELS = {"ja": "Ja", "nee": "Nee", "in_ontwikkeling": "In ontwikkeling"}

HEADER_2011 = (["Tijdstempel", "Naam van uw gemeente", "Uw naam", "Uw e-mailadres", "Uw telefoonnummer",
                "Op welke sociale media is uw gemeente actief?"]
               + [f"Hoe actief is uw gemeente op {label}?" for label in CHANNEL_LABELS_2011.values()]
               + ["Hoeveel volgers heeft uw gemeente op Twitter?", "Wie gebruiken er binnen uw gemeente sociale media?",
                  "Heeft uw gemeente sociale-mediabeleid opgesteld?",
                  "Heeft uw gemeente sociale-mediabeleid voor medewerkers opgesteld?",
                  "Is uw gemeente van plan meer gebruik te gaan maken van sociale media?",
                  "Heeft u nog opmerkingen?"])


def joined(selection, labels, separator):
    return separator.join(label for value, label in labels.items() if value in selection)


def cells_2011(row, rng):
    a, o = row.answers, row.override
    if row.when is None:
        raise AssertionError("2011: Google Forms always stamps a row")
    cells = [f"{row.when.day}-{row.when.month}-{row.when.year} {row.when.hour}:{row.when.minute:02d}:{row.when.second:02d}",
             row.gemeente_text] + list(row.person)
    cells.append(joined(a["channels"], CHANNEL_LABELS_2011, ", "))
    for channel in CHANNEL_LABELS_2011:
        score = a[f"selfscore.{channel}"]
        # A few respondents skipped the self-score of a channel they do not have.
        cells.append("" if score == "geen" and rng.chance(0.04) else SELFSCORE_LABELS_2011[score])
    followers = a["followers.twitter"]
    cells.append(o.get("followers.twitter") or (type_count(followers, "followers.twitter" in row.approximate, rng, 0.3)
                                                if followers is not None else type_unknown(rng, "twitter" in a["channels"])))
    cells.append(joined(a["users"], USER_LABELS_2011, ", "))
    cells.append(o.get("policy") or POLICY_LABELS[a["policy"]])
    cells.append(POLICY_LABELS[a["staff_policy"]])
    cells.append(YES_NO[a["intention"]])
    cells.append(row.remark)
    return cells


# ---------------------------------------------------------------------------------------------
# 2012: a SurveyMonkey-like export saved by Dutch Excel. `;`, Windows-1252, CRLF, a second
# header row, one column per option, Dutch numbers, `d-M-yyyy H:mm`.

CHANNEL_LABELS_2012 = {"linkedin": "LinkedIn", "twitter": "Twitter", "facebook": "Facebook", "hyves": "Hyves",
                       "googleplus": "Google+", "youtube": "YouTube", "yammer": "Yammer", "pinterest": "Pinterest"}
PURPOSE_LABELS_2012 = {"informeren": "Burgers informeren", "reageren": "Om te reageren", "interacteren": "Om te interacteren",
                       "crisiscommunicatie": "Crisiscommunicatie", "signaleren": "Om te weten wat er speelt",
                       "pers_volgen": "Actief volgen van de pers", "pers_reageren": "Actief reageren op de pers"}
USAGE_LABELS_2012 = {"niet": "Niet of nauwelijks", "soms": "Soms", "vaak": "Regelmatig tot vaak"}
USER_LABELS_2012 = {"raadsleden": "Raadsleden", "college": "Collegeleden", "directie": "MT/directie",
                    "medewerkers": "Medewerkers", "communicatie": "Afdeling communicatie"}
STAFF_POLICY_LABELS = {"ja": "Ja", "richtlijnen": "Alleen richtlijnen", "nee": "Nee", "in_ontwikkeling": "In ontwikkeling"}
TREND_LABELS = {"meer": "Meer", "gelijk": "Ongeveer gelijk", "minder": "Minder"}
Q_CHANNELS_2012 = "Op welke sociale media is uw gemeente actief?"
Q_PURPOSES_2012 = "Waarvoor gebruikt uw gemeente sociale media?"
Q_USERS_2012 = "Wie gebruiken er binnen uw gemeente sociale media?"
Q_REACH_2012 = "Welk percentage van uw inwoners gebruikt dit kanaal (schatting)?"
Q_HOURS_2012 = "Hoeveel uur per week besteedt uw gemeente aan sociale media?"
NUMBERS_2012 = [("followers.twitter", "Hoeveel volgers heeft uw gemeente op Twitter?", "twitter"),
                ("following.twitter", "Hoeveel accounts volgt uw gemeente op Twitter?", "twitter"),
                ("followers.facebook", "Hoeveel likes heeft de Facebookpagina van uw gemeente?", "facebook"),
                ("followers.linkedin", "Hoeveel connecties heeft uw gemeente op LinkedIn?", "linkedin"),
                ("followers.yammer", "Hoeveel leden heeft het Yammer-netwerk van uw gemeente?", "yammer")]
SINGLE_2012 = [("policy", "Heeft uw gemeente sociale-mediabeleid opgesteld?", POLICY_LABELS),
               ("staff_policy", "Heeft uw gemeente sociale-mediabeleid opgesteld voor medewerkers?", STAFF_POLICY_LABELS),
               ("intention", "Heeft uw gemeente de intentie om meer gebruik te gaan maken van sociale media?", YES_NO),
               ("webcare", "Doet uw gemeente aan webcare?", POLICY_LABELS),
               ("usage_trend", "Gebruikt uw gemeente sociale media meer of minder dan vorig jaar?", TREND_LABELS)]
Q_GRADE_2012 = "Welk rapportcijfer geeft u uw gemeente voor het gebruik van sociale media? (1–10)"
Q_STAFF_2012 = "Hoeveel personen werken dagelijks met sociale media?"

HEADER_2012 = (["RespondentID", "CollectorID", "StartDate", "EndDate", "IP Address", "Email Address", "First Name",
                "LastName", "Custom Data", "Naam van uw gemeente", "Uw naam", "Uw e-mailadres", "Uw telefoonnummer"]
               + [f"{Q_CHANNELS_2012} - {label}" for label in CHANNEL_LABELS_2012.values()]
               + [f"{Q_CHANNELS_2012} - Anders, namelijk"]
               + [question for _, question, _ in NUMBERS_2012]
               + [f"{Q_PURPOSES_2012} - {label}" for label in PURPOSE_LABELS_2012.values()]
               + [f"{Q_USERS_2012} - {label}" for label in USER_LABELS_2012.values()]
               + [f"{Q_REACH_2012} - {label}" for label in CHANNEL_LABELS_2012.values()]
               + [question for _, question, _ in SINGLE_2012]
               + [Q_GRADE_2012] + [f"{Q_HOURS_2012} - {label}" for label in ("Totaal", "Twitter", "Facebook")]
               + [Q_STAFF_2012, "Opmerkingen"])
SECOND_HEADER_2012 = ([""] * 9 + ["Open-Ended Response"] * 4 + list(CHANNEL_LABELS_2012.values()) + ["Anders, namelijk"]
                      + ["Open-Ended Response"] * len(NUMBERS_2012) + list(PURPOSE_LABELS_2012.values())
                      + list(USER_LABELS_2012.values()) + list(CHANNEL_LABELS_2012.values()) + ["Response"] * len(SINGLE_2012)
                      + ["Response", "Totaal", "Twitter", "Facebook", "Open-Ended Response", "Open-Ended Response"])


def excel_time(moment):
    return f"{moment.day}-{moment.month}-{moment.year} {moment.hour}:{moment.minute:02d}"


def cells_2012(row, rng, index):
    a, o = row.answers, row.override
    stop = row.extra.get("stop")          # a partial answer: everything after this share is empty
    cells = [str(2150000000 + 7919 * index + rng.randint(0, 900)), "31457022",
             excel_time(row.when - datetime.timedelta(minutes=rng.randint(6, 45), seconds=rng.randint(0, 59))),
             excel_time(row.when), f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randint(1, 254)}",
             "", "", "", "", row.gemeente_text] + list(row.person)
    body = []
    for channel, label in CHANNEL_LABELS_2012.items():
        body.append(label if channel in a["channels"] else "")
    body.append(row.extra.get("other") or "" if "other" in a["channels"] else "")
    for field, _, channel in NUMBERS_2012:
        value = a.get(field)
        if field in o:
            body.append(o[field])
        elif value is None:
            body.append(type_unknown(rng, channel in a["channels"]))
        else:
            body.append(type_count(value, field in row.approximate, rng, 0.4))
    for purpose in PURPOSE_LABELS_2012:
        value = a[f"usage.{purpose}"]
        body.append(o.get(f"usage.{purpose}") or (USAGE_LABELS_2012[value] if value else ""))
    for user, label in USER_LABELS_2012.items():
        body.append(label if user in a["users"] else "")
    for channel in CHANNEL_LABELS_2012:
        value = a[f"reach.{channel}"]
        if value is None:
            body.append("")
        else:
            style = rng.randint(0, 39)
            body.append(f"{value}%" if style < 16 else f"{value} %" if style < 24 else f"ca. {value}%" if style == 24 else str(value))
    for field, _, labels in SINGLE_2012:
        body.append(o.get(field) or labels[a[field]])
    body.append(str(a["grade"]) if rng.chance(0.95) else f"{a['grade']},0")
    for field in ("hours.total", "hours.twitter", "hours.facebook"):
        value = a[field]
        if field in o:
            body.append(o[field])
        elif value is None:
            body.append(type_unknown(rng, field == "hours.total" or field.split(".")[1] in a["channels"]))
        elif field == "hours.total" and value == int(value) and value >= 4 and rng.chance(0.08):
            body.append(f"{rng.choice(['ca. ', '± ', 'ongeveer '])}{int(value)}")
        else:
            body.append(type_decimal(value, rng))
    body.append(type_unknown(rng, True) if a["staff"] is None else str(a["staff"]))
    if stop is not None:
        keep = int(stop * len(body))
        body = body[:keep] + [""] * (len(body) - keep)
    return cells + body + ["" if stop is not None else row.remark]


# ---------------------------------------------------------------------------------------------
# 2013: a LimeSurvey-like export. `,`, UTF-8 with BOM, CRLF, every field quoted, multi-select
# joined by ";", ratings 1-10, remarks with commas, quotes and line breaks.

CHANNEL_LABELS_2013 = {"twitter": "Twitter", "facebook": "Facebook", "linkedin": "LinkedIn", "youtube": "YouTube",
                       "googleplus": "Google+", "pinterest": "Pinterest", "instagram": "Instagram", "other": "Anders"}
APPLICATION_LABELS_2013 = {
    "zenden": "Zenden van boodschappen", "crisiscommunicatie": "Crisiscommunicatie",
    "omgevingsanalyse": "Omgevingsanalyse", "vragen_luisteren": "Luisteren naar vragen van burgers",
    "signalen_oppikken": "Signalen van burgers oppikken", "analyses": "Analyses van berichten op sociale media",
    "beleidsinput": "Berichten als input voor beleid", "discussies": "Discussies aangaan",
    "burgerparticipatie": "Burgerparticipatie", "cocreatie": "Co-creatie",
    "bestuur_delen": "Meningen en berichten van het bestuur delen",
    "ambtenaren_delen": "Meningen en berichten van individuele ambtenaren delen"}
Q_CHANNELS_2013 = "Op welke kanalen is uw gemeente actief?"
Q_APPLICATIONS_2013 = "Geef met een cijfer van 1 tot 10 aan in welke mate uw gemeente sociale media inzet voor:"
DEPARTMENTS_2013 = ["Communicatie"] * 73 + ["KCC"] * 9 + ["Bestuursondersteuning"] * 6 + ["Griffie"] * 3 + ["Anders"] * 9

HEADER_2013 = (["id", "submitdate", "lastpage", "startlanguage", "Gemeente", "Naam", "E-mailadres", "Telefoonnummer",
                Q_CHANNELS_2013, f"{Q_CHANNELS_2013} [Anders]", "Aantal volgers op Twitter", "Aantal likes op Facebook",
                "Aantal connecties op LinkedIn"]
               + [f"{Q_APPLICATIONS_2013} [{label}]" for label in APPLICATION_LABELS_2013.values()]
               + ["Welke afdeling is primair verantwoordelijk voor sociale media?", "Opmerkingen"])


def cells_2013(row, rng, index):
    a, o = row.answers, row.override
    stop = row.extra.get("stop")
    when = "" if row.when is None else row.when.strftime("%Y-%m-%d %H:%M:%S")
    body = [o.get("channels") or joined(a["channels"], CHANNEL_LABELS_2013, ";"),
            row.extra.get("other") or "" if "other" in a["channels"] else ""]
    for field, channel in (("followers.twitter", "twitter"), ("followers.facebook", "facebook"), ("followers.linkedin", "linkedin")):
        value = a.get(field)
        if field in o:
            body.append(o[field])
        elif value is None:
            body.append(type_unknown(rng, channel in a["channels"]) if rng.chance(0.5) else "")
        else:
            body.append(type_count(value, field in row.approximate, rng, 0.12))
    for application in APPLICATION_LABELS_2013:
        value = a[f"application.{application}"]
        body.append("" if value is None else type_decimal(value, rng))
    body.append(rng.choice(DEPARTMENTS_2013))
    lastpage = "4"
    if stop is not None:
        keep = int(stop * len(body))
        body = body[:keep] + [""] * (len(body) - keep)
        lastpage = str(1 + int(stop * 3))
    return ([str(index + 1), when, lastpage, "nl", row.gemeente_text] + list(row.person) + body
            + ["" if stop is not None else row.remark])


# ---------------------------------------------------------------------------------------------
# The messes of each year.

PLANS = {
    2011: {
        "window": (datetime.date(2011, 4, 4), 46),
        "names": {"Súdwest-Fryslân": "Súdwest Fryslân", "Hoorn": "Hoorn "},
        "earlier_names": {},
        "duplicates": 5, "duplicates_of": ["Leerdam"],
        "choices": {"policy": ["ja", "nee", "in_ontwikkeling"], "staff_policy": ["ja", "nee", "in_ontwikkeling"],
                    "intention": ["ja", "nee"]},
        "numbers": ["followers.twitter"],
        "anonymous": 6, "partial": 0.0,
        "rejects": [
            {"reason": "unknown-gemeente", "name": "Herenveen"},
            {"reason": "unknown-label", "name": "Nijkerk", "cells": {"policy": "Alleen voor Twitter, de rest volgt"}},
            {"reason": "invalid-number", "name": "Gemeente Wijchen", "cells": {"followers.twitter": "veel"}},
        ],
        "personal_remarks": 3, "remark_share": 0.22,
    },
    2012: {
        "window": (datetime.date(2012, 4, 10), 52),
        "names": {"Hoorn": "Gemeente Hoorn", "Súdwest-Fryslân": "Sudwest Fryslan", "'s-Hertogenbosch": "Den Bosch",
                  "Boxtel": "BOXTEL ", "Schouwen-Duiveland": "Schouwen Duiveland"},
        "earlier_names": {"Hoorn": "HOORN "},
        "duplicates": 7, "duplicates_of": ["Hoorn", "Súdwest-Fryslân"], "triple": 1,
        "choices": dict({f"usage.{p}": ["niet", "soms", "vaak"] for p in PURPOSES}, webcare=["ja", "nee", "in_ontwikkeling"],
                        policy=["ja", "nee", "in_ontwikkeling"], usage_trend=["meer", "gelijk"]),
        "numbers": ["followers.twitter", "followers.facebook", "followers.linkedin", "following.twitter"],
        "anonymous": 155, "partial": 0.55,
        "rejects": [
            {"reason": "unknown-gemeente", "name": "Wieringen"},
            {"reason": "unknown-gemeente", "name": "Bergen"},
            {"reason": "unknown-gemeente", "name": "Zevenhuizen-Moerkapelle"},
            {"reason": "unknown-label", "name": "Gemeente Loon op Zand",
             "cells": {"webcare": "Deels", "usage.reageren": "regelmatig"}},
            {"reason": "invalid-number", "name": "Oldambt", "earlier_than": "Oldambt", "cells": {"followers.twitter": "veel"}},
            {"reason": "invalid-number", "name": "Geldermalsen", "cells": {"hours.total": "heel wisselend"}},
        ],
        "personal_remarks": 4, "remark_share": 0.25,
    },
    2013: {
        "window": (datetime.date(2013, 5, 13), 54),
        "names": {"Goeree-Overflakkee": "Goeree Overflakkee", "Súdwest-Fryslân": "Súdwest-Fryslân "},
        "earlier_names": {},
        "duplicates": 4, "duplicates_of": ["Schagen"], "undated_earlier": True,
        "choices": {f"application.{a}": list(range(1, 11)) for a in APPLICATIONS},
        "numbers": ["followers.twitter", "followers.facebook", "followers.linkedin"],
        "anonymous": 9, "partial": 0.6, "undated_anonymous": True,
        "rejects": [
            {"reason": "unknown-gemeente", "name": "Dirksland"},
            {"reason": "unknown-gemeente", "name": "Goeree-Overflakee", "earlier_than": "Goeree-Overflakkee"},
            {"reason": "unknown-label", "name": "Harderwijk", "cells": {"channels": "Twitter;Facebook;Flickr"}},
            {"reason": "invalid-number", "name": "Gemeente Ede", "cells": {"followers.twitter": "ruim tweeduizend"}},
        ],
        "personal_remarks": 4, "remark_share": 0.3, "remarks": REMARKS_2013 + REMARKS[:6],
    },
}
EXPORT_FILES = {2011: "export-2011.csv", 2012: "export-2012.csv", 2013: "export-2013.csv"}
ACCOUNT_FILES = {2013: "accounts.csv"}


def render(year, rows):
    """The export's bytes."""
    buffer = io.StringIO()
    if year == 2011:
        writer = csv.writer(buffer, delimiter=",", lineterminator="\n")
        writer.writerow(HEADER_2011)
        for index, row in enumerate(rows):
            writer.writerow(cells_2011(row, fork(f"2011:cells:{index}")))
        return buffer.getvalue().encode("utf-8")
    if year == 2012:
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER_2012)
        writer.writerow(SECOND_HEADER_2012)
        for index, row in enumerate(rows):
            writer.writerow(cells_2012(row, fork(f"2012:cells:{index}"), index))
        for _ in range(2):               # Excel keeps a few empty rows at the end of a sheet
            writer.writerow([""] * len(HEADER_2012))
        return buffer.getvalue().encode("cp1252")
    writer = csv.writer(buffer, delimiter=",", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER_2013)
    for index, row in enumerate(rows):
        writer.writerow(cells_2013(row, fork(f"2013:cells:{index}"), index))
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


# ---------------------------------------------------------------------------------------------

def generate():
    """Every export's bytes, a summary of what each contains, and the designed totals per year
    (gemeente code → total)."""
    ctx = Context()
    build_2012(ctx)        # first: the constrained year; 2011 and 2013 follow its answers
    build_2011(ctx)
    build_2013(ctx)
    accounts = render_accounts(ctx, build_accounts_2013(ctx))
    outputs, summaries, totals = {}, {}, {}
    for year in (2011, 2012, 2013):
        rows = build_rows(ctx, year, PLANS[year])
        check_rows(ctx, year, rows)
        outputs[year] = render(year, rows)
        summaries[year] = summary(ctx, year, rows)
        answers = ctx.responses[year]["answers"]
        measured = ctx.responses[year].get("measured", {})
        totals[year] = {code: ctx.models[year].total(answers[code], ctx.people(code, year), measured.get(code))
                        for code in ctx.respondents[year]}
    return outputs, summaries, totals, {2013: accounts}


def meetlat_binary(given):
    for candidate in (given, os.environ.get("MEETLAT_BIN"), str(ROOT / ".build" / "debug" / "meetlat")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise SystemExit("meetlat is not built: run `swift build` first, or pass --meetlat <path to the binary>")


def check_with_meetlat(meetlat, outputs, designed, accounts):
    """Scores the generated exports with `meetlat score` (in a scratch copy of Surveys/ holding
    the reference, the models, the mappings and these exports) and returns one line per gemeente
    whose total differs from the designed one, or that only one of the two ranked."""
    with tempfile.TemporaryDirectory(prefix="meetlat-demo-") as scratch:
        surveys = Path(scratch) / "Surveys"
        for item in ("reference", "models"):
            shutil.copytree(SURVEYS / item, surveys / item)
        for year, data in outputs.items():
            (surveys / str(year)).mkdir(parents=True)
            shutil.copy(SURVEYS / str(year) / "mapping.yaml", surveys / str(year) / "mapping.yaml")
            (surveys / str(year) / EXPORT_FILES[year]).write_bytes(data)
        for year, data in accounts.items():
            (surveys / str(year) / ACCOUNT_FILES[year]).write_bytes(data)
        rankings = Path(scratch) / "Rankings"
        run = subprocess.run([meetlat, "score", "--surveys", str(surveys), "--rankings", str(rankings)],
                             capture_output=True, text=True)
        if run.returncode != 0:
            return [f"meetlat score failed on the generated exports: {run.stderr.strip()}"]
        differences = []
        for year in sorted(outputs):
            ranking = json.loads((rankings / f"{year}.json").read_text(encoding="utf-8"))
            scored = {entry["code"]: entry["total"] for entry in ranking["entries"]}
            for code in sorted(set(scored) | set(designed[year])):
                if scored.get(code) != designed[year].get(code):
                    differences.append(f"{year} {code}: designed {designed[year].get(code, 'not ranked')}, "
                                       f"meetlat score gives {scored.get(code, 'not ranked')}")
        return differences


def check_rows(ctx, year, rows):
    """The accepted rows must be the year's respondents, each name resolving to its gemeente; the
    rows meant to be rejected must not resolve (unknown gemeente) or must hold a bad cell."""
    ref = ctx.reference
    for row in rows:
        resolved = ref.resolve(row.gemeente_text, year)
        if row.kind in ("accepted", "earlier") and resolved != row.code:
            raise AssertionError(f"{year}: {row.gemeente_text!r} does not resolve to {row.code}")
        if row.kind == "anonymous" and fold_name(row.gemeente_text):
            raise AssertionError(f"{year}: anonymous row names {row.gemeente_text!r}")
        if row.kind == "reject" and row.reason == "unknown-gemeente" and resolved is not None:
            raise AssertionError(f"{year}: {row.gemeente_text!r} resolves, but should be rejected")
        if row.kind == "reject" and row.reason != "unknown-gemeente" and (resolved is None or not row.override):
            raise AssertionError(f"{year}: reject row {row.gemeente_text!r} must name a gemeente and hold a bad cell")
    latest = {}
    for row in rows:
        if row.kind in ("accepted", "earlier"):
            key = (row.when is not None, row.when or datetime.datetime.min)
            if row.code not in latest or key >= latest[row.code][0]:
                latest[row.code] = (key, row.kind)
    if any(kind != "accepted" for _, kind in latest.values()):
        raise AssertionError(f"{year}: an earlier duplicate is not earlier than the answer it must lose to")


def summary(ctx, year, rows):
    kinds = {}
    for row in rows:
        kind = row.kind if row.kind != "reject" else f"reject ({row.reason})"
        kinds[kind] = kinds.get(kind, 0) + 1
    variants = sorted({row.gemeente_text for row in rows if row.kind in ("accepted", "earlier")
                       and row.gemeente_text != ctx.reference.gemeenten[row.code].name})
    approximate = sum(len(row.approximate) for row in rows if row.kind == "accepted")
    remarks = sum(1 for row in rows if row.remark)
    return {"rows": len(rows), "kinds": kinds, "name variants": len(variants), "examples": variants[:12],
            "approximate counts (accepted rows)": approximate, "remarks": remarks}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed exports instead of writing")
    parser.add_argument("--summary", action="store_true", help="print what each export contains")
    parser.add_argument("--meetlat", help="the meetlat binary that scores the exports (default: $MEETLAT_BIN, "
                                          "else .build/debug/meetlat)")
    options = parser.parse_args()
    meetlat = meetlat_binary(options.meetlat)
    outputs, summaries, designed, accounts = generate()
    status = 0
    files = [(SURVEYS / str(year) / EXPORT_FILES[year], data, year) for year, data in outputs.items()]
    files += [(SURVEYS / str(year) / ACCOUNT_FILES[year], data, None) for year, data in accounts.items()]
    for path, data, year in files:
        if options.check:
            if not path.exists() or path.read_bytes() != data:
                print(f"{path.relative_to(ROOT)}: differs from what the generator makes", file=sys.stderr)
                status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(data)
            temporary.replace(path)
        if options.summary and year is not None:
            print(year, summaries[year])
    differences = check_with_meetlat(meetlat, outputs, designed, accounts)
    for line in differences[:20]:
        print(line, file=sys.stderr)
    if differences:
        print(f"{len(differences)} gemeenten: the generator's design and `meetlat score` disagree", file=sys.stderr)
        status = 1
    else:
        print(f"meetlat score gives every designed total ({sum(len(t) for t in designed.values())} gemeenten)")
    if options.check and status == 0:
        print("exports are up to date")
    return status


if __name__ == "__main__":
    sys.exit(main())
