"""Extraction stage: pure detectors, captured page -> candidate findings."""
