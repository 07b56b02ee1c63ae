"""The Textual user interface of newsdiff (the engine never imports this package)."""
