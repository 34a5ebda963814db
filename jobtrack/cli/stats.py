"""`stats`: the pipeline picture in the shell, the same numbers as the agenda screen.

No Textual import: the bars are plain text from `jobtrack.core.pipeline`.
Salaries follow, compared per month within each currency (`jobtrack.app.pay`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from jobtrack.cli.agenda import MAX_DAYS
from jobtrack.cli.context import Context, UserError
from jobtrack.core.sanitize import json_text

if TYPE_CHECKING:
    from jobtrack.app.config import Config
    from jobtrack.app.ghosting import Chase

MAX_WEEKS = MAX_DAYS // 7
TOP = 10  # salaries listed per currency in the text output; JSON has them all


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="how many postings stand at each stage, the answer rate, salaries compared")
    p.add_argument("--weeks", type=int, metavar="N",
                   help="the hunt over the last N weeks: applications against the weekly target, answers, "
                        "interviews, offers, time to first answer, conversion by source")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_stats)


def salary_lines(postings: list) -> list[str]:
    """Per currency: the span per month, then the postings highest first; nothing when no salary gives a figure."""
    from jobtrack.app.pay import figures, pay_groups, per
    from jobtrack.app.review import fit
    from jobtrack.core.listing import posting_name

    groups = pay_groups(postings)
    if not groups:
        return []
    lines = ["", "Salaries per month (highest first; currencies are not converted)"]
    for g in groups:
        low, high = g.span("month")
        lines += ["", f"{g.currency}: {len(g.paid)} posting{'' if len(g.paid) == 1 else 's'}, {figures(low, high)} a month"]
        for p, pay in g.paid[:TOP]:
            name = posting_name(p)
            lines.append(fit(f"  #{p.id:<4} {per(pay, 'month'):<30} {name}"))
        if len(g.paid) > TOP:
            lines.append(f"  … and {len(g.paid) - TOP} more (jobtrack list --sort salary)")
    return lines


def salary_json(postings: list) -> list[dict]:
    from jobtrack.app.pay import pay_groups, pay_json

    return [{"currency": g.currency, "postings": [{"id": p.id, "title": p.title, "employer": p.employer,
                                                   "salary": p.salary, "pay": pay_json(pay)} for p, pay in g.paid]}
            for g in pay_groups(postings)]


def chase_json(chased: dict[int, Chase]) -> dict[str, Any]:
    """Applications never answered: how many, whose follow-up is due, which look ghosted."""
    return {"unanswered": len(chased),
            "follow_ups_due": sorted(pid for pid, c in chased.items() if c.due is not None and not c.ghosted),
            "ghosted": sorted(pid for pid, c in chased.items() if c.ghosted)}


def chase_line(chased: dict[int, Chase], config: Config) -> str:
    counts = chase_json(chased)
    if not chased:
        return "No application is waiting for a first answer"
    ghosted = (f" · ghosted? {len(counts['ghosted'])} (silent {config.hunt.ghosted_after_days}+ days)"
               if config.hunt.ghosted_after_days else "")
    return f"Waiting for a first answer: {len(chased)} · follow up now: {len(counts['follow_ups_due'])}{ghosted}"


def cmd_stats(args: argparse.Namespace, ctx: Context) -> int:
    from jobtrack.app.config import load_config
    from jobtrack.app.ghosting import chases
    from jobtrack.core.pipeline import as_json, bar_lines, pipeline

    if args.weeks is not None and not 1 <= args.weeks <= MAX_WEEKS:
        raise UserError(f"--weeks must be from 1 to {MAX_WEEKS} (ten years)")
    config = load_config()
    store = ctx.store()
    postings, now = store.postings(), ctx.now()
    if args.weeks is not None:
        from jobtrack.app import hunt

        found_hunt = hunt.hunt(postings, store.events(), now, args.weeks, config.hunt.weekly_target)
        if args.json:
            print(json_text(hunt.hunt_json(found_hunt)))
        else:
            print("\n".join(hunt.text_lines(found_hunt)))
        return 0
    found = pipeline(postings, now)
    chased = chases(postings, store.events(), now, config)
    if args.json:
        json.dump({**as_json(found), **chase_json(chased), "salaries": salary_json(postings)}, sys.stdout, indent=2)
        print()
        return 0
    print("\n".join([*bar_lines(found), chase_line(chased, config), *salary_lines(postings)]))
    return 0
