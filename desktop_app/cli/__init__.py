"""The command line: headless subcommands over the same services as the window."""
