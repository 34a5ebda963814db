"""The CLI reference (docs/cli.md) written from the argparse parser itself, so it cannot drift.

`docs/cli_reference.py` writes the file; tests/test_cli_reference.py fails when
the file in the tree is not what the parser says now.
"""

from __future__ import annotations

import argparse

HEADER = """# Command-line reference

Every `jobtrack` command with its arguments and options, generated from the
parser by `docs/cli_reference.py` (do not edit by hand: run
`.venv/bin/python docs/cli_reference.py` after changing a command).
`jobtrack COMMAND --help` prints the same. The guide (docs/guide.md) says how
the commands fit together.
"""


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    """(name, help, parser) of each sub-command, in the order they were added."""
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            out += [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return out


def _shown(action: argparse.Action) -> str:
    if not action.option_strings:
        name = action.metavar or action.dest
        assert isinstance(name, str)
        return f"{name} …" if action.nargs in ("*", "+") else name
    flags = ", ".join(action.option_strings)
    if action.nargs == 0:
        return flags
    metavar = action.metavar or (("{" + ",".join(map(str, action.choices)) + "}") if action.choices else action.dest.upper())
    assert isinstance(metavar, str)
    return f"{flags} {metavar}"


def _usage(prog: str, parser: argparse.ArgumentParser) -> str:
    parts = [prog]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction | argparse._VersionAction):
            continue
        if isinstance(action, argparse._SubParsersAction):
            parts.append(f"{action.metavar or 'COMMAND'} …")
        elif action.option_strings:
            one = _shown(action).replace(", ".join(action.option_strings), action.option_strings[0])
            parts.append(one if action.required else f"[{one}]")
        else:
            shown = _shown(action)
            parts.append(f"[{shown}]" if action.nargs in ("?", "*") else shown)
    return " ".join(parts)


def _help(action: argparse.Action) -> str:
    text = (action.help or "").replace("|", "\\|")
    if action.choices and not isinstance(action, argparse._SubParsersAction) and "{" not in _shown(action):
        text += f" (one of: {', '.join(map(str, action.choices))})"
    if action.option_strings and action.default not in (None, False, [], "", argparse.SUPPRESS) and action.nargs != 0:
        text += f" (default: {action.default})"
    return text.strip() or "—"


def _section(prog: str, about: str, parser: argparse.ArgumentParser, level: int) -> list[str]:
    lines = [f"{'#' * level} `{prog}`", ""]
    if about:
        lines += [about[0].upper() + about[1:] + ".", ""]
    lines += ["```", _usage(prog, parser), "```", ""]
    rows = [a for a in parser._actions
            if not isinstance(a, argparse._HelpAction | argparse._SubParsersAction | argparse._VersionAction)]
    if rows:
        lines += ["| argument | what it does |", "|---|---|"]
        lines += [f"| `{_shown(a)}` | {_help(a)} |" for a in rows]
        lines.append("")
    for name, sub_help, sub in _subcommands(parser):
        lines += _section(f"{prog} {name}", sub_help, sub, min(level + 1, 4))
    return lines


def render(parser: argparse.ArgumentParser) -> str:
    """The whole reference as Markdown: the options before any command, then each command in the parser's order."""
    lines = [HEADER, "## Commands", ""]
    lines += [f"- [`{name}`](#jobtrack-{name}): {about}" for name, about, _ in _subcommands(parser)]
    lines += ["", "## `jobtrack`", "", parser.description or "", "", "```", _usage("jobtrack", parser), "```", ""]
    lines += ["| argument | what it does |", "|---|---|"]
    lines += [f"| `{_shown(a)}` | {_help(a)} |" for a in parser._actions
              if not isinstance(a, argparse._HelpAction | argparse._SubParsersAction)]
    lines.append("")
    for name, about, sub in _subcommands(parser):
        lines += _section(f"jobtrack {name}", about, sub, 2)
    return "\n".join(lines).rstrip() + "\n"
