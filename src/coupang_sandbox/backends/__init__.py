"""Backends: load state, apply the (shared) rules, persist."""
