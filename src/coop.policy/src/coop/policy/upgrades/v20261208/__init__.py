"""Upgrade steps to the profile versions of 2026-12-08."""
