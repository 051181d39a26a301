"""Reader for the aws_client Dart package's API doc pages (one page per method).

A page is the text of a dartdoc method page:

    putLifecycleHook method                          title
    Future<void> putLifecycleHook({                  signature, entries numbered "1." ...
      1. required String autoScalingGroupName,
    })
    Creates or updates a lifecycle hook ...          description paragraphs
    May throw LimitExceededFault.                    errors
    Parameter autoScalingGroupName : The name ...    per-argument prose, until the next
                                                     "Parameter" or "Implementation"
    Implementation
    Future<void> putLifecycleHook({ ... }) async {   the generated Dart source
      _s.validateStringLength('x', x, 1, 255, isRequired: true);
      $request['AutoScalingGroupName'] = autoScalingGroupName;
      await _protocol.send($request, action: 'PutLifecycleHook', version: '2011-01-01', ...);
    }

The Dart source is read with a small tokenizer (strings, comments, balanced brackets) and
never evaluated. The signature gives argument names, Dart types and `required`; the
implementation gives the wire names (the `$request` keys), the structured constraints
(validateStringLength, validateNumRange, checkNotNull) and the Query call facts (action,
version, method, requestUri, resultWrapper). Wire list encoding (`.member.N`) is left to the
protocol: a parameter is named by its top-level wire name only.

Modules, in the order a page goes through them:
    sniff        is this page one of the family's?
    document     the page's parts: title, signature, prose, Dart source (as tokens)
    dart_tokens  the Dart tokenizer and token helpers
    dart_method  signature arguments; what the implementation sends and validates
    parameters   arguments -> request parameters (wire names, types, required, bounds)
    responses    what the method returns
    prose        description and per-argument prose, as Lines for mining
    examples     (the pages show none)
    errors       "May throw" lines -> error codes
    operation    all of it put together into a model.Operation
"""

from __future__ import annotations

from .operation import FAMILY, read
from .sniff import sniff

__all__ = ["FAMILY", "read", "sniff"]
