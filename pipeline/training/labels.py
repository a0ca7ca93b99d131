"""The label set of ../shared/spec/directions.md, in the order of its table."""

LABELS = ("economic", "cultural", "educational", "science_tech",
          "environmental", "emergency", "governance", "soft_power")
# Cultural and humanitarian-educational cooperation are soft power (directions.md).
IMPLY_SOFT_POWER = ("cultural", "educational")
