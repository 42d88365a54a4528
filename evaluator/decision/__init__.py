"""Scenario model, scoring and the session: knows nothing about files or Qt."""
