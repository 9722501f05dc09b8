from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from coupang_seller import Client
from coupang_seller._ratelimit import CircuitBreaker, RateLimiterRegistry

SECRET = "sk-very-secret-value-0123"


@dataclass
class FakeTime:
    """A monotonic clock that only moves when the code under test sleeps."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass
class Recorder:
    responses: list[Callable[[httpx.Request], httpx.Response]]
    requests: list[httpx.Request] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        index = min(len(self.requests) - 1, len(self.responses) - 1)
        return self.responses[index](request)


def reply(
    status: int, body: Any = None, headers: dict[str, str] | None = None
) -> Callable[[httpx.Request], httpx.Response]:
    def make(request: httpx.Request) -> httpx.Response:
        if isinstance(body, str):
            return httpx.Response(status, text=body, headers=headers)
        return httpx.Response(status, json=body, headers=headers)

    return make


def fail(exc_type: type[httpx.TransportError]) -> Callable[[httpx.Request], httpx.Response]:
    def make(request: httpx.Request) -> httpx.Response:
        raise exc_type("simulated", request=request)

    return make


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def make_client(fake_time: FakeTime) -> Iterator[Callable[..., tuple[Client, Recorder]]]:
    made: list[Client] = []

    def factory(
        *responses: Callable[[httpx.Request], httpx.Response], **options: Any
    ) -> tuple[Client, Recorder]:
        recorder = Recorder(list(responses))
        options.setdefault("rate_limit", None)
        client = Client(
            "AK",
            SECRET,
            "A00012345",
            base_url="https://gateway.test",
            transport=httpx.MockTransport(recorder),
            sleep=fake_time.sleep,
            circuit_breaker=CircuitBreaker(clock=fake_time),
            rate_limiters=RateLimiterRegistry(clock=fake_time),
            **options,
        )
        made.append(client)
        return client, recorder

    yield factory
    for client in made:
        client.close()
