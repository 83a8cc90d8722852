"""Alembic migration scripts of the journal; shipped inside the package and located through
importlib.resources, so they work from a source tree, an installed wheel and a frozen bundle."""
