"""The fake cloud: speaks the fake JSON protocol."""

from __future__ import annotations

from types import MappingProxyType

from generator.providers import REGION, Provider

PROVIDER = Provider(
    name="fakecloud",
    display_name="Fake Cloud",
    protocol="fake-json",
    services=("hooks",),
    environment=MappingProxyType(
        {
            "key_id": ("FAKECLOUD_KEY_ID",),
            "key_secret": ("FAKECLOUD_KEY_SECRET",),
            REGION: ("FAKECLOUD_REGION",),
        }
    ),
    endpoint="https://{service}.{region}.fake.example",
)
