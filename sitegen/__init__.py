"""sitegen: publish government task allocations as a static site.

The build pipeline, one room (a package) per stage: load -> model -> render -> write -> index.
"""

__version__ = "0.1.0"
