"""Where the verbatim runtime lives, and which of its files each generated package carries.

runtime/ (at the top of the repository, beside templates/; shipped inside the package as
`generator._runtime`, see setup.py) holds Python that generated packages run as it is,
standard library only (starlette for the mock engine):

    runtime/common/runtime.py              -> _runtime.py  (every protocol's shared code)
    runtime/protocols/<protocol>/wire.py   -> _wire.py
    runtime/protocols/<protocol>/signing.py-> _signing.py
    runtime/protocols/<protocol>/server.py -> _server.py   (mocks only)
    runtime/mocks/<module>.py              -> _mock_<module>.py (mocks only)

The protocol modules import `_runtime` relatively, the mock modules each other, so a package
stays self-contained. Renderers ask this module for the files; nothing else knows the layout.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from . import protocols


def default_runtime() -> Path:
    """The project's runtime/: beside the package in a checkout or editable install, or
    shipped inside it as generator/_runtime in a built one."""
    package = Path(__file__).resolve().parent
    checkout = package.parent / "runtime"
    return checkout if checkout.is_dir() else package / "_runtime"


RUNTIME = default_runtime()

# The mock engine, by concern, in the order each imports the ones before it.
MOCK_MODULES = ("specs", "state", "lifecycle", "faults", "control", "app")


def protocol_dir(protocol: str, root: Path = RUNTIME) -> Path:
    """The folder of one protocol's runtime modules: wire.py, signing.py, server.py (copied
    verbatim) and client_prepare.py.j2 (the generated client's `prepare` method). A protocol
    registered from elsewhere brings its own folder (`Protocol.runtime`)."""
    own = protocols.get(protocol).runtime
    return own if own is not None else root / "protocols" / protocol


def client_files(protocol: str, root: Path = RUNTIME) -> dict[str, bytes]:
    """The runtime modules a generated client carries, by file name in the package."""
    proto = protocol_dir(protocol, root)
    return {
        "_runtime.py": (root / "common" / "runtime.py").read_bytes(),
        "_signing.py": (proto / "signing.py").read_bytes(),
        "_wire.py": (proto / "wire.py").read_bytes(),
    }


def mock_files(protocol: str, root: Path = RUNTIME) -> dict[str, bytes]:
    """The runtime modules a generated mock carries: the client's, the protocol's server
    side and the mock engine."""
    files = client_files(protocol, root)
    files["_server.py"] = (protocol_dir(protocol, root) / "server.py").read_bytes()
    for name in MOCK_MODULES:
        files[f"_mock_{name}.py"] = (root / "mocks" / f"{name}.py").read_bytes()
    return files


def import_runtime(protocol: str, package: str, root: Path = RUNTIME) -> ModuleType:
    """Import a protocol's client runtime as a generated package carries it, without writing
    one: `package` (a fresh name) with `_runtime`, `_wire` and `_signing` as submodules, so
    their relative imports resolve. For tests of the runtime modules themselves."""
    parent = ModuleType(package)
    parent.__path__ = []
    sys.modules[package] = parent
    for name in ("_runtime", "_wire", "_signing"):
        path = root / "common" / "runtime.py" if name == "_runtime" else None
        if path is None:
            path = protocol_dir(protocol, root) / f"{name[1:]}.py"
        spec = importlib.util.spec_from_file_location(f"{package}.{name}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while decorating
        spec.loader.exec_module(module)
        setattr(parent, name, module)
    return parent
