"""Orders and after-sales gaps: pickup-invoice duplicates, due pickups on order reads, the
exchange's return center, the remote-area postcode table and the ``orders`` CLI."""
