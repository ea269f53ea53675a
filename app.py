"""Start the chat app: builds or updates the index first when it is missing or stale."""

from assistant.frontends.cli import main

if __name__ == "__main__":
    import sys

    sys.argv = [sys.argv[0], "serve", *sys.argv[1:]]
    main()
