"""A fifth wire protocol and a fifth cloud, defined outside generator/: the plug-in
tests/architecture/test_fifth_protocol.py copies into a temporary directory and registers.

protocol.py is its protocol module (a `Protocol` with its envelopes and client profile),
provider.py its provider entry, reader.py the reader of its doc format (`%fake-api`), and
runtime/ its runtime files (wire.py, signing.py, server.py, client_prepare.py.j2).
"""
