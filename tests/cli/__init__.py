"""Tests of the `coupang-seller` command line."""
