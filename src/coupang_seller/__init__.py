"""coupang-seller: a typed SDK for the Coupang seller Open API."""
