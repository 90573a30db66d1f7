"""Registry of the provider's algorithms."""

from __future__ import annotations


def all_algorithms() -> list:
    return []
