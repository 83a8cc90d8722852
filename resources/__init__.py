"""Data files shipped with Meter Journal (tariffs, fonts, icons, translations)."""

from pathlib import Path

# The folder of the shipped data (fonts, icons, translations, tariffs): beside this file in a source tree, an
# installed wheel and a frozen bundle alike.
FOLDER = Path(__file__).resolve().parent
