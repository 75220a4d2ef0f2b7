"""Helpers shared by tests/relevance/evaluate and tests/bench/search_speed:
locating the repository and the shared data, loading articles, running
Hemeroteca, PostgreSQL and SQLite FTS5 on the same articles, and metrics."""
