"""The govreport benchmark: ``python -m bench`` (see docs/benchmark.md)."""
