"""`read`: one method page -> one operation, its identity from the implementation's
`_protocol.send(...)` call (action, version, method, requestUri, resultWrapper) and the rest
from the modules beside this one."""

from __future__ import annotations

from ... import model
from ...errors import fail
from .. import Page, ReadOutput, ReadResult
from .dart_method import read_implementation, read_signature
from .document import read_document
from .errors import read_errors
from .examples import read_examples
from .parameters import read_parameter, validation_notes
from .prose import plain_text, read_prose, summary
from .responses import response_notes

FAMILY = "aws-dart"

PROVIDER = "aws"
SERVICE = "autoscaling"
PROTOCOL = "aws-query"


def read(page: Page) -> ReadOutput:
    lines = page.lines
    doc = read_document(page)
    arguments = read_signature(page, doc.signature, doc.method, doc.signature_line)
    impl = read_implementation(page, doc.code, doc.method, doc.code_line, arguments)
    # "Parameter x :" names the Dart argument; accept its wire name too
    aliases = {a.name: a.name for a in arguments}
    aliases.update({wire: dart for dart, (wire, _) in impl.wire.items()})
    prose = read_prose(page, doc.prose_start, doc.prose_end, aliases)

    notes: list[str] = []
    send = impl.send
    for key in ("action", "version"):
        if key not in send:
            raise fail(page.path, doc.code_line, f"the Implementation sends no '{key}:'")
    action, action_line = send["action"]
    version, version_line = send["version"]

    operation = model.Operation(
        provider=PROVIDER,
        service=SERVICE,
        api_version=version,
        protocol=PROTOCOL,
        name=action,
        family=FAMILY,
        source=model.Source(page.path, 1),
        action=action,
        title=lines[doc.title_line - 1].strip(),
    )
    operation.provenance["name"] = model.Source(page.path, action_line, quote=f"action: '{action}'")
    operation.provenance["action"] = operation.provenance["name"]
    operation.provenance["api_version"] = model.Source(
        page.path, version_line, quote=f"version: '{version}'"
    )
    if "method" in send:
        operation.method, line = send["method"]
        operation.provenance["method"] = model.Source(
            page.path, line, quote=f"method: '{operation.method}'"
        )
    else:
        notes.append("the Implementation names no HTTP method; POST assumed by the Query protocol")
    if "requestUri" in send:
        operation.path, line = send["requestUri"]
        operation.provenance["path"] = model.Source(
            page.path, line, quote=f"requestUri: '{operation.path}'"
        )
    if "resultWrapper" in send:
        operation.result_wrapper, line = send["resultWrapper"]
        operation.provenance["result_wrapper"] = model.Source(
            page.path, line, quote=f"resultWrapper: '{operation.result_wrapper}'"
        )

    operation.description = plain_text(prose.description)
    first = summary(prose.description)
    if first is not None:
        operation.summary = first[1]
        operation.provenance["summary"] = model.Source(page.path, first[0], quote=first[1])
    operation.errors = read_errors(page, doc.prose_start, doc.prose_end)
    operation.examples = read_examples(page)
    notes.extend(response_notes(doc.returns, operation.result_wrapper))

    result = ReadResult(operation, operation_text=prose.description)
    for argument in arguments:
        parameter, param_notes = read_parameter(page, argument, impl)
        operation.parameters.append(parameter)
        notes.extend(param_notes)
        text = prose.sections.get(argument.name, [])
        parameter.description = plain_text(text)
        if text:
            result.parameter_text[parameter.name] = text
    notes.extend(validation_notes(impl, {a.name for a in arguments}))
    notes.extend(prose.stray)
    operation.notes = notes
    return ReadOutput([result])
