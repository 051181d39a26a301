"""Tencent Cloud API 3.0 doc pages, as the text of the web page (copied from a browser).

A page reads top to bottom: the title (the Action), "1. API Description" (request domain,
prose, the rate limit), "2. Input Parameters" (rows `Name Yes|No Type Description`),
"3. Output Parameters" (rows `Name Type Description`), "4. Example" (HTTP request with a
JSON body, JSON response), "5. Developer Resources", "6. Error Code" (rows `Code Description`):

    CreateLifecycleHook
    Last updated: 2025-10-30 21:28:22
    1. API Description
    Domain name for API request: as.intl.tencentcloudapi.com.
    2. Input Parameters
    Parameter Name Required Type Description
    Action Yes String Common Params. The value used for this API: CreateLifecycleHook.
    AutoScalingGroupId Yes String Scaling group ID. obtain available scaling group ids ...:.
      • Query the scaling group ID by logging in to the console.
      • .

The copied text is a flattened HTML table: a row is one line, its description runs on over the
following lines (bullets "  • x", stray "  • ." left from `</li>.`, plain lines) until the next
row starts. After the first bullet list the browser indents every later line by four spaces,
so lines are read stripped. Object-typed parameters (NotificationTarget) have no field table on
the page: their fields are inferred from the examples' JSON and marked "inferred".

Modules, in the order a page goes through them:
    sniff           is this page one of the family's?
    document        sections, title, description lines, table rows, example blocks, error rows
    parameters      input rows -> request parameters; the Action and Version common params
    responses       output rows -> response fields
    prose           the description as prose: what mining reads of the operation
    examples        example blocks -> Examples, and parameters' example values
    example_fields  the fields of object parameters, from the examples' JSON
    errors          error rows -> ErrorCodes
    operation       all of it put together into a model.Operation
"""

from __future__ import annotations

from .operation import FAMILY, read
from .sniff import sniff

__all__ = ["FAMILY", "read", "sniff"]
