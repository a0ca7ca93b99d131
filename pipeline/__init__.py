"""Russian-language text mining for paradiplomacy research."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.1"  # 1.1: ties (additive)
