"""Normalization: the document (any version) → the IR."""
