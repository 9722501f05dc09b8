"""Public paging and window helpers.

* ``iter_next_token`` / ``aiter_next_token``: ``nextToken`` lists (order sheets, products, settlement).
* ``iter_page_num`` / ``aiter_page_num``: ``pageNum``/``pageSize`` lists (shipping places, CS).
* ``iter_page_index`` / ``aiter_page_index``: ``pageIndex``/``nextPageIndex`` (return-withdraw history).
* ``split_window`` / ``split_date_range`` / ``iter_windows`` / ``aiter_windows`` / ``dedupe``:
  walk a long period through an API that caps its search window, with overlap and
  de-duplication across windows.
"""

from coupang_seller._pagination import (
    PaginationLoopError,
    aiter_next_token,
    aiter_page_index,
    aiter_page_num,
    iter_next_token,
    iter_page_index,
    iter_page_num,
)
from coupang_seller._windows import (
    MAX_WINDOW_ORDER_SHEETS_DAILY,
    MAX_WINDOW_ORDER_SHEETS_TIMEFRAME,
    MAX_WINDOW_PRODUCTS_TIMEFRAME,
    MAX_WINDOW_SEVEN_DAYS,
    aiter_windows,
    dedupe,
    iter_windows,
    split_date_range,
    split_window,
)

__all__ = [
    "MAX_WINDOW_ORDER_SHEETS_DAILY",
    "MAX_WINDOW_ORDER_SHEETS_TIMEFRAME",
    "MAX_WINDOW_PRODUCTS_TIMEFRAME",
    "MAX_WINDOW_SEVEN_DAYS",
    "PaginationLoopError",
    "aiter_next_token",
    "aiter_page_index",
    "aiter_page_num",
    "aiter_windows",
    "dedupe",
    "iter_next_token",
    "iter_page_index",
    "iter_page_num",
    "iter_windows",
    "split_date_range",
    "split_window",
]
