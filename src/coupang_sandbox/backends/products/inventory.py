"""Vendor-item operations (옵션 API): the stock lookup, price, stock and original-price
changes, sale stop/resume and the automatic-option opt-in, by a parsed ``vendorItemId``.

:meth:`VendorItems.inventory` is also the orders backend's check that an ordered option is
listed (it settles due reviews first)."""

from __future__ import annotations

from sqlalchemy.engine import RowMapping

from coupang_sandbox.backends.products._core import ProductsCore
from coupang_sandbox.backends.products._errors import SellerValidationFailed
from coupang_sandbox.clock import to_us
from coupang_sandbox.state import products as st
from coupang_sandbox.store import products as db


class VendorItems(ProductsCore):
    """The item APIs, and the vendor's automatic-option setting."""

    def inventory(self, vendor_id: str, vendor_item_id: int) -> RowMapping:
        """A vendor item's row (after any due review); 400 when unknown or deleted."""
        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, vendor_item_id, lock=False)
            return item

    def change_price(self, vendor_id: str, vendor_item_id: int, price: int, *, force: bool) -> None:
        """A vendor item's sale price (the rules limit a jump unless ``force``)."""
        from coupang_seller.preflight import products as rules

        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, vendor_item_id)
            stored_id = int(item["vendor_item_id"])
            found = rules.check_price_change(int(item["sale_price"]), price, force=force)
            if found:
                detail = " ".join(v.message for v in found)
                raise SellerValidationFailed(
                    found, f"가격변경에 실패했습니다. [옵션ID[{stored_id}] : {detail}]"
                )
            db.item_update(conn, int(item["seller_product_item_id"]), {"sale_price": price})

    def change_quantity(self, vendor_id: str, vendor_item_id: int, quantity: int) -> None:
        """A vendor item's stock."""
        from coupang_seller.preflight import products as rules

        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, vendor_item_id)
            found = rules.check_quantity(quantity)
            if found:
                detail = " ".join(v.message for v in found)
                raise SellerValidationFailed(
                    found, f"재고변경에 실패했습니다. [옵션ID[{item['vendor_item_id']}] : {detail}]"
                )
            db.item_update(conn, int(item["seller_product_item_id"]), {"quantity": quantity})

    def change_original_price(self, vendor_id: str, vendor_item_id: int, value: int) -> None:
        """A vendor item's original price (할인율기준가)."""
        from coupang_seller.preflight import products as rules

        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, vendor_item_id)
            found = rules.check_original_price(value)
            if found:
                detail = " ".join(v.message for v in found)
                raise SellerValidationFailed(
                    found,
                    f"할인율기준가 변경에 실패했습니다. [옵션ID[{item['vendor_item_id']}] : {detail}]",
                )
            db.item_update(conn, int(item["seller_product_item_id"]), {"original_price": value})

    def change_sale(self, vendor_id: str, vendor_item_id: int, event: str) -> None:
        """Stop or resume a vendor item's sale (``event`` of ``state.products.vendor_item_sale``)."""
        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, vendor_item_id)
            on_sale = st.vendor_item_sale.apply(bool(item["on_sale"]), event)
            db.item_update(conn, int(item["seller_product_item_id"]), {"on_sale": on_sale})

    def item_auto_option(self, vendor_id: str, vendor_item_id: int, *, opt_in: bool) -> None:
        """Opt a vendor item in or out of automatically generated options."""
        with self.store.engine.begin() as conn:
            item, _ = self._load_item(conn, vendor_id, vendor_item_id)
            db.item_update(
                conn, int(item["seller_product_item_id"]), {"auto_generated_opt_in": opt_in}
            )

    def seller_auto_option(self, vendor_id: str, *, opt_in: bool) -> None:
        """Opt the whole vendor in or out of automatically generated options."""
        with self.store.engine.begin() as conn:
            db.seller_options_set(conn, vendor_id, opt_in=opt_in, now_us=to_us(self._now()))
