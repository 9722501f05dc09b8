"""An OpenAPI 3.1 document of the seller API the sandbox serves, built from its route table.

The paths and methods come from the sandbox's signed routes (``coupang_sandbox.routes``), so
the document lists exactly what is served; parameters, request bodies and success bodies come
from the documented shapes derived into ``_data/shapes.json``; envelopes and error responses are
the ones the sandbox really answers (``coupang_sandbox.errors``). Retired APIs are listed as
deprecated with their 410 answer only. Control routes (``/_sandbox/...``) are not part of
Coupang's API and are left out unless asked for.

    coupang-seller sandbox openapi > coupang-openapi.json
"""

from coupang_sandbox.openapi._build import build_document, load_shapes

__all__ = ["build_document", "load_shapes"]
