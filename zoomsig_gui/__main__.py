"""`python -m zoomsig_gui` and the `zoomsig-gui` command: the zoomsig window."""

from __future__ import annotations

import sys


def main() -> int:
    from zoomsig_gui.ui.app import run

    return run(sys.argv)


if __name__ == "__main__":
    sys.exit(main())
