"""Services: the one place the CLI and the UI ask the journal to do things, one transaction each."""
