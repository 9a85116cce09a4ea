"""Registrations to events and workshops: the store, the checks, the sign-up."""
