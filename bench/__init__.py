"""Benchmarks: answer quality and speed figures, run with ``python -m bench``."""
