"""Pure logic of the plugin: no widgets, unit-testable without a display."""
