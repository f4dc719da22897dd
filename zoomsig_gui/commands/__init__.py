"""One module per `zoomsig` subcommand.

Each module defines ``register(subparsers)`` which adds its parser and sets
``func`` to a callable taking the parsed namespace and returning an exit status.
Modules are imported only when listed in ``COMMANDS`` so the CLI stays light.
"""

COMMANDS: tuple[str, ...] = (
    "token",
    "inspect",
    "profiles",
    "clock",
    "serve",
    "link",
    "publish",
    "reproduce",
    "report",
    "zoom",
    "zak",
    "obf",
    "endpoint",
)
