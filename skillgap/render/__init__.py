"""Stage 5: render results per output format. Renderers read the core's objects and return text."""
