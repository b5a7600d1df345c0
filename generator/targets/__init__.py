"""Targets: IR → view models → file plans."""
