"""Clouds: which protocol each speaks, and what its clients take from the environment.

A provider is a cloud as specs name it (`provider:` of each spec, specs/<name>/,
generated/openapi/<name>.yaml, python/<name>_<service>/). What it shares with every cloud of
the same wire protocol is that protocol's (generator/protocols/); what is the cloud's alone is
here: its display name, the services specgen reads of it, the environment variables its SDKs
read credentials and the region from, and the endpoint its clients default to when the pages
document none. Two clouds speaking one protocol are two entries naming the same protocol.

A provider defined elsewhere (a plug-in, a test) calls `register(Provider(...))`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .registry import Registry

REGION = "region"  # the client setting every provider names its region variables under


@dataclass(frozen=True)
class Provider:
    name: str
    display_name: str
    protocol: str  # the wire protocol its services speak (a generator.protocols name)
    services: tuple[str, ...]  # services specgen reads, as specs name them
    # client setting (a credential of the protocol, or REGION) -> environment variables, in
    # the order they are tried
    environment: Mapping[str, tuple[str, ...]]
    # the client's default endpoint when the pages document none; "{region}" is filled in
    # by the client, "{service}" by the generator
    endpoint: str


def _env(entries: dict[str, tuple[str, ...]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType(entries)


BUILTIN: tuple[Provider, ...] = (
    Provider(
        name="huawei",
        display_name="Huawei Cloud",
        protocol="huawei-rest",
        services=("as",),
        environment=_env(
            {
                "ak": ("HUAWEICLOUD_SDK_AK",),
                "sk": ("HUAWEICLOUD_SDK_SK",),
                "project_id": ("HUAWEICLOUD_SDK_PROJECT_ID",),
                REGION: ("HUAWEICLOUD_SDK_REGION",),
            }
        ),
        endpoint="https://{service}.{region}.myhuaweicloud.com",
    ),
    Provider(
        name="alibaba",
        display_name="Alibaba Cloud",
        protocol="alibaba-rpc",
        services=("ess",),
        environment=_env(
            {
                "access_key_id": ("ALIBABA_CLOUD_ACCESS_KEY_ID",),
                "access_key_secret": ("ALIBABA_CLOUD_ACCESS_KEY_SECRET",),
                "security_token": ("ALIBABA_CLOUD_SECURITY_TOKEN",),
                REGION: ("ALIBABA_CLOUD_REGION_ID",),
            }
        ),
        endpoint="https://{service}.aliyuncs.com",
    ),
    Provider(
        name="tencent",
        display_name="Tencent Cloud",
        protocol="tencent-json",
        services=("as",),
        environment=_env(
            {
                "secret_id": ("TENCENTCLOUD_SECRET_ID",),
                "secret_key": ("TENCENTCLOUD_SECRET_KEY",),
                "token": ("TENCENTCLOUD_SESSION_TOKEN",),
                REGION: ("TENCENTCLOUD_REGION",),
            }
        ),
        endpoint="https://{service}.tencentcloudapi.com",
    ),
    Provider(
        name="aws",
        display_name="Amazon Web Services",
        protocol="aws-query",
        services=("autoscaling",),
        environment=_env(
            {
                "aws_access_key_id": ("AWS_ACCESS_KEY_ID",),
                "aws_secret_access_key": ("AWS_SECRET_ACCESS_KEY",),
                "aws_session_token": ("AWS_SESSION_TOKEN",),
                REGION: ("AWS_REGION", "AWS_DEFAULT_REGION"),
            }
        ),
        endpoint="https://{service}.{region}.amazonaws.com",
    ),
)

# the built-in providers, and those registered from outside this module (see `register`)
REGISTRY: Registry[Provider] = Registry("provider", lambda: {p.name: p for p in BUILTIN})


def table() -> dict[str, Provider]:
    return REGISTRY.table()


def names() -> tuple[str, ...]:
    return tuple(table())


def register(provider: Provider) -> Provider:
    return REGISTRY.register(provider.name, provider)


def get(name: str) -> Provider:
    return REGISTRY.get(name)
