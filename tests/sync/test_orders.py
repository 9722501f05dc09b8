"""The order-sheet stream against a real sandbox: nothing missed, nothing duplicated, one
event per change, nothing new on a re-run, and a crash between pages loses nothing."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from coupang_seller import Client
from coupang_sync import Credentials, OrderSettings, Sync
from coupang_sync._schema import records
from tests.sync.conftest import START, VENDOR, Market

Factory = Callable[[str, Credentials, str | None], Client]


def stored(sync: Sync) -> dict[str, str]:
    with sync.engine.connect() as conn:
        rows = conn.execute(select(records.c.record_id, records.c.status)).all()
    return {row.record_id: row.status for row in rows}


def event_types(sync: Sync, after: int = 0) -> Counter[str]:
    return Counter(e.type for e in sync.events(after=after))


def last_seq(sync: Sync) -> int:
    return int(sync.counts()["lastSeq"])


STEPS = (20, 45, 90, 300, 610, 1800)


def place_day(
    market: Market, rng: random.Random, hours: float, steps: tuple[int, ...] = STEPS
) -> list[int]:
    """Orders at random moments over ``hours`` of sandbox time (bursts and quiet spells)."""
    boxes: list[int] = []
    spent = 0.0
    while spent < hours * 3600:
        step = rng.choice(steps)
        market.advance(step)
        spent += step
        placed = market.order()
        boxes += placed
    return boxes


def test_every_visible_order_is_stored_once_with_its_status(sync: Sync, market: Market) -> None:
    rng = random.Random(12)
    boxes = place_day(market, rng, 3)
    sync.run_once()  # mid-way: the last ~10 minutes are not visible yet
    more = place_day(market, rng, 1)
    market.advance(601)
    acknowledged = boxes[:5]
    assert market.client.orders.acknowledge(acknowledged).all_succeeded
    sync.run_once()
    market.advance(600)
    report = sync.run_once()
    assert report.ok, report

    truth = market.visible_boxes()
    assert set(truth) == {str(b) for b in boxes + more}
    assert stored(sync) == truth  # 0 missed, 0 extra, every status current
    created = [e.record_id for e in sync.events() if e.type == "order.created"]
    assert sorted(created) == sorted(truth)  # one order.created per box, no duplicate
    for box in acknowledged:
        changes = [
            e.payload
            for e in sync.events()
            if e.type == "order.status_changed" and e.record_id == str(box)
        ]
        # Seen as ACCEPT by the first run, then INSTRUCT: exactly one change.
        assert [(c["old"], c["new"]) for c in changes] == [("ACCEPT", "INSTRUCT")]

    before = last_seq(sync)
    again = sync.run_once()
    assert again.events == 0 and last_seq(sync) == before  # a re-run appends nothing


def test_ids_are_text_never_floats(sync: Sync, market: Market) -> None:
    box = market.order()[0]
    market.advance(700)
    sync.run_once()
    assert str(box) in stored(sync)
    assert len(str(box)) == 18  # the sandbox issues 18-digit ids
    (created,) = [e for e in sync.events() if e.type == "order.created"]
    assert created.record_id == str(box) and created.payload["shipmentBoxId"] == str(box)


def test_each_change_is_one_event(sync: Sync, market: Market) -> None:
    boxes = market.order()
    market.advance(700)
    sync.run_once()
    order_id = market.client.orders.get(boxes[0]).orderId
    assert event_types(sync) == Counter({"order.created": len(boxes)})

    seq = last_seq(sync)
    market.client.sandbox.orders.change_address(order_id, addr1="서울특별시 중구 세종대로 110")
    sync.run_once()
    changed = list(sync.events(after=seq))
    boxes_of_order = {e.record_id for e in sync.events() if e.type == "order.created"}
    assert {e.type for e in changed} == {"order.receiver_changed"}
    assert sorted(e.record_id for e in changed) == sorted(boxes_of_order)
    assert all(e.payload["changed"] == ["addr1"] for e in changed)
    assert changed[0].payload["receiver"]["addr1"] == "서울특별시 중구 세종대로 110"

    seq = last_seq(sync)
    assert market.client.orders.acknowledge([int(b) for b in boxes_of_order]).all_succeeded
    sync.run_once()
    moved = list(sync.events(after=seq))
    assert [(e.type, e.payload["old"], e.payload["new"]) for e in moved] == [
        ("order.status_changed", "ACCEPT", "INSTRUCT")
    ] * len(boxes_of_order)

    seq = last_seq(sync)
    market.client.sandbox.orders.request_cancel(order_id)
    sync.run_once()
    asked = list(sync.events(after=seq))
    assert [e.type for e in asked] == ["order.cancel_requested"] * len(boxes_of_order)

    seq = last_seq(sync)
    sync.run_once()
    sync.run_once()
    assert last_seq(sync) == seq  # nothing changed, nothing appended


class Crash(Exception):
    """The injected crash (not a CoupangError: the run stops at once)."""


class CrashingOrders:
    """``client.orders`` that raises after ``budget`` list calls (a crash between pages)."""

    def __init__(self, inner: Any, budget: list[int]) -> None:
        self.inner = inner
        self.budget = budget

    def _spend(self) -> None:
        self.budget[0] -= 1
        if self.budget[0] < 0:
            raise Crash("killed between pages")

    def list(self, *args: Any, **kw: Any) -> Any:
        self._spend()
        return self.inner.list(*args, **kw)

    def list_time_frame(self, *args: Any, **kw: Any) -> Any:
        self._spend()
        return self.inner.list_time_frame(*args, **kw)


def crashing(factory: Factory, budget: list[int]) -> Factory:
    def build(vendor_id: str, credentials: Credentials, base: str | None) -> Client:
        client = factory(vendor_id, credentials, base)
        client.orders = CrashingOrders(client.orders, budget)  # type: ignore[misc,assignment]
        return client

    return build


@pytest.mark.parametrize("crash_after", [3, 7, 25, 61])
def test_a_crash_between_pages_loses_and_duplicates_nothing(
    open_sync: Callable[..., Sync], market: Market, factory: Factory, crash_after: int
) -> None:
    rng = random.Random(crash_after)
    boxes = place_day(market, rng, 2)
    market.advance(601)
    settings = OrderSettings(refresh_days=1, page_size=3)  # several nextToken pages a day
    broken = open_sync(client_factory=crashing(factory, [crash_after]), settings=settings)
    broken.add_vendor(VENDOR[0], VENDOR[1], VENDOR[2], since=START - timedelta(days=2))
    with pytest.raises(Crash):
        broken.run_once()
    partial = stored(broken)
    broken.close()

    restarted = open_sync(settings=settings)  # a new process on the same store
    assert restarted.run_once().ok
    truth = market.visible_boxes()
    assert set(truth) == {str(b) for b in boxes}
    assert set(partial) <= set(truth)
    assert stored(restarted) == truth
    created = [e.record_id for e in restarted.events() if e.type == "order.created"]
    assert sorted(created) == sorted(truth)
    assert len({e.event_id for e in restarted.events()}) == len(list(restarted.events()))


def test_backfill_reads_whole_days_then_time_frames(
    open_sync: Callable[..., Sync], market: Market, factory: Factory
) -> None:
    calls: Counter[str] = Counter()

    class Counting:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def list(self, *a: Any, **kw: Any) -> Any:
            calls["daily"] += 1
            return self.inner.list(*a, **kw)

        def list_time_frame(self, *a: Any, **kw: Any) -> Any:
            calls["timeFrame"] += 1
            return self.inner.list_time_frame(*a, **kw)

    def build(vendor_id: str, credentials: Credentials, base: str | None) -> Client:
        client = factory(vendor_id, credentials, base)
        client.orders = Counting(client.orders)  # type: ignore[misc,assignment]
        return client

    # More than a day of orders; the last one lands within a minute of the signpost.
    boxes = place_day(market, random.Random(3), 25.5, steps=(60, 900, 1800, 3600))
    market.advance(661)
    sync = open_sync(client_factory=build, settings=OrderSettings(refresh_days=0, page_size=4))
    sync.add_vendor(VENDOR[0], VENDOR[1], VENDOR[2], since=START)
    assert sync.run_once().ok
    assert stored(sync) == market.visible_boxes()
    assert len(stored(sync)) == len(boxes)
    # Whole days in the daily mode (6 statuses, a page or more each), the rest in slices of
    # at most 10 minutes (6 calls each): far fewer than slicing the whole 30 hours (~1,300).
    assert calls["daily"] >= 6
    assert 0 < calls["timeFrame"] < 6 * 6 * 24
    (status,) = [s for s in sync.status() if s.stream == "orders"]
    now = market.client.sandbox.clock.get().now
    mark = status.position["mark"]
    assert now - timedelta(minutes=12) <= __import__("datetime").datetime.fromisoformat(mark)
    assert status.last_error is None and status.last_success_at is not None


def test_a_refused_vendor_is_reported_and_the_others_go_on(
    open_sync: Callable[..., Sync], market: Market
) -> None:
    sync = open_sync()
    sync.add_vendor(VENDOR[0], VENDOR[1], VENDOR[2], since=START)
    sync.add_vendor("A00000404", "ak-unknown", "sk-unknown-0123456789", since=START)
    market.order()
    market.advance(700)
    report = sync.run_once()
    errors = {v.vendor_id: v.error for v in report.vendors}
    assert errors[VENDOR[0]] is None and errors["A00000404"] is not None
    assert not report.ok and report.events == 1
    (failed,) = [s for s in sync.status() if s.vendor_id == "A00000404"]
    assert failed.stream == "orders" and failed.last_error == errors["A00000404"]
    assert "sk-unknown" not in (failed.last_error or "")
    with pytest.raises(Exception, match="no vendor A00000999"):
        sync.run_once(["A00000999"])
    only = sync.run_once([VENDOR[0]])
    assert [v.vendor_id for v in only.vendors] == [VENDOR[0]]


class StepClock:
    """An injected clock: the sandbox's time read through the SDK, once per run."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.reads = 0

    def now(self) -> Any:
        self.reads += 1
        return self.client.sandbox.clock.get().now


def test_an_injected_clock_decides_the_signpost(
    open_sync: Callable[..., Sync], market: Market
) -> None:
    clock = StepClock(market.client)
    settings = OrderSettings(visibility_delay=timedelta(minutes=30), refresh_days=0)
    sync = open_sync(clock=clock, settings=settings)
    sync.add_vendor(VENDOR[0], VENDOR[1], VENDOR[2], since=START)
    market.order()
    market.advance(700)  # visible in the sandbox, but younger than the configured 30 minutes
    assert sync.run_once().events == 0 and clock.reads == 1
    market.advance(1200)
    assert sync.run_once().events == 1
    with pytest.raises(ValueError, match="overlap"):
        OrderSettings(overlap=timedelta(minutes=10))


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        ({"overlap": timedelta(minutes=-1)}, "overlap"),
        ({"visibility_delay": timedelta(seconds=-1)}, "visibility_delay"),
        ({"refresh_days": 31}, "refresh_days"),
        ({"page_size": 51}, "page_size"),
        ({"backfill_after": timedelta(hours=23)}, "backfill_after"),
    ],
)
def test_settings_that_would_skip_data_are_refused(change: dict[str, Any], rule: str) -> None:
    with pytest.raises(ValueError, match=rule):
        OrderSettings(**change)


def test_bad_vendors_and_naive_clocks_are_refused(
    open_sync: Callable[..., Sync], market: Market
) -> None:
    sync = open_sync(clock=NaiveClock())
    with pytest.raises(ValueError, match="all required"):
        sync.add_vendor(" ", VENDOR[1], VENDOR[2])
    with pytest.raises(ValueError, match="timezone-aware"):
        sync.add_vendor(VENDOR[0], VENDOR[1], VENDOR[2], since=START.replace(tzinfo=None))
    sync.add_vendor(VENDOR[0], VENDOR[1], VENDOR[2])
    with pytest.raises(ValueError, match="timezone-aware instants"):
        sync.run_once()


class NaiveClock:
    def now(self) -> Any:
        return START.replace(tzinfo=None)
