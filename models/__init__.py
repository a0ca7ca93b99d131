"""The trained models, shipped inside the wheel as the data package `pipeline.trained` (see pipeline/nlp/model_files.py)."""
