"""`Engine.answer_fast`, the compiled common case the server adapter tries first: the same bytes as `handle`
for every request it answers, None (the general way) for any request it cannot judge in a few lookups."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from generator.render.mock.fixtures import data_files
from generator.runtime.mock import mock_engine
from tests.mock.conftest import load_test_spec

BASE = "http://127.0.0.1:9"
KEY = {"authorization": "Key k", "content-type": "application/json"}
Request = tuple[str, str, dict[str, str], bytes]


def engine(name: str, **options: Any) -> mock_engine.Engine:
    spec = load_test_spec(name)
    fixtures, _spec_json, _fixtures_json = data_files(spec)
    return mock_engine.Engine(spec, json.loads(json.dumps(fixtures)), **options)


def general(mock: mock_engine.Engine, request: Request) -> mock_engine.RawAnswer:
    method, path, headers, body = request
    answer = mock.handle(mock_engine.MockRequest(method, path, [], headers, body, BASE))
    return answer.status, mock_engine.raw_headers(answer), answer.body


def adapter(mock: mock_engine.Engine, request: Request) -> tuple[mock_engine.RawAnswer, bool]:
    """What the server adapter answers: `answer_fast` first, else `handle`; and whether the fast one did."""
    method, path, headers, body = request
    raw = {name.encode("latin-1"): value.encode("latin-1") for name, value in headers.items()}
    fast = mock.answer_fast(method, path, raw, body, BASE)
    return (fast, True) if fast is not None else (general(mock, request), False)


SUBMIT = "/fal-ai/flux/dev"
FAL_REQUESTS: list[Request] = [
    ("POST", SUBMIT, KEY, b'{"prompt": "a lighthouse", "num_images": 2}'),
    ("POST", SUBMIT, KEY, b'{"prompt": "p", "num_images": 99, "seed": "x"}'),  # 422, every violation
    ("POST", SUBMIT, KEY, b'{"prompt": '),  # malformed: 400
    ("POST", SUBMIT, KEY, b' {"prompt": "p"}'),  # whitespace around the value: json's own reading
    ("POST", SUBMIT, KEY, b'{"prompt": "p"}\n'),
    ("POST", SUBMIT, KEY, '{"prompt": "\u00e9t\u00e9 \U0001f305"}'.encode()),
    ("POST", SUBMIT, KEY, b'{"prompt": "\\ud83c lone surrogate"}'),
    ("POST", SUBMIT, KEY, b'["prompt"]'),
    ("POST", SUBMIT, KEY, b""),  # required body missing
    ("POST", SUBMIT, {"content-type": "application/json"}, b'{"prompt": "p"}'),  # no credential: 401
    ("POST", SUBMIT, {**KEY, "authorization": "Bearer k"}, b'{"prompt": "p"}'),  # malformed credential
    ("POST", SUBMIT, {**KEY, "authorization": "Key other"}, b'{"prompt": "p"}'),
    ("POST", SUBMIT, {**KEY, "content-type": "text/plain"}, b'{"prompt": "p"}'),  # 415
    ("POST", SUBMIT, {**KEY, "content-type": "Application/JSON; charset=utf-8"}, b'{"prompt": "p"}'),
    ("POST", SUBMIT, {**KEY, "prefer": "code=422"}, b'{"prompt": "p"}'),
    ("POST", SUBMIT, KEY, b'{"prompt": "p", "seed": 100000000000000000000000000000000000000}'),
    ("POST", "/fal-ai/fl%22ux/dev", KEY, b'{"prompt": "p"}'),
    ("GET", SUBMIT, KEY, b""),  # 405
    ("GET", "/nowhere/at/all", KEY, b""),  # 404
]


@pytest.mark.parametrize("api_key", [None, "k"])
def test_the_fast_answer_is_the_general_answer(api_key: str | None) -> None:
    # one engine answers as the server does (fast path first), the other always the general way; same seed,
    # so the same request ids in the same order: every answer must be the same bytes, each request twice
    # (the first one routes the path, after which the fast path knows it)
    served, plain = engine("falqueue", queue_ticks=2, api_key=api_key), engine("falqueue", queue_ticks=2,
                                                                             api_key=api_key)
    fast_ones = 0
    for request in FAL_REQUESTS * 2:
        answer, fast = adapter(served, request)
        assert answer == general(plain, request), request
        fast_ones += fast
    assert fast_ones >= 4  # the valid submits (and the charset one) the second time round
    assert len(served.jobs) == len(plain.jobs) and served.jobs.bytes == plain.jobs.bytes  # the same budget
    # a job submitted the fast way is polled, completed and fetched like any other
    request_id = json.loads(adapter(served, FAL_REQUESTS[0])[0][2])["request_id"]
    json.loads(general(plain, FAL_REQUESTS[0])[2])
    for _ in range(3):
        poll: Request = ("GET", f"/fal-ai/flux/requests/{request_id}/status", KEY, b"")
        assert general(served, poll) == general(plain, poll)
    result: Request = ("GET", f"/fal-ai/flux/requests/{request_id}", KEY, b"")
    assert general(served, result) == general(plain, result)
    assert general(served, result)[0] == 200


def test_requests_the_fast_path_cannot_judge_go_the_general_way() -> None:
    mock = engine("falqueue", api_key="k")
    valid = b'{"prompt": "p"}'
    assert adapter(mock, ("POST", SUBMIT, KEY, valid))[1] is False  # not routed yet
    assert adapter(mock, ("POST", SUBMIT, KEY, valid))[1] is True
    for request in [("POST", SUBMIT, {**KEY, "authorization": "Key wrong"}, valid),
                    ("POST", SUBMIT, KEY, b'{"num_images": "two"}'),
                    ("POST", SUBMIT, {**KEY, "content-type": "application/x-www-form-urlencoded"}, b"prompt=p")]:
        answer, fast = adapter(mock, request)
        assert not fast and answer[0] >= 400, request
    assert adapter(mock, ("POST", SUBMIT, {**KEY, "prefer": "code=401"}, valid))[0][0] == 401  # Prefer: general
    status = adapter(mock, ("GET", "/fal-ai/flux/requests/x/status", KEY, b""))
    assert status[1] is False and status[0][0] == 404  # queue polls are never compiled


def test_an_operation_that_answers_alike_is_answered_from_its_encoded_bytes() -> None:
    mock = engine("things")
    create: Request = ("POST", "/things", {"content-type": "application/json"}, b'{"name": "x", "kind": "class"}')
    first, _ = adapter(mock, create)
    second, fast = adapter(mock, create)
    third, _ = adapter(mock, ("POST", "/things", {"content-type": "application/json"}, b'{"name": "y", "kind": "def"}'))
    assert fast and first == second == third and second is third  # encoded once, the example's bytes
    assert json.loads(second[2])["name"].startswith("茶壶")
    assert adapter(mock, ("POST", "/things", {"content-type": "application/json"}, b'{"name": 1, "kind": "class"}'))[0][0] == 422


def test_an_answer_with_image_urls_is_built_per_request() -> None:
    # image URLs point at the server that answers and follow what the payload asks: never one encoded answer
    mock, plain = engine("images"), engine("images")
    for size in ("256x256", "512x512", "512x512"):
        request: Request = ("POST", "/v1/images/generations", {"authorization": "Bearer k",
                            "content-type": "application/json"}, json.dumps({"model": "img-1", "prompt": "p", "size": size}).encode())
        answer, fast = adapter(mock, request)
        assert not fast and answer == general(plain, request)
        assert f"/{size}/" in answer[2].decode()


def test_request_ids_are_seeded_unique_version_4_uuids() -> None:
    first, again, other = engine("falqueue"), engine("falqueue"), engine("falqueue", seed=1)
    ids = [first._new_request_id() for _ in range(20_000)]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i) for i in ids)
    assert [again._new_request_id() for _ in range(3)] == ids[:3]
    assert other._new_request_id() != ids[0]


def test_a_submitted_job_is_a_tuple_until_looked_at() -> None:
    store = mock_engine.JobStore(limit=3, max_bytes=10_000)
    for index in range(5):
        store.submit(f"id-{index}", ("a/b", 0, "POST", "/a/b", BASE), b"1" * 1_000)
    assert list(store._jobs) == ["id-2", "id-3", "id-4"] and store.bytes == 3 * (1_000 + mock_engine.JOB_OVERHEAD)
    assert isinstance(store._jobs["id-3"], tuple)
    job = store.get("id-3")
    assert job is not None and job.app_path == "a/b" and job.cost == 2_024
    assert job.source == (0, b"1" * 1_000, "POST", "/a/b", b"1" * 1_000, BASE)  # what the general submit keeps
    assert store._jobs["id-3"] is job and list(store._jobs) == ["id-2", "id-3", "id-4"]  # kept in its place
    assert store.poll("id-4") is not None and store.poll("id-4")[1] == 1  # type: ignore[index]
    store.submit("id-5", ("a/b", 0, "POST", "/a/b", BASE), b"2" * 8_000)
    assert store.bytes <= 10_000 and "id-5" in store._jobs


def test_stored_jobs_hold_atoms_only_so_the_collector_stops_tracking_them() -> None:
    import gc

    mock = engine("falqueue")
    for both in (False, True):  # the general submit (the first to a path) and the compiled one: one kind of job
        request = ("POST", SUBMIT, KEY, b'{"prompt": "a lighthouse"}')
        answer, fast = adapter(mock, request) if both else ((general(mock, request)), False)
        assert fast is both and answer[0] == 200
    gc.collect()
    gc.collect()  # a tuple is untracked once what it holds is: the job's inner tuple first, then the job
    stored = list(mock.jobs._jobs.values())
    assert len(stored) == 2
    # a tracked job would be walked by every full collection: 10,000 of them in a full store
    assert not any(gc.is_tracked(entry) for entry in stored if type(entry) is tuple)
    job = mock.jobs._job(next(iter(mock.jobs._jobs)))
    assert job is not None and job.source is not None and isinstance(job.source[0], int)


def test_a_compiled_submit_keeps_three_objects_per_job() -> None:
    # a full store is cycled through every 10,000 submits: what a job keeps is what each request frees cold
    mock, plain = engine("falqueue"), engine("falqueue")
    bodies = [b'{"prompt": "one"}', b'{"prompt": "two"}', b'{"prompt": "three"}']
    for body in bodies:
        request = ("POST", SUBMIT, KEY, body)
        adapter(mock, request)
        general(plain, request)
    fresh = list(mock.jobs._jobs.values())[1:]  # the first submit routed the path: the general way
    assert all(type(entry) is tuple and len(entry) == 2 for entry in fresh)
    assert fresh[0][0] is fresh[1][0]  # the route (app path, operation, method, path, base URL) is shared
    assert [entry[1] for entry in fresh] == bodies[1:]
    # looked at, a job is the general submit's job, byte for byte of what its result is built from
    for request_id, other_id in zip(list(mock.jobs._jobs)[1:], list(plain.jobs._jobs)[1:]):
        job, other = mock.jobs.get(request_id), plain.jobs.get(other_id)
        assert job is not None and other is not None and request_id == other_id
        assert (job.app_path, job.source, job.cost) == (other.app_path, other.source, other.cost)
