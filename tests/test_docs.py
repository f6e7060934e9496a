"""The README names every command of the CLI, subcommands too (`unspin corpus add`).

docs/ has no CLI reference (its pages document formats and subsystems), so the README is where
a user looks a command up; a command added to unspin.cli without a line there fails here.
"""

from __future__ import annotations

import re

import click
import pytest

from repo_paths import README
from unspin.cli import main


def command_lines(group: click.Group, prefix: str = "unspin") -> list[str]:
    """Every command and subcommand under `group`, as a user types it: `unspin corpus add`."""
    lines = []
    for name, command in sorted(group.commands.items()):
        line = f"{prefix} {name}"
        lines.append(line)
        if isinstance(command, click.Group):
            lines += command_lines(command, line)
    return lines


COMMANDS = command_lines(main)


def mentions(text: str, command: str) -> bool:
    """`command` stands in `text` as typed, not as part of a longer word or command."""
    return re.search(rf"(?<![\w-]){re.escape(command)}(?![\w-])", text) is not None


def test_the_walk_reaches_commands_and_subcommands() -> None:
    # So the test below is not vacuous: it sees the top level and a group's subcommands.
    assert {"unspin check", "unspin corpus", "unspin corpus add"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_the_readme_names_every_command(command: str) -> None:
    assert mentions(README.read_text(encoding="utf-8"), command), f"README.md lacks `{command}`"


def test_a_mention_is_the_command_as_typed() -> None:
    assert mentions("unspin corpus info | unspin corpus remove ID...", "unspin corpus remove")
    assert mentions("`.venv/bin/unspin eval CASES.jsonl`", "unspin eval")
    assert not mentions("unspin scans crawls", "unspin scan")
    assert not mentions("unspin check-all", "unspin check")
