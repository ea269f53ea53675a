"""``python -m assistant``: the command line."""

from assistant.frontends.cli import main

main()
