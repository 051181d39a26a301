"""Reader of the `%fake-api` doc format: one operation per page, one fact per line.

%fake-api
service hooks 2030-01-01
op PutLifecycleHook: summary
param NAME TYPE [required] [enum A|B] [range MIN..MAX]: description
field NAME TYPE: description           (a response field)
error CODE STATUS: meaning
"""

from __future__ import annotations

import re

from generator import model
from generator.errors import fail
from generator.readers import Page, ReadOutput, ReadResult

FAMILY = "fake-doc"
MAGIC = "%fake-api"
_PARAM = re.compile(
    r"(?P<kind>param|field) (?P<name>\w+) (?P<type>string|integer|boolean)"
    r"(?P<required> required)?(?: enum (?P<enum>[\w:|]+))?"
    r"(?: range (?P<min>\d+)\.\.(?P<max>\d+))?: (?P<doc>.*)"
)


def sniff(page: Page) -> bool:
    return page.text.startswith(MAGIC + "\n")


def read(page: Page) -> ReadOutput:
    service = version = name = summary = None
    params: list[model.Parameter] = []
    fields: list[model.Parameter] = []
    errors: list[model.ErrorCode] = []
    for number, line in enumerate(page.lines[1:], start=2):
        src = model.Source(page.path, number)
        if not line.strip():
            continue
        if line.startswith("service "):
            _, service, version = line.split()
        elif line.startswith("op "):
            name, _, summary = line[3:].partition(": ")
        elif line.startswith("error "):
            head, _, meaning = line[6:].partition(": ")
            code, status = head.split()
            errors.append(model.ErrorCode(code, src, status=int(status), meaning=meaning))
        elif found := _PARAM.fullmatch(line):
            param = model.Parameter(
                found["name"],
                src,
                type=found["type"],  # type: ignore[arg-type]
                required=bool(found["required"]),
                description=found["doc"],
            )
            if found["enum"]:
                values = [model.EnumValue(v) for v in found["enum"].split("|")]
                param.enum = model.Enum(src, values)
            if found["min"]:
                param.range = model.Range(src, int(found["min"]), int(found["max"]))
            (params if found["kind"] == "param" else fields).append(param)
        else:
            raise fail(page.path, number, f"not a line of the {FAMILY} format: {line!r}")
    if not (service and version and name):
        raise fail(page.path, 1, "a page needs a service line and an op line")
    op = model.Operation(
        provider="fakecloud",
        service=service,
        api_version=version,
        protocol="fake-json",
        name=name,
        family=FAMILY,
        source=model.Source(page.path, 1),
        action=name,
        summary=summary or "",
        parameters=params,
        response=fields,
        errors=errors,
    )
    return ReadOutput([ReadResult(op)])
