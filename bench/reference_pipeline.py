#!/usr/bin/env python3
"""The reference pipeline of `make bench`: what a careful analyst would write in
Python to produce the same report as `bilan report` from the same store.

pandas reads the responses from the bilan store (SQLite), computes the same
indicators (95 % t-intervals for means and indices, Wilson score intervals for
proportions, NPS with its standard error, Borda scores), the same breakdowns
with the same suppression rule (primary below k, complementary when the hidden
remainder is below k), and XlsxWriter writes the same sheets and native charts
(summary, indicators, per tool with error bars, per-question distributions with
charts, breakdowns, verbatims, raw data with codes and with labels, codebook).

Usage: reference_pipeline.py SURVEY.yaml STORE.sqlite OUT.xlsx [STATS.json]
(STATS.json: the indicator rows in the shape of `bilan stats --format json`,
which bench/check_reference.py compares with bilan's.)
"""
import json
import math
import sqlite3
import sys

import numpy as np
import pandas as pd
import xlsxwriter
import yaml
from scipy import stats


def text(value, lang):
    if isinstance(value, dict):
        return value.get(lang) or next(iter(value.values()))
    return "" if value is None else str(value)


class Survey:
    """The fields of a survey definition, expanded as bilan expands them."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as handle:
            self.doc = yaml.safe_load(handle)
        doc = self.doc
        self.lang = doc["languages"][0]
        self.k = (doc.get("privacy") or {}).get("min_group_size", 3)
        self.choices = doc.get("choices") or {}
        self.scales = doc.get("scales") or {}
        self.items = doc.get("items") or {}
        self.questions = {}
        self.fields = []  # (key, question, item code, row code, is_other)
        for section in doc["sections"]:
            items = self.items.get(section.get("for_each"), [None]) if section.get("for_each") else [None]
            for item in items:
                for q in section["questions"]:
                    self.questions[q["id"]] = {**q, "loop": bool(section.get("for_each"))}
                    base = q["id"] + ("." + item["code"] if item else "")
                    if q["type"] == "matrix":
                        for row in self.rows(q):
                            self.fields.append((base + "." + row["code"], q, item, row["code"], False))
                    else:
                        self.fields.append((base, q, item, None, False))
                        if q.get("other"):
                            self.fields.append((base + ".other", q, item, None, True))

    def choice_list(self, q):
        c = q.get("choices")
        return self.choices[c] if isinstance(c, str) else (c or [])

    def rows(self, q):
        r = q.get("rows")
        return self.items[r] if isinstance(r, str) else r

    def scale(self, q):
        if q["type"] == "nps":
            return {"min": 0, "max": 10, "top_box": 2}
        s = q.get("scale")
        if isinstance(s, str):
            return self.scales[s]
        return s or {"min": q.get("min", 1), "max": q.get("max", 5), "labels": q.get("labels", {})}


def wilson(successes, n, z=1.959963984540054):
    if n == 0:
        return (None, None)
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


def t_interval(values):
    n = len(values)
    if n == 0:
        return (None, None, None)
    mean = float(np.mean(values))
    if n < 2:
        return (mean, None, None)
    half = stats.t.ppf(0.975, n - 1) * float(np.std(values, ddof=1)) / math.sqrt(n)
    return (mean, mean - half, mean + half)


def competition_rank(value, values):
    """1 + how many values are higher (ties share a rank: 1, 1, 3); None when there is no value."""
    if value is None:
        return None
    return 1 + sum(1 for other in values if other is not None and other > value)


def suppress(counts, overall, k):
    decisions = [n < k for n in counts]
    published = [i for i, hidden in enumerate(decisions) if not hidden]
    hidden_total = overall - sum(counts[i] for i in published)
    if 0 < hidden_total < k and published:
        smallest = min(published, key=lambda i: (counts[i], i))
        decisions[smallest] = True
    return decisions


def dump_stats(rows, path):
    """The indicator rows in the shape of `bilan stats --format json`, to check this pipeline against bilan."""
    out = []
    for row in rows:
        group = None
        if row[3]:
            name, code = row[3].split("=", 1)
            group = {name: code}
        entry = {"indicator": row[0], "item": row[2], "group": group}
        if row[11]:
            entry["suppressed"] = True
        else:
            entry.update({"n": row[5], "value": None if row[4] is None else float(row[4]),
                          "ci_low": row[6], "ci_high": row[7], "met": row[9]})
            if row[10] is not None:
                entry["rank"] = row[10]
        out.append(entry)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(out, handle, default=float, indent=0)


def main(survey_path, store_path, out_path, stats_path=None):
    survey = Survey(survey_path)
    lang = survey.lang
    connection = sqlite3.connect(store_path)
    responses = pd.read_sql_query(
        "SELECT id, uuid, started_at, submitted_at FROM responses WHERE status = 'complete' "
        "ORDER BY survey_id, started_at, uuid", connection)
    answers = pd.read_sql_query(
        "SELECT a.response_id, a.key, a.type, a.value FROM answers a "
        "JOIN responses r ON r.id = a.response_id WHERE r.status = 'complete'", connection)
    connection.close()
    answers["key"] = answers["key"].astype("category")
    # One column per key, indexed by response (NaN when not answered; 'na' rows give None).
    wide = answers.pivot(index="response_id", columns="key", values="value").reindex(responses["id"])
    na = answers[answers["type"] == "na"].pivot(index="response_id", columns="key", values="type")
    na = na.reindex(responses["id"])
    n_complete = len(responses)

    def column(key):
        return wide[key] if key in wide.columns else pd.Series([None] * n_complete, index=wide.index)

    def codes(key):
        return column(key).map(lambda v: json.loads(v) if isinstance(v, str) else None)

    breakdowns = survey.doc.get("breakdowns") or []
    groups = {b: column(b) for b in breakdowns}

    def compute(kind, indicator, key, mask):
        """value, n, low, high for one cell (mask selects respondents)."""
        if kind in ("mean",):
            values = pd.to_numeric(column(key)[mask], errors="coerce").dropna().to_numpy()
            mean, low, high = t_interval(values)
            return mean, len(values), low, high
        if kind == "top_box":
            q = survey.questions[key.split(".")[0]]
            scale = survey.scale(q)
            values = pd.to_numeric(column(key)[mask], errors="coerce").dropna()
            n = len(values)
            top = int((values >= scale["max"] - scale.get("top_box", 2) + 1).sum())
            low, high = wilson(top, n)
            return (top / n if n else None), n, low, high
        if kind == "share":
            wanted = set(str(v).lower() if isinstance(v, bool) else v for v in indicator.get("values", []))
            series = column(key)[mask].dropna()
            q = survey.questions[key.split(".")[0]]
            if q["type"] == "multiple":
                hits = series.map(lambda v: bool(wanted & set(json.loads(v)))).sum()
            elif q["type"] == "boolean":
                hits = series.map(lambda v: ("true" if int(v) else "false") in wanted).sum()
            else:
                hits = series.isin(wanted).sum()
            n = len(series)
            low, high = wilson(int(hits), n)
            return (hits / n if n else None), n, low, high
        if kind == "nps":
            values = pd.to_numeric(column(key)[mask], errors="coerce").dropna()
            n = len(values)
            if n == 0:
                return None, 0, None, None
            p = float((values >= 9).mean())
            d = float((values <= 6).mean())
            score = 100 * (p - d)
            se = 100 * math.sqrt(max(0.0, (p + d - (p - d) ** 2) / n))
            return score, n, max(-100, score - 1.96 * se), min(100, score + 1.96 * se)
        if kind == "index":
            keys = []
            for name in indicator["questions"]:
                q = survey.questions.get(name)
                if q is not None and q["type"] == "matrix":
                    keys += [name + "." + row["code"] for row in survey.rows(q)]
                else:
                    keys.append(name)
            scaled = []
            for k in keys:
                q = survey.questions[k.split(".")[0]]
                s = survey.scale(q)
                scaled.append((pd.to_numeric(column(k)[mask], errors="coerce") - s["min"]) / (s["max"] - s["min"]) * 100)
            per_person = pd.concat(scaled, axis=1).mean(axis=1, skipna=True).dropna().to_numpy()
            mean, low, high = t_interval(per_person)
            return mean, len(per_person), low, high
        raise ValueError(kind)

    rows = []  # indicator, label, item, group, value, n, low, high, target, met, rank, suppressed
    registered = (survey.doc.get("event") or {}).get("registered")
    everyone = pd.Series(True, index=wide.index)
    for indicator in survey.doc.get("indicators") or []:
        kind = indicator["kind"]
        label = text(indicator.get("label"), lang) or indicator["id"]
        target = indicator.get("target")
        if kind == "response_rate":
            value = n_complete / registered if registered else None
            rows.append((indicator["id"], label, None, None, value, n_complete, None, None, target, None, None, False))
            continue
        if kind == "borda":
            q = survey.questions[indicator["question"]]
            pick = q.get("pick", 3)
            choice_codes = [choice["code"] for choice in survey.choice_list(q)]
            all_ranked = codes(indicator["question"])
            for breakdown in [None] + breakdowns:
                group_codes = [None] if breakdown is None else \
                    [c["code"] for c in survey.choice_list(survey.questions[breakdown])] + \
                    (["other"] if survey.questions[breakdown].get("other") else [])
                counts = []
                for group in group_codes:
                    mask = everyone if group is None else (groups[breakdown] == group)
                    ranked = all_ranked[mask].dropna()
                    counts.append(len(ranked))
                    scores = {}
                    for code in choice_codes:
                        points = ranked.map(lambda r, c=code: pick - r.index(c) if c in r else 0)
                        scores[code] = float(points.mean()) if len(points) else None
                    for code in choice_codes:
                        rows.append([indicator["id"], label, code, group and f"{breakdown}={group}", scores[code],
                                     len(ranked), None, None, target, None, competition_rank(scores[code], scores.values()),
                                     False])
                if breakdown is not None:
                    overall = int(all_ranked.notna().sum())
                    for group, hidden in zip(group_codes, suppress(counts, overall, survey.k)):
                        if hidden:
                            for row in rows:
                                if row[0] == indicator["id"] and row[3] == f"{breakdown}={group}":
                                    row[4:8] = [None, None, None, None]
                                    row[11] = True
            continue
        question = indicator.get("question") or (indicator.get("questions") or [""])[0]
        q = survey.questions.get(question.split(".")[0])
        item_list = survey.items.get(next((s.get("for_each") for s in survey.doc["sections"]
                                           if any(x["id"] == q["id"] for x in s["questions"])), None), [None]) \
            if q and q.get("loop") else [None]
        for breakdown in [None] + breakdowns:
            group_codes = [None] if breakdown is None else \
                [c["code"] for c in survey.choice_list(survey.questions[breakdown])] + \
                (["other"] if survey.questions[breakdown].get("other") else [])
            cells = {}
            for item in item_list:
                key = question + ("." + item["code"] if item else "")
                for code in group_codes:
                    mask = everyone if code is None else (groups[breakdown] == code)
                    cells[(item["code"] if item else None, code)] = compute(kind, indicator, key, mask)
            # Ranks per group, suppression per item.
            for code in group_codes:
                values = [cells[(it["code"] if it else None, code)][0] for it in item_list]
                for item in item_list:
                    icode = item["code"] if item else None
                    value, n, low, high = cells[(icode, code)]
                    rank = competition_rank(value, values) if item else None
                    rows.append([indicator["id"], label, icode, code and f"{breakdown}={code}", value, n, low, high,
                                 target, None, rank, False])
            if breakdown is not None:
                for item in item_list:
                    icode = item["code"] if item else None
                    counts = [cells[(icode, code)][1] for code in group_codes]
                    overall = compute(kind, indicator, question + ("." + icode if icode else ""), everyone)[1]
                    for code, hidden in zip(group_codes, suppress(counts, overall, survey.k)):
                        if hidden:
                            for row in rows:
                                if row[0] == indicator["id"] and row[2] == icode and row[3] == f"{breakdown}={code}":
                                    row[4:8] = [None, None, None, None]
                                    row[11] = True
    # Targets.
    for row in rows:
        target = row[8]
        if target and row[4] is not None:
            op, number = target.split()[0], float(target.split()[-1])
            row_value = row[4]
            row[9] = {">=": row_value >= number, "<=": row_value <= number, ">": row_value > number,
                      "<": row_value < number}.get(op)
    rows = [list(r) for r in rows]
    if stats_path:
        dump_stats(rows, stats_path)

    workbook = xlsxwriter.Workbook(out_path, {"constant_memory": True, "strings_to_formulas": False,
                                              "strings_to_urls": False})
    bold = workbook.add_format({"bold": True})
    percent = workbook.add_format({"num_format": "0 %"})
    decimal = workbook.add_format({"num_format": "0.0"})
    summary = workbook.add_worksheet("Synthèse")
    summary.write_row(0, 0, ["Indicateur", "Valeur", "IC bas", "IC haut", "n", "Objectif", "Atteint"], bold)
    r = 1
    for row in rows:
        if row[3] is None:
            summary.write_row(r, 0, [row[1], row[4], row[6], row[7], row[5], row[8] or "",
                                     "" if row[9] is None else ("atteint" if row[9] else "non atteint")])
            r += 1
    summary.conditional_format(1, 6, r, 6, {"type": "text", "criteria": "begins with", "value": "atteint",
                                            "format": workbook.add_format({"bg_color": "#C6EFCE"})})
    table = workbook.add_worksheet("Indicateurs")
    table.write_row(0, 0, ["indicateur", "élément", "groupe", "valeur", "n", "IC bas", "IC haut", "rang",
                           "masqué"], bold)
    for i, row in enumerate(rows, start=1):
        table.write_row(i, 0, [row[0], row[2] or "", row[3] or "", row[4], row[5], row[6], row[7], row[10],
                               "< %d" % survey.k if row[11] else ""])
    table.autofilter(0, 0, len(rows), 8)

    by_tool = workbook.add_worksheet("Par outil")
    tool_rows = [row for row in rows if row[2] and row[3] is None and row[0] in ("valeur_ajoutee", "applicabilite")]
    by_tool.write_row(0, 0, ["indicateur", "outil", "moyenne", "moins", "plus"], bold)
    for i, row in enumerate(tool_rows, start=1):
        by_tool.write_row(i, 0, [row[0], row[2], row[4], (row[4] or 0) - (row[6] or 0), (row[7] or 0) - (row[4] or 0)])
    chart = workbook.add_chart({"type": "bar"})
    if tool_rows:
        chart.add_series({"categories": ["Par outil", 1, 1, len(tool_rows), 1],
                          "values": ["Par outil", 1, 2, len(tool_rows), 2],
                          "y_error_bars": {"type": "custom", "plus_values": ["Par outil", 1, 4, len(tool_rows), 4],
                                           "minus_values": ["Par outil", 1, 3, len(tool_rows), 3]}})
    by_tool.insert_chart(1, 7, chart)

    questions = workbook.add_worksheet("Questions")
    r = 0
    for key, q, item, row_code, is_other in survey.fields:
        if is_other or q["type"] not in ("single", "multiple", "scale", "nps", "matrix", "ranking", "boolean"):
            continue
        series = column(key).dropna()
        if q["type"] in ("multiple", "ranking"):
            counts = pd.Series([c for v in series for c in json.loads(v)]).value_counts()
        else:
            counts = series.value_counts()
        total = max(1, len(series))
        questions.write(r, 0, key, bold)
        start = r + 1
        for value, count in sorted(counts.items(), key=lambda kv: str(kv[0])):
            r += 1
            questions.write_row(r, 0, [str(value), int(count)])
            questions.write(r, 2, count / total, percent)
        chart = workbook.add_chart({"type": "bar", "subtype": "stacked"} if q["type"] in ("scale", "matrix")
                                   else {"type": "column" if q["type"] == "nps" else "bar"})
        chart.add_series({"categories": ["Questions", start, 0, max(start, r), 0],
                          "values": ["Questions", start, 2, max(start, r), 2]})
        questions.insert_chart(start, 4, chart, {"y_scale": 0.5})
        r += 2

    crossings = workbook.add_worksheet("Croisements")
    crossings.write_row(0, 0, ["indicateur", "élément", "groupe", "valeur", "n"], bold)
    r = 1
    for row in rows:
        if row[3] is not None:
            crossings.write_row(r, 0, [row[0], row[2] or "", row[3], "< %d" % survey.k if row[11] else row[4],
                                       "" if row[11] else row[5]])
            r += 1

    verbatims = workbook.add_worksheet("Verbatims")
    r = 0
    import re
    mask_re = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+|00)?\d[\d .-]{7,}\d")
    for key, q, item, row_code, is_other in survey.fields:
        if q["type"] in ("text", "long_text") or is_other:
            for value in column(key).dropna():
                verbatims.write_string(r, 0, key)
                verbatims.write_string(r, 1, mask_re.sub("[masqué]", value))
                r += 1

    keys = [f[0] for f in survey.fields if f[1]["type"] != "email"]
    labels = {}
    for key, q, item, row_code, is_other in survey.fields:
        if q["type"] in ("single",):
            labels[key] = {c["code"]: text(c["label"], lang) for c in survey.choice_list(q)}
    for name, use_labels in (("Données", False), ("Données (libellés)", True)):
        data = workbook.add_worksheet(name)
        data.write_row(0, 0, ["id"] + keys, bold)
        data.freeze_panes(1, 1)
        frame = wide.reindex(columns=keys)
        uuids = responses["uuid"].to_numpy()
        for i, values in enumerate(frame.itertuples(index=False), start=1):
            data.write_string(i, 0, uuids[i - 1])
            for j, value in enumerate(values, start=1):
                if value is None or (isinstance(value, float) and math.isnan(value)):
                    continue
                if isinstance(value, str):
                    if use_labels and keys[j - 1] in labels:
                        value = labels[keys[j - 1]].get(value, value)
                    data.write_string(i, j, mask_re.sub("[masqué]", value))
                else:
                    data.write_number(i, j, value)
        data.autofilter(0, 0, len(frame), len(keys))

    codebook = workbook.add_worksheet("Dictionnaire")
    codebook.write_row(0, 0, ["clé", "question", "type", "codes"], bold)
    for i, (key, q, item, row_code, is_other) in enumerate(survey.fields, start=1):
        codebook.write_row(i, 0, [key, text(q["label"], lang), q["type"],
                                  "; ".join(f"{c['code']} = {text(c['label'], lang)}" for c in survey.choice_list(q))])
    workbook.close()
    print(f"{n_complete} responses, {len(rows)} indicator rows")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:])
