"""Readers of open formats, league tables and squad ages on a date, and the case builder."""
