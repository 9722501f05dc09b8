from coupang_sync import Sync
from tests.sync.conftest import Market


def test_explore(sync: Sync, market: Market) -> None:
    boxes = market.order()
    market.advance(601)
    r = sync.run_once()
    print(r)
    print(market.visible_boxes(), boxes)
    for e in sync.events():
        print(e)
    print(sync.status())
