"""Per-call overhead of the generated clients against the official SDKs, on loopback.

    .venv/bin/python bench/bench_clients.py [--calls N] [--rounds R]

For each cloud, one stdlib HTTP/1.1 keep-alive server on 127.0.0.1, in its own process,
answers a canned success envelope. The same create call is made, in the same run, by:

- the official SDK (boto3; tencentcloud CommonClient; aliyunsdkcore + aliyunsdkess;
  huaweicloudsdkas), retries off;
- the generated client (validation on, as by default);
- a raw baseline: http.client sending the generated client's request bytes as they are.

Per-call time is the best of R rounds of N calls. Client overhead = call time minus the raw
baseline (the server and the loopback round trip, which every client pays). The ratio column
is generated overhead / SDK overhead; the target is at most 1/3 of boto3's.
"""

from __future__ import annotations

import argparse
import http.client
import importlib
import json
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract import load_specs  # noqa: E402
from generator.render import TEMPLATES, Context, clients, environment, validators  # noqa: E402

PREFIX = "bench_"


def _serve(reply: tuple[int, dict[str, str], bytes], ports: Any) -> None:
    """The server process: a keep-alive HTTP/1.1 server answering one canned reply."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else delayed ACKs add ~40 ms to every call
        wbufsize = -1  # headers and body leave in one write (flushed after each request)

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            self.send_response(reply[0])
            for key, value in reply[1].items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(reply[2])))
            self.end_headers()
            self.wfile.write(reply[2])

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ports.put(server.server_address[1])
    server.serve_forever()


class Server:
    """The canned-reply server, in its own process: in a thread of this one it would take
    the GIL from the client being measured at every socket write."""

    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        context = multiprocessing.get_context("spawn")
        ports = context.Queue()
        self.process = context.Process(
            target=_serve, args=((status, headers, body), ports), daemon=True
        )
        self.process.start()
        self.port = int(ports.get(timeout=30))
        self.url = f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.process.terminate()
        self.process.join()


Timing = tuple[float, float]  # (wall seconds per call, CPU seconds per call of this process)


def per_call(call: Callable[[], object], calls: int) -> Timing:
    """Wall and CPU time per call over `calls` calls."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        call()
    return (time.perf_counter() - wall) / calls, (time.process_time() - cpu) / calls


def raw_baseline(url: str, request: httpx.Request) -> Callable[[], object]:
    """http.client on one keep-alive connection, sending the bytes the client sent."""
    parts = httpx.URL(url)
    connection = http.client.HTTPConnection(parts.host, parts.port)
    target = request.url.raw_path.decode()
    headers = {k: v for k, v in request.headers.items() if k.lower() != "content-length"}
    body = request.content

    def call() -> object:
        connection.request(request.method, target, body=body, headers=headers)
        response = connection.getresponse()
        return response.read()

    return call


def generate() -> dict[str, Any]:
    ops = load_specs(ROOT / "specs", ROOT)
    if not ops:
        raise SystemExit("specs/ holds no specs: run `.venv/bin/specgen extract` first")
    ctx = Context(env=environment(TEMPLATES), templates=TEMPLATES, package_prefix=PREFIX)
    files = validators.render(ops, ctx)
    files.update(clients.render(ops, ctx))
    out = Path(tempfile.mkdtemp(prefix="bench_clients_"))
    for rel, data in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    sys.path.insert(0, str(out / "python"))
    names = {"aws": "aws_autoscaling", "tencent": "tencent_as"}
    names |= {"alibaba": "alibaba_ess", "huawei": "huawei_as"}
    return {p: importlib.import_module(PREFIX + n) for p, n in names.items()}


class Recorder(httpx.BaseTransport):
    """Wraps the real transport and keeps the last request (for the raw baseline)."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.last: httpx.Request | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.last = request
        return self.inner.handle_request(request)


# --- one benchmark per cloud: (SDK call, generated call, server reply) -------------------------


def bench_aws(pkg: Any, calls: int, rounds: int) -> Result:
    import boto3  # type: ignore[import-untyped]
    from botocore.config import Config  # type: ignore[import-untyped]

    body = (
        b"<PutLifecycleHookResponse><PutLifecycleHookResult/><ResponseMetadata>"
        b"<RequestId>r1</RequestId></ResponseMetadata></PutLifecycleHookResponse>"
    )
    server = Server(200, {"Content-Type": "text/xml"}, body)
    creds = {"aws_access_key_id": "AKIDEXAMPLE", "aws_secret_access_key": "secret"}
    sdk = boto3.client(
        "autoscaling",
        endpoint_url=server.url,
        region_name="us-east-1",
        config=Config(retries={"total_max_attempts": 1}),
        **creds,
    )
    args = {
        "AutoScalingGroupName": "my-asg",
        "LifecycleHookName": "my-hook",
        "DefaultResult": "CONTINUE",
        "HeartbeatTimeout": 300,
        "LifecycleTransition": "autoscaling:EC2_INSTANCE_LAUNCHING",
        "NotificationMetadata": "meta",
    }
    recorder = Recorder()
    ours = pkg.Client(**creds, region="us-east-1", endpoint=server.url, transport=recorder)

    def generated() -> object:
        return ours.put_lifecycle_hook(
            auto_scaling_group_name="my-asg",
            lifecycle_hook_name="my-hook",
            default_result="CONTINUE",
            heartbeat_timeout=300,
            lifecycle_transition="autoscaling:EC2_INSTANCE_LAUNCHING",
            notification_metadata="meta",
        )

    return run(server, lambda: sdk.put_lifecycle_hook(**args), generated, recorder, calls, rounds)


def bench_tencent(pkg: Any, calls: int, rounds: int) -> Result:
    from tencentcloud.common import credential  # type: ignore[import-untyped]
    from tencentcloud.common.common_client import CommonClient  # type: ignore[import-untyped]
    from tencentcloud.common.profile.client_profile import ClientProfile  # type: ignore[import-untyped]
    from tencentcloud.common.profile.http_profile import HttpProfile  # type: ignore[import-untyped]

    answer = {"Response": {"LifecycleHookId": "ash-abcd1234", "RequestId": "r1"}}
    server = Server(200, {"Content-Type": "application/json"}, json.dumps(answer).encode())
    profile = ClientProfile(
        httpProfile=HttpProfile(endpoint=f"127.0.0.1:{server.port}", protocol="http")
    )
    sdk = CommonClient(
        "as", "2018-04-19", credential.Credential("AKID", "key"), "ap-guangzhou", profile=profile
    )
    params = {
        "AutoScalingGroupId": "asg-12wjuh0s",
        "LifecycleHookName": "my-hook",
        "LifecycleTransition": "INSTANCE_LAUNCHING",
        "DefaultResult": "CONTINUE",
        "HeartbeatTimeout": 300,
    }
    recorder = Recorder()
    ours = pkg.Client(
        secret_id="AKID",
        secret_key="key",
        region="ap-guangzhou",
        endpoint=server.url,
        transport=recorder,
    )

    def generated() -> object:
        return ours.create_lifecycle_hook(
            auto_scaling_group_id="asg-12wjuh0s",
            lifecycle_hook_name="my-hook",
            lifecycle_transition="INSTANCE_LAUNCHING",
            default_result="CONTINUE",
            heartbeat_timeout=300,
        )

    return run(
        server,
        lambda: sdk.call_json("CreateLifecycleHook", params),
        generated,
        recorder,
        calls,
        rounds,
    )


def bench_alibaba(pkg: Any, calls: int, rounds: int) -> Result:
    from aliyunsdkcore.client import AcsClient  # type: ignore[import-untyped]
    from aliyunsdkess.request.v20140828.CreateLifecycleHookRequest import (  # type: ignore[import-untyped]
        CreateLifecycleHookRequest,
    )

    answer = {"RequestId": "r1", "LifecycleHookId": "ash-bp1fxuqyi98w0aib****"}
    server = Server(200, {"Content-Type": "application/json"}, json.dumps(answer).encode())
    sdk = AcsClient("LTAIexampleAK", "secret", "cn-hangzhou", port=server.port, auto_retry=False)

    def official() -> object:
        request = CreateLifecycleHookRequest()
        request.set_endpoint("127.0.0.1")
        request.set_protocol_type("http")
        request.set_ScalingGroupId("asg-bp1eyv4qn8ssgv43****")
        request.set_LifecycleTransition("SCALE_OUT")
        request.set_LifecycleHookName("my-hook")
        request.set_DefaultResult("CONTINUE")
        request.set_HeartbeatTimeout(600)
        return json.loads(sdk.do_action_with_exception(request))

    recorder = Recorder()
    ours = pkg.Client(
        access_key_id="LTAIexampleAK",
        access_key_secret="secret",
        region="cn-hangzhou",
        endpoint=server.url,
        transport=recorder,
    )

    def generated() -> object:
        return ours.create_lifecycle_hook(
            scaling_group_id="asg-bp1eyv4qn8ssgv43****",
            lifecycle_transition="SCALE_OUT",
            lifecycle_hook_name="my-hook",
            default_result="CONTINUE",
            heartbeat_timeout=600,
        )

    return run(server, official, generated, recorder, calls, rounds)


def bench_huawei(pkg: Any, calls: int, rounds: int) -> Result:
    import logging

    from huaweicloudsdkas.v1 import AsClient, CreateLifeCycleHookOption, CreateLifyCycleHookRequest  # type: ignore[import-untyped]
    from huaweicloudsdkcore.auth.credentials import BasicCredentials  # type: ignore[import-untyped]
    from huaweicloudsdkcore.http.http_config import HttpConfig  # type: ignore[import-untyped]

    logging.getLogger("HuaweiCloud-SDK").setLevel(logging.CRITICAL)
    answer = {"lifecycle_hook_name": "my-hook", "default_timeout": 3600}
    server = Server(
        200, {"Content-Type": "application/json", "X-Request-Id": "r"}, json.dumps(answer).encode()
    )
    project = "0605767a4c00d5762fc2c0124f34a2a1"
    sdk = (
        AsClient.new_builder()
        .with_http_config(HttpConfig(timeout=(5, 15), retry_times=0))
        .with_credentials(BasicCredentials("HWAK", "HWSK", project))
        .with_endpoint(server.url)
        .build()
    )
    topic = "urn:smn:regionId:b53e5554fad0494d96206fb84296510b:gsh"

    def official() -> object:
        body = CreateLifeCycleHookOption(
            lifecycle_hook_name="my-hook",
            lifecycle_hook_type="INSTANCE_LAUNCHING",
            default_result="ABANDON",
            default_timeout=3600,
            notification_topic_urn=topic,
        )
        return sdk.create_lify_cycle_hook(
            CreateLifyCycleHookRequest(scaling_group_id="g1", body=body)
        )

    recorder = Recorder()
    ours = pkg.Client(
        ak="HWAK", sk="HWSK", project_id=project, endpoint=server.url, transport=recorder
    )

    def generated() -> object:
        return ours.create_lifecycle_hook(
            scaling_group_id="g1",
            lifecycle_hook_name="my-hook",
            lifecycle_hook_type="INSTANCE_LAUNCHING",
            default_result="ABANDON",
            default_timeout=3600,
            notification_topic_urn=topic,
        )

    return run(server, official, generated, recorder, calls, rounds)


Result = dict[str, Timing]  # "sdk", "ours", "raw" -> best (wall, cpu) per call


def run(
    server: Server,
    official: Callable[[], object],
    generated: Callable[[], object],
    recorder: Recorder,
    calls: int,
    rounds: int,
) -> Result:
    try:
        generated()
        assert recorder.last is not None
        clients = {"raw": raw_baseline(server.url, recorder.last)}
        clients |= {"sdk": official, "ours": generated}
        for call in clients.values():  # warm up: connections, caches, lazy imports
            for _ in range(max(20, calls // 10)):
                call()
        best = {name: (float("inf"), float("inf")) for name in clients}
        # interleaved rounds, so that drift in machine load touches all three alike; the
        # best wall and the best CPU time are kept separately
        for _ in range(rounds):
            for name, call in clients.items():
                wall, cpu = per_call(call, calls)
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
        return best
    finally:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=300, help="calls per round")
    parser.add_argument("--rounds", type=int, default=5, help="rounds (best is kept)")
    args = parser.parse_args()
    for name in list(os.environ):
        if name.upper().endswith("_PROXY"):
            del os.environ[name]
    packages = generate()
    benches = [
        ("aws", "boto3", bench_aws),
        ("tencent", "tencentcloud CommonClient", bench_tencent),
        ("alibaba", "aliyunsdkcore", bench_alibaba),
        ("huawei", "huaweicloudsdkas", bench_huawei),
    ]
    print(
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; "
        f"{args.calls} calls x {args.rounds} rounds, best round"
    )
    print("overhead = call minus the raw http.client baseline; us per call\n")
    header = (
        f"{'cloud':8} {'official SDK':26} | {'CPU: SDK':>8} {'ours':>6} {'raw':>5} {'ratio':>6} "
        f"| {'wall: SDK':>9} {'ours':>6} {'raw':>5} {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    results: dict[str, Result] = {}
    for provider, sdk_name, bench in benches:
        result = bench(packages[provider], args.calls, args.rounds)
        results[provider] = result
        cells = []
        for index in (1, 0):  # CPU, then wall
            sdk, ours, raw = (result[k][index] for k in ("sdk", "ours", "raw"))
            ratio = (ours - raw) / (sdk - raw)
            width = 8 if index else 9
            cells.append(f"{sdk * 1e6:{width}.0f} {ours * 1e6:6.0f} {raw * 1e6:5.0f} {ratio:6.2f}")
        print(f"{provider:8} {sdk_name:26} | {cells[0]} | {cells[1]}")
    print()
    for index, what in ((1, "CPU"), (0, "wall")):
        boto3 = results["aws"]["sdk"][index] - results["aws"]["raw"][index]
        ratios = ", ".join(
            f"{p} {(r['ours'][index] - r['raw'][index]) / boto3:.2f}" for p, r in results.items()
        )
        print(f"generated overhead / boto3 overhead ({what}): {ratios} (target <= 0.33)")


if __name__ == "__main__":
    main()
