"""Faults a test injects (latency, an error code at a rate, for some operations) and the
rate limits the pages document.

Copied verbatim into each generated package as `_mock_faults.py` (stdlib only).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._mock_lifecycle import LifecycleState
from ._mock_specs import ControlError, ErrorSpec, OperationSpec


@dataclass(slots=True)
class Faults:
    latency: float = 0.0  # seconds added to every answer
    code: str | None = None  # an error code answered instead, at `rate`
    rate: float = 0.0
    status: int | None = None
    message: str = "Injected fault."
    operations: frozenset[str] = frozenset()  # empty: every operation

    def view(self) -> dict[str, object]:
        return {
            "latency": self.latency,
            "error": (
                None
                if self.code is None
                else {
                    "code": self.code,
                    "rate": self.rate,
                    "status": self.status,
                    "message": self.message,
                    "operations": sorted(self.operations),
                }
            ),
        }


class FaultState(LifecycleState):
    """The state, with the faults injected into it and the rate-limit windows."""

    def __init__(self, *args: Any, rate_limits: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rate_limits = rate_limits
        self.faults = Faults()
        self.windows: dict[str, tuple[int, int]] = {}  # operation -> (window, requests)

    def reset(self) -> None:
        with self.lock:
            super().reset()
            self.windows.clear()
            self.faults = Faults()

    def set_faults(self, payload: Mapping[str, object]) -> None:
        latency = payload.get("latency", 0.0)
        if not isinstance(latency, (int, float)) or isinstance(latency, bool) or latency < 0:
            raise ControlError(400, "latency must be a number of seconds >= 0")
        faults = Faults(latency=float(latency))
        error = payload.get("error")
        if error is not None:
            if not isinstance(error, dict) or not isinstance(error.get("code"), str):
                raise ControlError(400, 'error must be an object with a "code"')
            rate = error.get("rate", 1.0)
            status = error.get("status")
            message = error.get("message", "Injected fault.")
            operations = error.get("operations", [])
            if not isinstance(rate, (int, float)) or isinstance(rate, bool) or not 0 <= rate <= 1:
                raise ControlError(400, "error.rate must be a number from 0 to 1")
            if status is not None and (not isinstance(status, int) or not 100 <= status <= 599):
                raise ControlError(400, "error.status must be an HTTP status")
            if not isinstance(message, str):
                raise ControlError(400, "error.message must be a string")
            if not isinstance(operations, list) or not all(isinstance(o, str) for o in operations):
                raise ControlError(400, "error.operations must be a list of operation names")
            faults.code = error["code"]
            faults.rate = float(rate)
            faults.status = status
            faults.message = message
            faults.operations = frozenset(operations)
        with self.lock:
            self.faults = faults

    def fault_for(self, op: OperationSpec) -> ErrorSpec | None:
        faults = self.faults
        if faults.code is None or (faults.operations and op.name not in faults.operations):
            return None
        with self.lock:
            if faults.rate < 1.0 and self.random.random() >= faults.rate:
                return None
        status = faults.status
        if status is None:
            # the status the pages give this code, when they give it only one
            known = {e.status for e in op.errors.values() if e.code == faults.code}
            spec = self.spec
            for answer in (spec.throttle_error, spec.internal_error, spec.auth_error):
                if answer.code == faults.code:
                    known.add(answer.status)
            status = known.pop() if len(known) == 1 else self.spec.fault_status
        return ErrorSpec(faults.code, status, faults.message)

    def throttled(self, op: OperationSpec) -> bool:
        """A fixed window of `per` seconds holding at most `requests` calls (of `op`)."""
        if not self.rate_limits or op.rate_limit is None:
            return False
        requests, per = op.rate_limit
        with self.lock:
            window = int(self.now() // per)
            start, used = self.windows.get(op.name, (window, 0))
            if start != window:
                used = 0
            if used >= requests:
                return True
            self.windows[op.name] = (window, used + 1)
            return False
