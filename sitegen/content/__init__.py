"""Stages 1 and 2, load and model: the site's files parsed (with prefetching) and resolved into the model, with the
vocabularies it is made of."""
