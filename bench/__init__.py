"""Benchmarks: each module bench_*.py has main() -> dict and prints its figures.

Figures are ratios against a floor measured in the same run, so they compare
across machines; run them with `make bench` or `python -m bench [NAME ...]`.
"""
