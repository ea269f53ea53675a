"""Checking a user's document against the curated evidence (``assistant check``): claims, typed comparisons, verdicts."""
