"""Screens of the newsdiff app: the comparison, help and search."""
