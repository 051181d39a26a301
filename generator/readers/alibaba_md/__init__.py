"""Alibaba Cloud ESS API reference pages (Chinese Markdown) -> one Operation per page.

Three generations of the same docs are this family: the current style (plain headings:
接口说明 / 调试 / 请求参数 / 返回数据 / 示例 / 错误码), the 2019 style (the same headings with
`{#... .section}` anchors) and the early-2019 style (描述 / 返回参数). A page's shape:

    # CreateLifecycleHook
    调用CreateLifecycleHook创建生命周期挂钩。
    ## 请求参数
    |名称|类型|是否必选|示例值|描述|
    |--|--|--|--|--|
    |Action|String|是|CreateLifecycleHook|系统规定参数。取值：CreateLifecycleHook|
    |ScalingGroupId|String|是|asg-bp1...|伸缩组的ID。|
    |NotificationMetadata|String|否|Test|通知的固定字符串，不能超过4096个字符。|
    ## 返回数据
    |名称|类型|示例值|描述|
    ...
    ## 示例
    请求示例
    ```
    http(s)://ess.aliyuncs.com/?Action=CreateLifecycleHook&...
    ```
    正常返回示例
    `XML` 格式 / `JSON` 格式 code blocks
    ## 错误码
    |HttpCode|错误码|错误信息|描述|

The modules, in the order a page goes through them:
    sniff           is the page one of ours
    row_joining     pre-pass: each pipe-table row onto one line (line_markers keep the page
                    lines of the joined continuation lines)
    document        markdown-it-py -> Document of sections and blocks; inline tokens -> plain
                    lines and links (inline, plain_text)
    sections        section kinds and their tables
    columns         table columns by meaning; doc_types: type cells; wire_names
    parameters      request table -> query parameters, Action and Version rows
    examples        示例 code blocks -> Examples
    example_shapes  response examples -> nesting
    responses       flat response table -> nested fields
    errors          错误码 table -> ErrorCodes
    prose           the operation-level Lines handed to mining
    operation       identity (name, service, version, endpoint) and everything above -> the
                    Operation

RPC conventions the page does not state: POST to "/", every parameter in the query. A
`Name.N` row is a list sent as Name.1, Name.2, ...; `Name.N.Key` a list of objects sent as
Name.1.Key; `Name.Key` an object sent as Name.Key. The reader models them as array/object
parameters named `Name` and says so in Operation.notes.
"""

from __future__ import annotations

from .operation import FAMILY, read
from .sniff import sniff

__all__ = ["FAMILY", "read", "sniff"]
