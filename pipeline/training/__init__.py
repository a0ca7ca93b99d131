"""The directions model: features shared with the extraction stage, the
estimator, its safe storage, and `python -m pipeline.training.directions`."""
