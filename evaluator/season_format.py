"""The season timeline and the every-club ranking as text, CSV or JSON (``clubfit timeline`` and
``clubfit discover``). Each output ends with a newline."""
from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from evaluator.formatting import MISSING, format_figure, format_score

if TYPE_CHECKING:
    from evaluator.session.timeline import Discovery, Timeline

TIMELINE_COLUMNS = ("date", "club", "score", "rank", "score_low", "score_high")
DISCOVER_COLUMNS = ("place", "rank", "club", "league", "score", "candidate")


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 6)


def format_timeline(t: Timeline, fmt: str = "text") -> str:
    rows: list[dict[str, Any]] = [dict(zip(TIMELINE_COLUMNS, (d.isoformat(), club, _round(s), r, _round(lo), _round(hi))))
                                  for d, club, s, r, lo, hi in t.rows()]
    if fmt == "json":
        return json.dumps({"as_of": t.as_of.isoformat() if t.as_of else None, "clubs": list(t.clubs),
                           "summary": t.leader_sentence(), "rows": rows}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _csv(TIMELINE_COLUMNS, rows)
    width = max(len(c) for c in t.clubs)
    lines = [f"{'date':<10}  {'club':<{width}}  {'score':>5}  rank"]
    for row in rows:
        score = format_score(row["score"]) if row["score"] is not None else MISSING
        rank = str(row["rank"]) if row["rank"] else "—"
        gap = ""
        if row["score_low"] is not None and row["score_low"] != row["score_high"]:
            gap = f"  ({format_score(row['score_low'])}–{format_score(row['score_high'])}, a figure missing)"
        elif row["score_low"] is not None:
            gap = "  (a weighted figure is missing)"
        mark = "  ← as of" if t.as_of is not None and row["date"] == t.as_of.isoformat() else ""
        lines.append(f"{row['date']:<10}  {row['club']:<{width}}  {score:>5}  {rank:>4}{gap}{mark}")
    lines.append(t.leader_sentence())
    return "\n".join(lines) + "\n"


def format_discovery(d: Discovery, fmt: str = "text") -> str:
    r = d.result
    s = r.scenario
    columns = {c.id: c for c in s.columns}
    rows: list[dict[str, Any]] = []
    for place, i in enumerate(r.order.tolist(), start=1):
        club = s.clubs[i]
        row: dict[str, Any] = {"place": place, "rank": int(r.ranks[i]) or None, "club": club.name,
                               "league": club.league,
                               "score": None if r.ranks[i] == 0 else round(float(r.scores[i]), 6),
                               "candidate": d.candidate[i] or None}
        for c in s.criteria:
            fig = club.figure(c.column)
            row[c.id] = fig.value if fmt != "text" else format_figure(fig, columns[c.column])
        rows.append(row)
    crit = [c.id for c in s.criteria]
    if fmt == "json":
        return json.dumps({"as_of": s.as_of.isoformat() if s.as_of else None, "clubs": len(rows),
                           "candidates": d.candidate_positions(), "ranking": rows,
                           "messages": [m for m in r.messages if "is scored without" not in m]},
                          indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        return _csv((*DISCOVER_COLUMNS, *crit), rows)
    name_w = max(len(x["club"]) for x in rows)
    league_w = max(len(x["league"]) for x in rows)
    labels = "  ".join(f"{c.label[:14]:>14}" for c in s.criteria)
    lines = [f"Every club of {len({x['league'] for x in rows})} leagues on {s.as_of}: {len(rows)} clubs",
             f"{'':>4}  {'club':<{name_w}}  {'league':<{league_w}}  {'score':>5}  {labels}"]
    for x in rows:
        score = format_score(x["score"]) if x["score"] is not None else MISSING
        figs = "  ".join(f"{x[c]:>14}" for c in crit)
        mark = f"  ← candidate ({x['candidate']})" if x["candidate"] else ""
        lines.append(f"{x['place']:>3}.  {x['club']:<{name_w}}  {x['league']:<{league_w}}  {score:>5}  {figs}{mark}")
    missing = sum(1 for i in range(len(rows)) if r.incomplete[i])
    if missing:
        lines.append(f"note: {missing} clubs are scored without a weighted figure (missing): their other "
                     "weights are scaled up to fill the gap.")
    places = ", ".join(f"{name} {p}" for name, p in d.candidate_positions().items())
    lines.append(f"candidates' places: {places}")
    return "\n".join(lines) + "\n"


def _csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()
