"""The scripts in examples/ run against a real sandbox."""
