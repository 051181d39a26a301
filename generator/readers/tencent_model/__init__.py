"""Tencent Cloud's official API model (api.json of tencentcloud-cli) with its companions.

api.json holds a whole service: `actions.<Op>` (name, document, input, output) and
`objects.<Name>` (members: name, type, member, required, document, example):

    {"actions": {"CreateLifecycleHook": {"document": "This API is used to ...",
                  "input": "CreateLifecycleHookRequest", "name": "Creates a lifecycle hook",
                  "output": "CreateLifecycleHookResponse", "status": "online"}, ...},
     "metadata": {"apiVersion": "2018-04-19", "serviceShortName": "as"},
     "objects": {"CreateLifecycleHookRequest": {"members": [{"name": "AutoScalingGroupId",
                  "type": "string", "member": "string", "required": true,
                  "document": "Auto scaling group ID", "example": "asg-8dn2v8s2"}, ...]}}}

The companions sit in the same directory and are recognised by content, not name:
- examples.json: `actions.<Op>` lists of {title, document, input (HTTP), output (JSON)};
- client.go (the Go SDK client): the error codes each operation may return, in the comment
  block above `func (c *Client) <Op>(`;
- errors.go (the Go SDK error constants): each code's meaning, in the comment above it.

One ReadResult per action; `select` (pyproject) picks the ones wanted, later.
Every fact cites the line where api.json (or a companion) states it: json.loads loses lines,
so `JsonPositions` walks the same text to find each key.

Modules:
    sniff         is this JSON the model?
    document      api.json -> the model's data and the line of each key
    companions    the companion files beside it, found by content
    go_source     client.go and errors.go: error codes per operation, and their meanings
    prose         a model `document` (Markdown with HTML lists) as plain-text prose
    parameters    an object's members -> model.Parameter (nested objects expanded)
    responses     the output object -> response fields
    examples      examples.json entries -> Examples; endpoint, method and path they show
    errors        an operation's error codes -> model.ErrorCode
    operation     one action put together into a model.Operation

`IS_MODEL`: a doc page of the same operation wins over the model (see extract.py);
`companions(page)` names the companion files even when the model fails to read.
"""

from __future__ import annotations

from .companions import companions
from .operation import FAMILY, IS_MODEL, read
from .sniff import sniff

__all__ = ["FAMILY", "IS_MODEL", "companions", "read", "sniff"]
