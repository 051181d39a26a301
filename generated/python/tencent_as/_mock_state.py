"""The mock's resource state: lifecycle hooks, keyed by id and by (scaling group, name), in
the scaling groups the caller seeds, and the answers built from them.

Copied verbatim into each generated package as `_mock_state.py` (stdlib only). What happens
to an instance waiting on a hook is `_mock_lifecycle.py`'s: it extends `ResourceState`.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

from ._mock_specs import (
    FieldSpec,
    HookSpec,
    MockSpec,
    OperationSpec,
    StateError,
    normalise,
)

_EMPTY: Final[Mapping[str, object]] = {
    "string": "",
    "integer": 0,
    "number": 0,
    "boolean": False,
    "array": (),  # a tuple: the same empty value is shared by every answer
}


@dataclass(slots=True)
class Hook:
    id: str
    group: str
    name: str
    attrs: dict[str, object]
    created: str


@dataclass(slots=True)
class Listing:
    """What a describe answer shows: the page of hooks and where it is in the whole."""

    hooks: list[Hook]
    total: int = 0
    limit: int | None = None
    offset: int = 0
    page: int = 1


class ResourceState:
    """The hooks and groups, the clock and the ids. Subclasses add what waits on hooks."""

    def __init__(
        self,
        spec: MockSpec,
        *,
        groups: Iterable[str] = (),
        clock: Callable[[], float] = time.monotonic,
        quotas: Mapping[str, int] | None = None,
        seed: int | None = None,
    ) -> None:
        self.spec = spec
        self.hook = spec.hook
        self.clock = clock
        self.quotas: dict[str, int | None] = {
            name: op.quota for name, op in spec.operations.items()
        }
        self.quotas.update(quotas or {})
        self.lock = threading.RLock()
        self.random = random.Random(seed)
        self.initial_groups = tuple(groups)
        self.offset = 0.0
        self.groups: dict[str, dict[str, str]] = {}  # group -> instance -> lifecycle state
        self.hooks: dict[str, Hook] = {}  # by id, in creation order
        self.by_name: dict[tuple[str, str], str] = {}  # (group, name) -> id
        self.group_hooks: dict[str, dict[str, None]] = {}  # group -> ids, in creation order
        self.counter = 0

    # --- time, ids --------------------------------------------------------------------------

    def now(self) -> float:
        return self.clock() + self.offset

    def timestamp(self) -> str:
        moment = datetime.fromtimestamp(time.time() + self.offset, UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    def _next(self) -> int:
        self.counter += 1
        return self.counter

    def _new_id(self) -> str:
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        while True:
            suffix = "".join(self.random.choice(alphabet) for _ in range(self.hook.id_length))
            hook_id = self.hook.id_prefix + suffix
            if hook_id not in self.hooks:
                return hook_id

    def _new_instance(self) -> str:
        return f"{self.hook.instance_prefix}{self.random.getrandbits(68):017x}"

    # --- groups -----------------------------------------------------------------------------

    def reset(self) -> None:
        with self.lock:
            self.offset = 0.0
            self.groups.clear()
            self.hooks.clear()
            self.by_name.clear()
            self.group_hooks.clear()
            for group in self.initial_groups:
                self.add_group(group)

    def add_group(self, group: str, instances: Iterable[str] = ()) -> None:
        with self.lock:
            members = self.groups.setdefault(group, {})
            self.group_hooks.setdefault(group, {})
            for instance in instances:
                members[instance] = "InService"

    # --- operations on hooks ----------------------------------------------------------------

    def _group(self, op: OperationSpec, request: Mapping[str, object]) -> str | None:
        key = op.roles.get("group")
        if key is None or request.get(key) is None:
            return None
        group = str(request[key])
        if group not in self.groups:
            raise StateError(op.errors["group_not_found"], group=group)
        return group

    def _create(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        where = group or ""
        name_key = op.roles.get("hook_name")
        name = request.get(name_key) if name_key else None
        existing = self.by_name.get((where, str(name))) if name is not None else None
        if existing is not None:
            if op.kind != "upsert":
                raise StateError(op.errors["duplicate"], hook=name, group=where)
            hook = self.hooks[existing]
            hook.attrs.update((k, request[k]) for k in op.attributes if k in request)
            return self._build(op.response, hook, Listing([hook]))
        for keys in op.required_on_create:
            for key in keys:
                if key not in request:
                    raise StateError(self.spec.missing_error, param=key)
        limit = self.quotas.get(op.name)
        if limit is not None and len(self.group_hooks.get(where, {})) >= limit:
            raise StateError(op.errors["quota"], group=where, limit=limit, hook=name)
        hook_id = self._new_id()
        attrs = {k: v for k, v in op.defaults.items() if k in op.attributes}
        attrs.update((k, request[k]) for k in op.attributes if k in request)
        hook = Hook(
            hook_id,
            where,
            str(name) if name is not None else hook_id,
            attrs,
            self.timestamp(),
        )
        self.hooks[hook_id] = hook
        self.by_name[(where, hook.name)] = hook_id
        self.group_hooks.setdefault(where, {})[hook_id] = None
        return self._build(op.response, hook, Listing([hook]))

    def _find(self, op: OperationSpec, request: Mapping[str, object], group: str | None) -> Hook:
        hook = self._find_optional(op, request, group)
        if hook is None:
            key = op.roles.get("hook_id") or op.roles.get("hook_name") or "LifecycleHookId"
            raise StateError(self.spec.missing_error, param=key)
        return hook

    def _find_optional(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> Hook | None:
        """The hook a request names by id, else by (group, name); None when it names none."""
        id_key = op.roles.get("hook_id")
        if id_key is not None and request.get(id_key) is not None:
            hook_id = str(request[id_key])
            invalid = op.errors.get("hook_id_invalid")
            if invalid is not None and not looks_like_id(self.hook, hook_id):
                raise StateError(invalid, hook=hook_id)
            hook = self.hooks.get(hook_id)
            if hook is None or (group is not None and hook.group != group):
                raise StateError(op.errors["hook_id_not_found"], hook=hook_id, group=group or "")
            return hook
        name_key = op.roles.get("hook_name")
        if name_key is not None and request.get(name_key) is not None:
            name = str(request[name_key])
            found = self.by_name.get((group or "", name))
            if found is None:
                raise StateError(op.errors["hook_name_not_found"], hook=name, group=group or "")
            return self.hooks[found]
        return None

    def _describe(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        if group is not None:
            hooks = [self.hooks[i] for i in self.group_hooks.get(group, {})]
        else:
            hooks = list(self.hooks.values())
        for role, attribute in (("hook_ids", "id"), ("hook_names", "name")):
            key = op.roles.get(role)
            wanted = request.get(key) if key else None
            if isinstance(wanted, list) and wanted:
                names = {str(v) for v in wanted}
                hooks = [h for h in hooks if getattr(h, attribute) in names]
        for role, attribute in (("hook_id", "id"), ("hook_name", "name")):
            key = op.roles.get(role)
            one = request.get(key) if key else None
            if one is not None:
                hooks = [h for h in hooks if getattr(h, attribute) == str(one)]
        key = op.roles.get("filters")
        filters = request.get(key) if key else None
        if isinstance(filters, list):
            for item in filters:
                if isinstance(item, dict):
                    hooks = self._filter(op, hooks, item)
        listing = Listing(hooks, total=len(hooks))
        limit = self._number(op, request, "limit")
        offset = self._number(op, request, "offset")
        page = self._number(op, request, "page")
        if limit is not None:
            listing.limit = limit
            if page is not None:
                listing.page = max(page, 1)
                listing.offset = (listing.page - 1) * limit
            listing.offset = max(offset if offset is not None else listing.offset, 0)
            listing.hooks = hooks[listing.offset : listing.offset + limit]
        elif offset is not None:
            listing.offset = max(offset, 0)
            listing.hooks = hooks[listing.offset :]
        return self._build(op.response, None, listing)

    def _number(self, op: OperationSpec, request: Mapping[str, object], role: str) -> int | None:
        key = op.roles.get(role)
        if key is None:
            return None
        value = request.get(key, op.defaults.get(key))
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _filter(self, op: OperationSpec, hooks: list[Hook], item: Mapping[str, Any]) -> list[Hook]:
        """A `{"Name": "auto-scaling-group-id", "Values": [...]}` filter: the name is that of a
        listed field with its separators dropped (AutoScalingGroupId)."""
        name = str(item.get("Name", ""))
        values = item.get("Values")
        wanted = {str(v) for v in values} if isinstance(values, list) else set()
        target = normalise(name)
        found = find_field(op.response, target)
        if found is None:
            raise StateError(op.errors["bad_filter"], filter=name)
        listing = Listing([])
        return [h for h in hooks if str(self._value(found, h, listing)) in wanted]

    def _show(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        hook = self._find(op, request, group)
        return self._build(op.response, hook, Listing([hook]))

    def _modify(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        hook = self._find(op, request, group)
        name_key = op.roles.get("hook_name")
        id_key = op.roles.get("hook_id")
        # a name next to the id that names the hook is a new name
        if name_key is not None and id_key is not None and request.get(name_key) is not None:
            name = str(request[name_key])
            if name != hook.name:
                if (hook.group, name) in self.by_name:
                    raise StateError(op.errors["duplicate"], hook=name, group=hook.group)
                del self.by_name[(hook.group, hook.name)]
                hook.name = name
                self.by_name[(hook.group, name)] = hook.id
                self._hook_renamed(hook)
        given = {k: request[k] for k in op.attributes if k in request}
        if op.kind == "replace":
            hook.attrs = {k: v for k, v in op.defaults.items() if k in op.attributes}
        hook.attrs.update(given)
        return self._build(op.response, hook, Listing([hook]))

    def _delete(
        self, op: OperationSpec, request: Mapping[str, object], group: str | None
    ) -> dict[str, object]:
        hook = self._find(op, request, group)
        self._hook_deleted(hook)
        del self.hooks[hook.id]
        self.by_name.pop((hook.group, hook.name), None)
        self.group_hooks.get(hook.group, {}).pop(hook.id, None)
        return self._build(op.response, hook, Listing([]))

    def _hook_renamed(self, hook: Hook) -> None:
        """What else names the hook follows its new name (overridden where something does)."""

    def _hook_deleted(self, hook: Hook) -> None:
        """What waits on a deleted hook ends (overridden where something waits)."""

    # --- answers ----------------------------------------------------------------------------

    def _build(
        self, fields: Iterable[FieldSpec], hook: Hook | None, listing: Listing
    ) -> dict[str, object]:
        out: dict[str, object] = {}
        for spec in fields:
            value = self._value(spec, hook, listing)
            if value is None and not spec.required:
                continue
            out[spec.name] = value
        return out

    def _value(self, spec: FieldSpec, hook: Hook | None, listing: Listing) -> object:
        source = spec.source
        if source == "hooks":
            return [self._build(spec.children, item, listing) for item in listing.hooks]
        if source == "object":
            return self._build(spec.children, hook, listing)
        if source == "total":
            return listing.total
        if source == "limit":
            return listing.limit
        if source == "offset":
            return listing.offset
        if source == "page":
            return listing.page
        value: object = None
        if hook is not None:
            if source == "id":
                value = hook.id
            elif source == "group":
                value = hook.group
            elif source == "name":
                value = hook.name
            elif source == "created":
                value = hook.created
            elif source == "attr":
                value = hook.attrs.get(spec.key)
                if isinstance(value, dict) and spec.children:
                    value = {
                        c.name: value.get(c.name, _EMPTY.get(c.type) if c.required else None)
                        for c in spec.children
                    }
            elif source == "derived":
                stored = hook.attrs.get(spec.key)
                if isinstance(stored, str):
                    value = re.split(r"[:/]", stored)[-1]
        if value is None and spec.required:
            return _EMPTY.get(spec.type)
        return value


def looks_like_id(hook: HookSpec, text: str) -> bool:
    return text.startswith(hook.id_prefix) and text[len(hook.id_prefix) :].isalnum()


def find_field(fields: Iterable[FieldSpec], target: str) -> FieldSpec | None:
    """The field of a listed hook whose name, normalised, is `target`."""
    for spec in fields:
        if spec.source == "hooks" or spec.source == "object":
            found = find_field(spec.children, target)
            if found is not None:
                return found
        elif normalise(spec.name) == target:
            return spec
    return None
