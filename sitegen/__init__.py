"""sitegen: publish government task allocations as a static site.

The build pipeline, one module per stage: load -> model -> render -> write -> index.
"""

__version__ = "0.1.0"
