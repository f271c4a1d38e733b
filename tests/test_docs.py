"""The README documents every command, and its Quick start is exactly two commands."""

import re
from pathlib import Path

import pytest

from crisisdesk.serve.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "command", [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"crisisdesk {command}" in README


def test_quick_start_is_two_commands_in_one_sh_block() -> None:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2
    assert lines[0].endswith("crisisdesk demo")
    assert "pytest" in lines[1]
