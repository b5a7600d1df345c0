"""Build-system hooks."""
