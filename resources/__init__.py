"""Data files shipped with Meter Journal (tariffs, fonts, icons, translations)."""
