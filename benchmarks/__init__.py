"""Superfone Desk's performance benchmarks: ``python benchmarks/run.py [--quick] [--json PATH]``.

Every headline figure is a ratio against a baseline measured in the same run (or a bound
with a wide margin), because absolute times on shared 2-core machines are noisy. See
``benchmarks/README.md`` and ``docs/performance.md``.
"""
