"""The control API (JSON under /_specgen/, never signed) and `MockState`, everything the
mock remembers: resource state, lifecycle actions, faults and the journal of requests.

Copied verbatim into each generated package as `_mock_control.py` (stdlib only).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping

from ._mock_faults import Faults, FaultState
from ._mock_specs import JOURNAL_SIZE, MAX_BODY, ControlError, MockSpec


class MockState(FaultState):
    """Everything the mock remembers. Every method takes the lock: the ASGI handler runs on
    one event loop, but tests and the control API may reach in from other threads."""

    def __init__(
        self,
        spec: MockSpec,
        *,
        credentials: Mapping[str, str] | None = None,
        auth: bool = True,
        groups: Iterable[str] = (),
        clock: Callable[[], float] = time.monotonic,
        rate_limits: bool = True,
        quotas: Mapping[str, int] | None = None,
        max_body: int = MAX_BODY,
        seed: int | None = None,
        journal_size: int = JOURNAL_SIZE,
    ) -> None:
        super().__init__(
            spec,
            groups=groups,
            clock=clock,
            quotas=quotas,
            seed=seed,
            rate_limits=rate_limits,
        )
        self.credentials = dict(credentials or {})
        self.auth = auth
        self.max_body = max_body
        self.journal: deque[dict[str, object]] = deque(maxlen=journal_size)
        self.reset()

    def secret_for(self, access_key: str) -> str | None:
        return self.credentials.get(access_key)

    def reset(self) -> None:
        with self.lock:
            super().reset()
            self.journal.clear()

    def control(self, method: str, name: str, payload: Mapping[str, object]) -> object:
        """The control API: `name` is the path below /_specgen/."""
        if (method, name) == ("GET", "health"):
            return {
                "ok": True,
                "provider": self.spec.provider,
                "service": self.spec.service,
                "protocol": self.spec.protocol,
            }
        if (method, name) == ("POST", "reset"):
            self.reset()
            return {}
        if (method, name) == ("POST", "groups"):
            groups = payload.get("groups", [])
            single = payload.get("group")
            instances = payload.get("instances", [])
            if not isinstance(groups, list) or not all(isinstance(g, str) for g in groups):
                raise ControlError(400, "groups must be a list of group ids")
            if single is not None and not isinstance(single, str):
                raise ControlError(400, "group must be a group id")
            if not isinstance(instances, list) or not all(isinstance(i, str) for i in instances):
                raise ControlError(400, "instances must be a list of instance ids")
            for group in groups:
                self.add_group(group)
            if single is not None:
                self.add_group(single, instances)
            with self.lock:
                return {"groups": sorted(self.groups)}
        if (method, name) == ("GET", "state"):
            return self.snapshot()
        if name == "faults":
            if method == "POST":
                self.set_faults(payload)
            elif method == "DELETE":
                with self.lock:
                    self.faults = Faults()
            elif method != "GET":
                raise ControlError(405, "faults takes GET, POST or DELETE")
            return self.faults.view()
        if name == "journal":
            if method == "DELETE":
                self.journal.clear()
                return []
            if method == "GET":
                return list(self.journal)
            raise ControlError(405, "journal takes GET or DELETE")
        if (method, name) == ("POST", "scale"):
            group = payload.get("group")
            direction = payload.get("direction", "out")
            count = payload.get("count", 1)
            instances = payload.get("instances", [])
            if not isinstance(group, str) or not isinstance(direction, str):
                raise ControlError(400, 'scale takes {"group": id, "direction": "out"|"in"}')
            if not isinstance(count, int) or isinstance(count, bool) or not 0 < count <= 1000:
                raise ControlError(400, "count must be an integer from 1 to 1000")
            if not isinstance(instances, list) or not all(isinstance(i, str) for i in instances):
                raise ControlError(400, "instances must be a list of instance ids")
            return self.scale(group, direction, count, instances)
        if (method, name) == ("POST", "advance"):
            seconds = payload.get("seconds")
            if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
                raise ControlError(400, 'advance takes {"seconds": n}, n >= 0')
            return {"ended": self.advance(float(seconds)), "time": self.now()}
        raise ControlError(404, f"no control endpoint {method} /_specgen/{name}")
