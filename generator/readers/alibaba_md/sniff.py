"""Is this page an Alibaba Chinese-Markdown API reference? Decided by content alone."""

from __future__ import annotations

import re

from .. import Page

_SECTION_HEADING = re.compile(
    r"^ {0,3}#{1,6}[ \t]+(请求参数|返回数据|返回参数|错误码|接口说明)", re.M
)
_PIPE_ROW = re.compile(r"^ {0,3}\|.*\|[ \t]*$", re.M)
_EXPLORER_LINK = re.compile(r"https?://api\.aliyun\.com/#/?\??product=\w+")
_H1 = re.compile(r"^# \S", re.M)


def sniff(page: Page) -> bool:
    """A Markdown page with a Chinese API-reference section and a pipe table, or with an
    OpenAPI Explorer link under a '# Title'."""
    text = page.text
    if _SECTION_HEADING.search(text) and _PIPE_ROW.search(text):
        return True
    return bool(_EXPLORER_LINK.search(text) and _H1.search(text))
