"""Thin request handlers: load → authorise → call the review domain → render."""
