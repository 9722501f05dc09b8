"""Persistence: SQLAlchemy Core tables and a small repository layer (SQLite and PostgreSQL)."""

from coupang_sandbox.store import cashback as _cashback  # noqa: F401  (registers its tables)
from coupang_sandbox.store import coupons as _coupons  # noqa: F401  (registers its tables)
from coupang_sandbox.store import customer_service as _customer_service  # noqa: F401  (registers its tables)
from coupang_sandbox.store import dashboard as _dashboard  # noqa: F401  (registers its indexes)
from coupang_sandbox.store import exchanges as _exchanges  # noqa: F401  (registers its tables)
from coupang_sandbox.store import faults as _faults  # noqa: F401  (registers its tables)
from coupang_sandbox.store import key_policy as _key_policy  # noqa: F401  (registers its tables)
from coupang_sandbox.store import orders as _orders  # noqa: F401  (registers its tables)
from coupang_sandbox.store import products as _products  # noqa: F401  (registers its tables)
from coupang_sandbox.store import returns as _returns  # noqa: F401  (registers its tables)
from coupang_sandbox.store import rocket_growth as _rocket_growth  # noqa: F401  (registers its tables)
from coupang_sandbox.store import settlement as _settlement  # noqa: F401  (registers its tables)
from coupang_sandbox.store import shipping_places as _shipping_places  # noqa: F401  (registers its tables)
from coupang_sandbox.store import snapshots as _snapshots  # noqa: F401  (registers its tables)
from coupang_sandbox.store.repo import Store, Vendor, VendorConflict

__all__ = ["Store", "Vendor", "VendorConflict"]
