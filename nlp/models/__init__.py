"""Trained weights shipped with the package (plain JSON, rebuilt by the nlp/train_*.py scripts)."""
