"""`sitegen build --cache`: the page cache, the model cache, their key, and the patched build."""
