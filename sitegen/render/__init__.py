"""Stage 3: every page as HTML, each declaring what it shows (the incremental engine), the Jinja environment and the
themes, Markdown, roll-ups, the search records."""
