"""No input answers HTTP 500: regression tests of issue 9 and a fuzzer over the route table."""
