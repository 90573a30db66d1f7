"""Widgets: the dock and dialogs (the only package with widgets)."""
