"""Scoring stage: catalog + confirmed values -> indicators -> areas -> index."""
