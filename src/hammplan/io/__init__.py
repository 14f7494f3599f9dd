"""Neutral plumbing every stage shares: atomic writes, cleaning up after killed writers, and
loading JSON files into records with one-line errors. It imports no stage."""
