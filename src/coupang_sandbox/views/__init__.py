"""Presentation: one module per group turning the backends' domain rows into Coupang's JSON.

A view is a pure function of its rows: it reads no store, no clock and no request, and knows no
envelope (the route wraps what it returns in the provider's envelope). It owns the documented
field names, their order and spelling quirks, and the constant fields Coupang sends.
"""
