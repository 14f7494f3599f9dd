"""Checks of the curated plan against itself: each returns findings, none changes data."""
