"""`sitegen serve`: the dev server and its incremental preview."""
