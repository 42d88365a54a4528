"""Qt widgets: they write to the session and draw what it announces; no arithmetic here."""
