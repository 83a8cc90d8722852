"""The journal: accounts, meters, readings and consumption, stored in one SQLite file.

This package is the domain and its storage. It never imports Qt or httpx, so it can be used
and tested headless (the CLI, the tests, the benchmarks) and under any front end.
"""

JOURNAL_FILE_NAME = "journal.sqlite3"
