"""How HTTP shows up in the pages' text: the `METHOD /path` line of a URI section, the first
line of an example request or response, and a status cell such as "200 OK"."""

from __future__ import annotations

import re

_METHODS = "GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS"
# "POST /autoscaling-api/v1/{project_id}/scaling_lifecycle_hook/{scaling_group_id}"
URI_LINE = re.compile(rf"^({_METHODS})\s+(/\S*)$")
# an example's request line: any target, a full URL included
REQUEST_LINE = re.compile(rf"^({_METHODS})\s+\S+")
RESPONSE_LINE = re.compile(r"^HTTP/\d(?:\.\d)?\s+\d{3}\b")
# "200", "400 Bad Request": the code, then the reason phrase if any
STATUS = re.compile(r"^(\d{3})\b\s*(.*)$")
