"""The answers Coupang's gateway (its CDN in front of the API) gives a blocked client, in one
place: the HTML "Access Denied" page (HTTP 403, no JSON) and the 302 to a block page.

Both the fault injection (``block_page``, ``redirect_block``) and the error-burst protection
answer with these, so a client sees the same bytes whichever produced them.
"""

from __future__ import annotations

import html
import secrets

from starlette.responses import HTMLResponse, Response

#: Where the 302 block answer points by default.
BLOCK_LOCATION = "https://www.coupang.com/np/blocked"


def _entities(text: str) -> str:
    """The CDN writes the URL with punctuation as numeric entities (``&#58;`` for ``:``)."""
    return "".join(c if c.isalnum() else f"&#{ord(c)};" for c in text)


def access_denied_html(url: str) -> str:
    """The gateway's "Access Denied" page for ``url`` (a fresh reference number each time)."""
    reference = f"18.{secrets.token_hex(4)}.{secrets.randbelow(10**10)}.{secrets.token_hex(4)}"
    return (
        "<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \n"
        f'You don\'t have permission to access "{_entities(url)}" on this server.<P>\n'
        f"Reference&#32;&#35;{html.escape(_entities(reference))}\n</BODY>\n</HTML>\n"
    )


def access_denied(url: str) -> Response:
    """HTTP 403 with the HTML "Access Denied" page (``text/html``, no JSON envelope)."""
    return HTMLResponse(access_denied_html(url), status_code=403)


def redirect_block(location: str = BLOCK_LOCATION) -> Response:
    """HTTP 302 to the block page, with an empty body (a blocked IP or vendor, newer docs)."""
    return Response(b"", status_code=302, headers={"Location": location})
