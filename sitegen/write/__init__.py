"""Stage 4: the staging folder and its atomic swap, and every file a build writes besides the pages: data exports,
feeds, sitemap, badges; the link check of what was written."""
