"""Pydantic models of Coupang's answers, field names as in the WING Open API."""
