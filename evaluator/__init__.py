"""Club Fit's brain: data readers, the decision model, scoring and the session.

Pure Python + NumPy. Never imports Qt (import-linter contract in pyproject.toml).
"""
