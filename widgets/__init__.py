"""Textual widgets of newsdiff, one per module; they import only newsdiff.model from the engine."""
