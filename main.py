"""Club Fit's composition root and command line.

    clubfit [--scenario FILE]                       open the window (bundled Ramos case by default)
    (--scenario and --allow-outside-files work before or after a command: `clubfit --scenario F score`)
    clubfit --screenshot PNG [--size WxH]           save the window as a PNG (no display needed)
    clubfit score [--scenario FILE] [--profile NAME] [--weight ID=W]... [--format text|json]
    clubfit build-case CASE [--as-of DATE] [--out FILE]
    clubfit report [--scenario FILE] [--profile NAME] [--weight ID=W]... [--as-of DATE] [--paper a4|letter] --out PDF
    clubfit timeline [--scenario FILE] [--weight ID=W]... [--from DATE] [--to DATE] [--every N | --matchdays]
                     [--format text|csv|json]
    clubfit discover [--scenario FILE] [--weight ID=W]... [--league FILE]... [--as-of DATE] [--format text|csv|json]

Bad input prints one line naming the file or field and exits with status 2.
"""
from __future__ import annotations

import argparse
import re
import json
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Sequence

# Before NumPy loads (here and in the worker processes, which inherit it): one BLAS thread. The
# app's matrices are small and each worker is meant to use one core; OpenBLAS's extra threads
# spin between calls and took 5-8 % of a 2-core machine's CPU from the window (perf, export).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import clubfit
from clubfit import paths
from evaluator.errors import InputError, shown

if TYPE_CHECKING:
    from evaluator.session import Session   # imported where used: it loads lazily, after argument parsing

RESOURCES = paths.resources()   # the repository's resources/, or clubfit/resources in a wheel
BUNDLED_CASE = paths.bundled_case()
BUNDLED_SCENARIO = paths.bundled_scenario()
EXIT_BAD_INPUT = 2
MAX_SIDE = 16384   # pixels; far beyond any screen, and Qt crashes on sizes it cannot allocate


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _settle_document_options(parser, args)
    try:
        code = int(args.run(args) or 0)
        sys.stdout.flush()    # a closed pipe shows up here, not at interpreter exit
        return code
    except InputError as e:
        print(f"clubfit: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:   # `clubfit table ... | head`: the reader has had enough; not an error
        try:                  # point stdout at /dev/null so the exit-time flush stays quiet
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (AttributeError, OSError, ValueError):
            pass
        return 0


class _Parser(argparse.ArgumentParser):
    """Usage mistakes get one line naming the option and status 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        # argparse quotes what it refuses in full ("invalid choice: '…5,000 characters…'")
        message = re.sub(r"'([^']{60,})'", lambda m: shown(m.group(1)), " ".join(message.split()))
        message = message if len(message) <= 160 else message[:159] + "…"
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    """--version, looking the version up only when asked (see clubfit.__getattr__)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"clubfit {clubfit.__version__}")
        parser.exit()


ALLOW_HELP = "read files the scenario's case names outside its folder tree (refused otherwise)"
PROFILE_HELP = "start from this saved weight profile's weights (--weight options then apply on top)"
SCENARIO_HELP = "scenario JSON (default: the bundled case); before or after the command"
# Options the window and several commands share, with their defaults. They are defined once,
# default None on the main parser and SUPPRESS on the commands: a command's own default would
# otherwise overwrite one given before the command (`clubfit --scenario x.json score`).
DOCUMENT_OPTIONS = {"scenario": BUNDLED_SCENARIO, "allow_outside_files": False}


def _document_options(*dests: str, default: object = argparse.SUPPRESS) -> argparse.ArgumentParser:
    """A parent parser with the shared options named in ``dests``."""
    shared = argparse.ArgumentParser(add_help=False)
    if "scenario" in dests:
        shared.add_argument("--scenario", type=_path, default=default, metavar="FILE", help=SCENARIO_HELP)
    if "allow_outside_files" in dests:
        shared.add_argument("--allow-outside-files", action="store_true", default=default, help=ALLOW_HELP)
    return shared


def _settle_document_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Fill in the shared options' defaults; one given before a command that has no use for it
    is refused as it would be after the command, never silently ignored."""
    for dest, default in DOCUMENT_OPTIONS.items():
        if getattr(args, dest) is None:
            setattr(args, dest, default)
        elif dest not in args.reads:
            parser.error(f"argument --{dest.replace('_', '-')}: not used by the {args.command} command")


def _command(sub: argparse._SubParsersAction, name: str, help: str, run: object,
             *reads: str) -> argparse.ArgumentParser:
    """A subcommand taking the shared options in ``reads`` (and refusing the others)."""
    c: argparse.ArgumentParser = sub.add_parser(name, help=help, parents=[_document_options(*reads)])
    c.set_defaults(run=run, reads=reads)
    return c


def _parser() -> argparse.ArgumentParser:
    both = tuple(DOCUMENT_OPTIONS)
    p = _Parser(prog="clubfit", description="Weigh candidate clubs for a player's move.",
                parents=[_document_options(*both, default=None)])   # defaults filled in after parsing
    p.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    p.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--screenshot", type=_path, default=None, metavar="PNG",
                   help="save the window as a PNG and quit (works offscreen)")
    p.add_argument("--theme", choices=("system", "light", "dark"), default=None,
                   help="colours for this run (default: as chosen in View > Theme)")
    p.add_argument("--size", type=_size, default=None, metavar="WxH",
                   help="window size, e.g. 1280x800 (default: as last time; 1280x800 for --screenshot)")
    p.set_defaults(run=_run_app, reads=both)
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    s = _command(sub, "score", "print the ranking for a scenario and weights", _run_score, *both)
    s.add_argument("--weight", action="append", default=[], metavar="ID=W", help="raw weight of a criterion")
    s.add_argument("--profile", default=None, metavar="NAME", help=PROFILE_HELP)
    s.add_argument("--as-of", type=_iso_date, default=None,
                   help="recompute the figures on this date from the scenario's case file")
    s.add_argument("--format", choices=("text", "json"), default="text")

    t = _command(sub, "table", "print a league table computed from a match file on a date", _run_table)
    t.add_argument("file", type=_path, help="openfootball JSON or football-data-style CSV")
    t.add_argument("--as-of", type=_iso_date, required=True)
    t.add_argument("--format", choices=("text", "csv", "json"), default="text")

    b = _command(sub, "build-case", "compute a scenario's figures from the files its case names", _run_build_case,
                 "allow_outside_files")
    b.add_argument("case", type=_path)
    b.add_argument("--as-of", type=_iso_date, default=None)
    b.add_argument("--out", type=_path, default=None, help="write here (default: print)")

    r = _command(sub, "report", "write the fit report as a PDF (no display needed)", _run_report, *both)
    r.add_argument("--weight", action="append", default=[], metavar="ID=W", help="raw weight of a criterion")
    r.add_argument("--profile", default=None, metavar="NAME", help=PROFILE_HELP)
    r.add_argument("--as-of", type=_iso_date, default=None,
                   help="recompute the figures on this date from the scenario's case file")
    r.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    r.add_argument("--out", type=_path, required=True, metavar="PDF", help="where to write the PDF (atomically)")

    tl = _command(sub, "timeline", "each club's fit score and rank on every matchday of the season", _run_timeline,
                  *both)
    tl.add_argument("--weight", action="append", default=[], metavar="ID=W", help="raw weight of a criterion")
    tl.add_argument("--from", dest="start", type=_iso_date, default=None, metavar="DATE",
                    help="first date (default: when every candidate's league has begun)")
    tl.add_argument("--to", dest="end", type=_iso_date, default=None, metavar="DATE",
                    help="last date (default: the last result in the files)")
    step = tl.add_mutually_exclusive_group()
    step.add_argument("--every", type=int, default=None, metavar="N", help="every N days from --from")
    step.add_argument("--matchdays", action="store_true",
                      help="one date per matchday: the last day of each week with a result (the default)")
    tl.add_argument("--format", choices=("text", "csv", "json"), default="text")

    dv = _command(sub, "discover", "rank every club of the candidates' leagues with the same criteria",
                  _run_discover, *both)
    dv.add_argument("--weight", action="append", default=[], metavar="ID=W", help="raw weight of a criterion")
    dv.add_argument("--league", action="append", type=Path, default=[], metavar="FILE",
                    help="rank the clubs of this match file instead of the candidates' leagues (repeatable)")
    dv.add_argument("--as-of", type=_iso_date, default=None, help="the date of the tables (default: the scenario's)")
    dv.add_argument("--format", choices=("text", "csv", "json"), default="text")
    return p


def _path(text: str) -> Path:
    if "\x00" in text or len(text) > 4096:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a usable file name")
    return Path(text)


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a date (YYYY-MM-DD)") from None


def _size(text: str) -> tuple[int, int]:
    w, sep, h = text.lower().partition("x")
    if not sep or not w.isdigit() or not h.isdigit() or int(w) < 200 or int(h) < 200:
        raise argparse.ArgumentTypeError(f"{shown(text)} is not a window size like 1280x800")
    if int(w) > MAX_SIDE or int(h) > MAX_SIDE:
        raise argparse.ArgumentTypeError(f"{shown(text)} is too large: at most {MAX_SIDE} pixels a side")
    return int(w), int(h)


def parse_weights(items: Sequence[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--weight {shown(item)}: write it as ID=NUMBER, e.g. standing=2")
        try:
            out[key.strip()] = float(value)
        except ValueError:
            raise InputError(f"--weight {shown(item)}: {shown(value)} is not a number") from None
    return out


def _session(scenario_path: Path, weights: Sequence[str] = (), need_ranking: bool = True,
             allow_outside: bool = False, profile: str | None = None) -> Session:
    from evaluator.session import Session
    bundled = scenario_path.resolve() == BUNDLED_SCENARIO.resolve()
    from evaluator.documents import OutsideFilesError
    try:
        session = Session.from_file(scenario_path, read_only=bundled,   # the bundled case is never overwritten
                                    allow_outside=allow_outside)
    except OutsideFilesError as e:
        raise InputError(f"{e} (add --allow-outside-files to read them)") from None
    if profile is not None:
        _apply_profile(session, profile, scenario_path)
    if weights:
        session.set_weights(parse_weights(weights))
    if need_ranking and not session.result.weights.sum() > 0:   # the window shows a message instead
        raise InputError("weights: all weights are zero, so nothing can be ranked; give one a weight above zero")
    return session


def _apply_profile(session: Session, name: str, scenario_path: Path) -> None:
    from evaluator.session.profiles import UnknownProfile
    try:
        session.apply_profile(name)
    except UnknownProfile as e:
        known = f"profiles: {', '.join(shown(k) for k in e.known)}" if e.known else "it has no profiles"
        raise InputError(f"--profile {shown(name)}: no profile of that name in {scenario_path.name} ({known})") from None


def _run_score(args: argparse.Namespace) -> int:
    from evaluator.decision.scoring import rounded_contributions
    from evaluator.formatting import format_contribution, format_score_range
    session = _report_session(args)
    r = session.result
    crit = r.scenario.criteria
    shown = rounded_contributions(r)
    if args.format == "json":
        print(json.dumps({
            "weights": session.weights,
            "ranking": [{
                "rank": int(r.ranks[i]) or None, "club": r.scenario.clubs[i].name,
                "score": None if r.ranks[i] == 0 else round(float(r.scores[i]), 6),
                # every missing figure at the worst / best end of its scale; equal to score when none is
                "score_low": None if r.ranks[i] == 0 else round(float(r.low[i]), 6),
                "score_high": None if r.ranks[i] == 0 else round(float(r.high[i]), 6),
                "contributions": {c.id: None if r.prepared.missing[i, j] and r.weights[j] > 0
                                  else round(float(r.contributions[i, j]), 6) for j, c in enumerate(crit)},
            } for i in r.order],
            "messages": list(r.messages),
            "data_checks": [{"kind": c.kind, "text": c.text} for c in r.scenario.data_checks if not c.agree],
        }, indent=2, ensure_ascii=False))
        return 0
    print(f"{r.scenario.subject} — as of {r.scenario.as_of}")
    print("weights: " + ", ".join(f"{c.label} {100 * w:.0f}%" for c, w in zip(crit, r.weights)))
    for i in r.order:
        parts = ", ".join(f"{c.label} {format_contribution(r, shown, i, j)}" for j, c in enumerate(crit))
        rank = str(r.ranks[i]) if r.ranks[i] else "—"
        print(f"{rank:>2}. {r.scenario.clubs[i].name}: {format_score_range(r, i)} ({parts})")
    for m in r.messages:
        print(f"note: {m}")
    for c in r.scenario.data_checks:
        if not c.agree:   # sources that disagree, results missing, warnings about the files
            print(f"note: {c.text}")
    return 0


def _run_table(args: argparse.Namespace) -> int:
    from evaluator.data.league_table import league_table
    from evaluator.data.matches import read_season
    from evaluator.data.table_format import format_table, stops_short
    from evaluator.errors import InputError
    season = read_season(args.file)
    if season.first_date is not None and args.as_of < season.first_date:
        raise InputError(f"--as-of {args.as_of}: before the first match in {args.file.name} ({season.first_date})")
    table = league_table(season, args.as_of)
    print(format_table(table, args.format), end="")
    if args.format == "csv" and stops_short(table):   # text and json carry it themselves
        print(f"clubfit: note: {stops_short(table)}", file=sys.stderr)
    return 0


def _run_build_case(args: argparse.Namespace) -> int:
    from evaluator.data.case import build_scenario
    from evaluator.documents import load_case
    from evaluator.documents import save_scenario, scenario_to_dict
    from evaluator.documents import OutsideFilesError, files_outside
    case = load_case(args.case)
    outside = files_outside(case, (RESOURCES,))
    if outside and not args.allow_outside_files:
        raise InputError(f"{OutsideFilesError(args.case, outside)} (add --allow-outside-files to read them)")
    scenario = build_scenario(case, as_of=args.as_of)
    if args.out is None:
        print(json.dumps(scenario_to_dict(scenario), indent=2, ensure_ascii=False))
    else:
        save_scenario(scenario, args.out)
        print(f"wrote {args.out}")
    return 0


def _report_session(args: argparse.Namespace) -> Session:
    """The same session the window would have: weights applied, figures recomputed on --as-of
    from the case file (keeping criteria and hand-entered figures), or one line and status 2."""
    session = _session(args.scenario, args.weight, allow_outside=args.allow_outside_files, profile=args.profile)
    if args.as_of is not None:
        if not session.can_recompute:
            named = session.scenario.case_file
            raise InputError(f"{args.scenario}: --as-of needs the case file the scenario was built from; "
                             + (f"{named} is not beside it" if named else "it names none"))
        session.set_as_of(args.as_of)
    return session


def _run_report(args: argparse.Namespace) -> int:
    session = _report_session(args)   # bad input: one line and status 2, before Qt starts
    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if headless and not os.environ.get("QT_QPA_PLATFORM"):   # unset or empty: no window system to use
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Club Fit")
    from ui.export_pdf import export_report
    from ui.file_actions import season_of
    written = export_report(session.result, args.out, args.paper, datetime.now().astimezone(), season_of(session),
                            session.profiles)
    print(f"wrote {written}")
    return 0


def _live_session(args: argparse.Namespace, what: str) -> Session:
    session = _session(args.scenario, args.weight, allow_outside=args.allow_outside_files)
    if not session.can_recompute:
        named = session.scenario.case_file
        raise InputError(f"{args.scenario}: {what} needs the case file the scenario was built from; "
                         + (f"{named} is not beside it" if named else "it names none"))
    return session


def _run_timeline(args: argparse.Namespace) -> int:
    from evaluator.season_format import format_timeline
    session = _live_session(args, "timeline")
    print(format_timeline(session.timeline(args.start, args.end, args.every), args.format), end="")
    return 0


def _run_discover(args: argparse.Namespace) -> int:
    from evaluator.season_format import format_discovery
    session = _live_session(args, "discover")
    for path in args.league:
        session.cache.season(path)   # an unreadable file: one line naming it
    print(format_discovery(session.discover(tuple(args.league) or None, args.as_of), args.format), end="")
    return 0


def _needs_display() -> bool:
    """True when Qt would look for an X11 or Wayland display and find none: it then aborts
    (SIGABRT, and a misleading note about libxcb-cursor) rather than saying so."""
    if sys.platform in ("win32", "darwin"):
        return False
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return False
    # QT_QPA_PLATFORM may list fallbacks ("wayland;xcb") and options ("xcb:nograb").
    wanted = [p.split(":")[0].strip() for p in os.environ.get("QT_QPA_PLATFORM", "").split(";")]
    return all(p in ("", "xcb") or p.startswith("wayland") for p in wanted)


def _run_app(args: argparse.Namespace) -> int:
    if _needs_display():
        if args.screenshot is None:
            print("clubfit: no display (DISPLAY and WAYLAND_DISPLAY are unset), so no window can open; "
                  "headless, use `clubfit report --out fit.pdf` or `clubfit --screenshot fit.png`",
                  file=sys.stderr)
            return EXIT_BAD_INPUT
        os.environ["QT_QPA_PLATFORM"] = "offscreen"   # a screenshot needs no screen
    session = _session(args.scenario, need_ranking=False, allow_outside=args.allow_outside_files)   # bad file: one line and status 2, before any window
    from ui.app import run_app
    return run_app(session, quit_after_paint=args.quit_after_paint, screenshot=args.screenshot, size=args.size,
                   template=BUNDLED_SCENARIO, theme=args.theme)


if __name__ == "__main__":
    sys.exit(main())
