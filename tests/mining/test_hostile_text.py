"""Doc text is untrusted: long repetitive text must not make a pattern backtrack for minutes.
(An ambiguous list separator once made "can be A, A, A, ..." exponential.)"""

from __future__ import annotations

import itertools

import pytest

from generator import model
from generator.mining import mine_operation, mine_parameter
from generator.readers import ReadResult

from .util import param

UNITS = ["A, ", "A and ", "A、", "1-", "(", "以", "不能包含", "- A\n", "x", "letters, ",
         "the A parameter and ", "A: b\n", '"A", ', "1 to "]  # fmt: skip
TRIGGERS = ["", "can be ", "valid values: ", "contains only ", "取值范围：", "default value: ",
            "Up to 5 ", "One of ", "可包含", "cannot contain ", "Options:\n", "ranges from "]  # fmt: skip
SRC = model.Source("sources/x", 1)


# No wall-clock assertion (tests never assert times): linear matching finishes all of this in
# about a second, a backtracking blow-up takes minutes, and the timeout turns that into a failure.
@pytest.mark.timeout(120)
def test_long_repetitive_text_is_mined_without_blowup() -> None:
    for unit, trigger in itertools.product(UNITS, TRIGGERS):
        prose = [(1, trigger + unit * 300)]
        for type_ in ("string", "integer", "array"):
            mine_parameter(param("A", type_), prose, "sources/x")
        op = model.Operation(
            "x", "x", "v", "p", "Op", "fam", SRC, parameters=[param("A"), param("B")]
        )
        mine_operation(ReadResult(op, {"A": prose}, prose), "sources/x")
        # the rules read nothing they cannot parse out of junk like this
        assert op.quotas == [] or all(q.limit == 5 for q in op.quotas)
