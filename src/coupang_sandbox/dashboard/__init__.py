"""The web dashboard at ``/_sandbox/ui``: server-rendered pages (Jinja2, autoescaped) over
the store, and a small script that drives the control API.

Who may see it is decided as for the control API (:func:`coupang_sandbox.exposure.
check_control_request`): loopback peers, local ``Host``/``Origin`` only. With an admin token
set, the token is given once as ``?token=...``: the page answers with a redirect to the same
address without it and an ``HttpOnly``, ``SameSite=Strict`` cookie scoped to ``/_sandbox/ui``
(or send ``Authorization: Bearer <token>``). The page then hands the token to its script in a
``<meta>`` tag, so that the script's control calls carry the same bearer header as any other
client's.

Every action (advance the clock, place an order, scan a box, review a product, add or clear
a fault, save or restore a snapshot) is a JSON ``fetch`` of a control route from the page's
script: it goes through the same checks (origin, host, JSON body, token) as the CLI's calls.
The request log, faults and snapshots panels read their control routes the same way, and say
"not available" while the sandbox does not serve them.

Pages send ``Content-Security-Policy: default-src 'self'`` (no inline script, no framing) on
top of the autoescaping.
"""

from __future__ import annotations

import functools
import hmac
from collections.abc import Callable
from importlib import resources
from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from coupang_sandbox.clock import to_us
from coupang_sandbox.context import Sandbox
from coupang_sandbox.dashboard import pages
from coupang_sandbox.errors import AdminAuthError, NotFound
from coupang_sandbox.exposure import check_control_request
from coupang_sandbox.routes._base import _guarded

PREFIX = "/_sandbox/ui"
COOKIE = "coupang_sandbox_admin"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
STATIC = {
    "dashboard.js": "text/javascript; charset=utf-8",
    "dashboard.css": "text/css; charset=utf-8",
}

Context = Callable[[Sandbox, pages.Query], dict[str, Any]]
#: ``(path under the prefix, template, context builder or None, navigation title)``
PAGES: list[tuple[str, str, Context | None, str]] = [
    ("", "overview.html", pages.overview, "Vendors & places"),
    ("/products", "products.html", pages.products, "Products"),
    ("/orders", "orders.html", pages.orders, "Orders"),
    ("/claims", "claims.html", pages.claims, "Returns & exchanges"),
    ("/inquiries", "inquiries.html", pages.inquiries, "Inquiries"),
    ("/settlement", "settlement.html", pages.settlement, "Settlement"),
    ("/requests", "requests.html", None, "Request log"),
    ("/faults", "faults.html", None, "Faults"),
    ("/snapshots", "snapshots.html", None, "Snapshots"),
]


@functools.cache
def environment() -> Environment:
    """The Jinja2 environment over the package's templates, autoescaping everything."""
    env = Environment(
        loader=PackageLoader("coupang_sandbox.dashboard", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["nav"] = [(PREFIX + path, title) for path, _, _, title in PAGES]
    env.globals["prefix"] = PREFIX
    env.filters["won"] = lambda value: "" if value is None else f"{int(value):,}"
    return env


def authorise(request: Request, sandbox: Sandbox) -> str | None:
    """Check the request as a control request; return the admin token it proved (``None``
    when none is configured). :class:`AdminAuthError` (401) without a valid one."""
    check_control_request(request, sandbox.settings)
    token = sandbox.settings.admin_token
    if token is None:
        return None
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    candidates = [
        value.strip() if scheme.lower() == "bearer" else "",
        request.cookies.get(COOKIE, ""),
        request.query_params.get("token", ""),
    ]
    if any(c and hmac.compare_digest(c.encode(), token.encode()) for c in candidates):
        return token
    raise AdminAuthError


def _login_redirect(request: Request, token: str) -> Response:
    """Answer ``?token=`` with the same address without it, and the cookie."""
    rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
    target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
    response = RedirectResponse(target, status_code=303, headers=SECURITY_HEADERS)
    response.set_cookie(COOKIE, token, path=PREFIX, httponly=True, samesite="strict", secure=False)
    return response


def _page_endpoint(template: str, build: Context | None) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> Response:
        """Serve the page: access checked, the token moved to a cookie, the data read off the loop."""
        sandbox: Sandbox = request.app.state.sandbox
        token = authorise(request, sandbox)
        if token is not None and "token" in request.query_params:
            return _login_redirect(request, token)
        query = pages.parse_query(request.query_params)
        html = await anyio.to_thread.run_sync(
            functools.partial(
                _render, sandbox, request, template=template, build=build, query=query, token=token
            )
        )
        return HTMLResponse(html, headers=SECURITY_HEADERS)

    return _guarded(endpoint)


def _render(
    sandbox: Sandbox,
    request: Request,
    *,
    template: str,
    build: Context | None,
    query: pages.Query,
    token: str | None,
) -> str:
    def read() -> dict[str, Any]:
        """The page's data, read after the store refresh (in a worker thread)."""
        sandbox.refresh()
        return build(sandbox, query) if build is not None else {}

    if sandbox.one_at_a_time is None:
        context = read()
    else:
        with sandbox.one_at_a_time:
            context = read()
    clock = sandbox.clock
    params = dict(request.query_params)

    def link(**changes: Any) -> str:
        """This page's address with some query parameters changed (``None`` drops one)."""
        merged = {**params, **changes}
        kept = {k: v for k, v in merged.items() if v not in (None, "")}
        return request.url.path + (f"?{urlencode(kept)}" if kept else "")

    return (
        environment()
        .get_template(template)
        .render(
            **context,
            query=query,
            path=request.url.path,
            link=link,
            token=token,
            clock_now=pages.when(to_us(clock.now())),
            clock_mode=clock.mode,
        )
    )


async def _static(request: Request) -> Response:
    authorise(request, request.app.state.sandbox)
    name = request.path_params["name"]
    if name not in STATIC:
        raise NotFound(f"no dashboard file {name!r}")
    text = resources.files("coupang_sandbox.dashboard").joinpath("static", name).read_bytes()
    headers = {**SECURITY_HEADERS, "Cache-Control": "no-cache"}
    return Response(text, media_type=STATIC[name], headers=headers)


def routes() -> list[Route]:
    """The dashboard's routes (pages and their two static files)."""
    found = [
        Route(PREFIX + path, _page_endpoint(template, build), methods=["GET"])
        for path, template, build, _ in PAGES
    ]
    found.append(Route(PREFIX + "/static/{name}", _guarded(_static), methods=["GET"]))
    return found
