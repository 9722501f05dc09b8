"""Resource groups of the client (``client.orders``, ``client.products``...), sync and async twins."""
