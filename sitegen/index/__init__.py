"""Stage 5: the Pagefind search index, shard by shard, its files made reproducible."""
