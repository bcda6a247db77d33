"""``ollixir.batch``: batch jobs on one or several hosts. Every input is embedded exactly once and in
order, whatever the hosts do (fail, slow down, disconnect mid-job); memory stays bounded; jobs resume."""

from __future__ import annotations

import asyncio
import collections
from collections.abc import Iterator
from typing import Any

import pytest

import ollixir
from ollixir import RequestError, RetryPolicy
from ollixir.batch import BatchError, EmbedBatch, aembed_many, embed_many
from ollixir.testing import OllamaTestServer

MODEL = "all-minilm"
FAST_RETRY = RetryPolicy(max_attempts=2, base_delay=0.01, max_delay=0.05)


def corpus(n: int, prefix: str = "text") -> list[str]:
    return [f"{prefix} {i}: a passage to embed" for i in range(n)]


@pytest.fixture
def servers() -> Iterator[list[OllamaTestServer]]:
    started = [OllamaTestServer() for _ in range(3)]
    try:
        yield started
    finally:
        for server in started:
            server.stop()


@pytest.fixture(scope="module")
def reference() -> Iterator[dict[str, list[float]]]:
    """Each text's vector from one plain call to a healthy server: what every job must reproduce."""
    texts = corpus(200) + corpus(60, "async")
    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        vectors = client.embed(MODEL, texts).embeddings
    yield dict(zip(texts, vectors, strict=True))


def embedded_texts(server: OllamaTestServer) -> list[str]:
    """Every text the server was asked to embed, in request order (repeats kept)."""
    return [t for r in server.requests if r.path == "/api/embed" for t in (r.json or {}).get("input", [])]


def check_in_order(
    batches: list[EmbedBatch], texts: list[str], ref: dict[str, list[float]], start: int = 0
) -> None:
    assert [b.start for b in batches] == sorted(b.start for b in batches)
    position = start
    for b in batches:
        assert b.start == position and len(b.embeddings) == len(b) > 0
        assert b.embeddings == [ref[t] for t in texts[b.start : b.stop]]
        position = b.stop
    assert position == len(texts)


def test_one_host_gives_every_vector_once_in_order(reference: dict[str, list[float]]) -> None:
    texts = corpus(120)
    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        batches = list(embed_many(client, texts, model=MODEL, batch_size=16, concurrency=3))
        check_in_order(batches, texts, reference)
        assert [len(b) for b in batches] == [16] * 7 + [8]
        assert {b.host for b in batches} == {server.url}
        assert sorted(embedded_texts(server)) == sorted(texts)  # each sent exactly once


def test_failing_slow_and_disconnecting_hosts(
    servers: list[OllamaTestServer], reference: dict[str, list[float]]
) -> None:
    failing, slow, leaving = servers
    failing.faults.fail(500, path="/api/embed", times=None)
    slow.faults.delay_headers(0.1, path="/api/embed", times=None)
    clients = [ollixir.Client(s.url, retry=FAST_RETRY) for s in servers]
    texts = corpus(200)
    job = embed_many(clients, texts, model=MODEL, batch_size=10, concurrency=3, window=6)
    batches: list[EmbedBatch] = []
    for batch in job:
        batches.append(batch)
        if len(batches) == 3:
            leaving.stop()  # drops its open connections; later connections are refused
    check_in_order(batches, texts, reference)

    by_host = collections.defaultdict(list)
    for b in batches:
        by_host[b.host].extend(texts[b.start : b.stop])
    assert failing.url not in by_host and by_host[leaving.url] and by_host[slow.url]
    # The slow host had no failures: everything it was sent, it answered, once.
    assert sorted(embedded_texts(slow)) == sorted(by_host[slow.url])
    # The host that left answered some batches; what it was sent but did not answer went elsewhere.
    sent_to_leaving = collections.Counter(embedded_texts(leaving))
    assert max(sent_to_leaving.values()) == 1
    assert set(by_host[leaving.url]) <= set(sent_to_leaving)
    # Everything the failing host was sent was embedded by another host.
    assert set(embedded_texts(failing)) <= set(by_host[slow.url]) | set(by_host[leaving.url])
    # Across hosts, each text was answered exactly once.
    answered = collections.Counter(by_host[slow.url] + by_host[leaving.url])
    assert answered == collections.Counter(texts)

    stats = {h.url: h for h in job.hosts}
    assert stats[failing.url].removed and isinstance(stats[failing.url].error, ollixir.ResponseError)
    assert stats[leaving.url].removed and isinstance(stats[leaving.url].error, ollixir.ConnectionError)
    assert not stats[slow.url].removed
    assert stats[slow.url].batches + stats[leaving.url].batches == 20
    for client in clients:
        client.close()


def test_work_is_shared_by_speed(servers: list[OllamaTestServer]) -> None:
    fast, slow, _ = servers
    fast.faults.delay_headers(0.03, path="/api/embed", times=None)
    slow.faults.delay_headers(0.1, path="/api/embed", times=None)
    clients = [ollixir.Client(fast.url), ollixir.Client(slow.url)]
    job = embed_many(clients, corpus(120), model=MODEL, batch_size=4, concurrency=2)
    assert sum(len(b) for b in job) == 120
    stats = {h.url: h for h in job.hosts}
    assert stats[fast.url].batches > stats[slow.url].batches >= 1
    speed = {url: h.seconds_per_text for url, h in stats.items()}
    assert speed[fast.url] is not None and speed[slow.url] is not None and speed[fast.url] < speed[slow.url]
    for client in clients:
        client.close()


def test_the_clients_retry_policy_is_used_before_giving_up_on_a_host(
    reference: dict[str, list[float]],
) -> None:
    texts = corpus(40)
    with OllamaTestServer() as server, ollixir.Client(server.url, retry=FAST_RETRY) as client:
        fault = server.faults.fail(503, path="/api/embed", times=1)
        job = embed_many(client, texts, model=MODEL, batch_size=8, concurrency=2)
        check_in_order(list(job), texts, reference)
        assert fault.hits == 1 and not job.hosts[0].removed
        # Five batches and one retry (the server logs the refused request without its body).
        assert len([r for r in server.requests if r.path == "/api/embed"]) == 6
        assert sorted(embedded_texts(server)) == sorted(texts)


def test_every_host_failing_stops_with_where_to_resume(
    servers: list[OllamaTestServer], reference: dict[str, list[float]]
) -> None:
    first, second, _ = servers
    texts = corpus(60)
    clients = [ollixir.Client(first.url), ollixir.Client(second.url)]
    job = embed_many(clients, texts, model=MODEL, batch_size=10, concurrency=1)
    got: list[EmbedBatch] = []
    with pytest.raises(BatchError) as info:
        for batch in job:
            got.append(batch)
            if len(got) == 2:
                first.faults.fail(502, path="/api/embed", times=None)
                second.faults.fail(503, path="/api/embed", times=None)
    error = info.value
    assert error.resume_from == job.done == got[-1].stop
    assert set(error.errors) == {first.url, second.url}
    assert isinstance(error.__cause__, ollixir.ResponseError)
    # Resuming where it stopped finishes the job, with nothing repeated and nothing missing.
    first.faults.clear()
    rest = list(embed_many(clients, texts, model=MODEL, batch_size=10, start=error.resume_from))
    check_in_order(got + rest, texts, reference)
    for client in clients:
        client.close()


def test_refused_input_stops_at_once(reference: dict[str, list[float]]) -> None:
    texts = corpus(30)
    texts[25] = "word " * 5000  # longer than the model's context
    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        job = embed_many(client, texts, model=MODEL, batch_size=10, concurrency=1, truncate=False)
        got = []
        with pytest.raises(BatchError, match=r"refused texts 20\.\.29") as info:
            got.extend(job)
        assert info.value.resume_from == 20 and [b.stop for b in got] == [10, 20]
        assert info.value.errors[server.url].status == 400  # type: ignore[attr-defined]


def test_resume_from_an_offset_skips_the_first_texts(reference: dict[str, list[float]]) -> None:
    texts = corpus(50)
    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        batches = list(embed_many(client, iter(texts), model=MODEL, batch_size=8, start=30))
        assert batches[0].start == 30
        check_in_order(batches, texts, reference, start=30)
        assert sorted(embedded_texts(server)) == sorted(texts[30:])
        assert list(embed_many(client, texts, model=MODEL, start=50)) == []


def test_memory_is_bounded_by_the_window() -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        while True:
            pulled += 1
            yield f"text {pulled}"

    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        job = embed_many(client, endless(), model=MODEL, batch_size=5, concurrency=2, window=3)
        first = next(job)
        assert first.start == 0 and pulled <= 3 * 5 + 5
        for _ in range(10):
            batch = next(job)
            # Never more than `window` batches cut ahead of what was handed out.
            assert pulled <= batch.stop + 3 * 5
        job.close()
        assert next(job, None) is None


def test_arrays_per_batch(reference: dict[str, list[float]]) -> None:
    np = pytest.importorskip("numpy")
    texts = corpus(30)
    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        batches = list(embed_many(client, texts, model=MODEL, batch_size=8, dtype="float32"))
    stacked = np.vstack([b.embeddings for b in batches])
    assert stacked.dtype == np.float32 and stacked.shape == (30, 384)
    assert np.array_equal(stacked, np.array([reference[t] for t in texts], dtype=np.float32))


def test_progress_plain_and_bar(capsys: pytest.CaptureFixture[str]) -> None:
    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        list(embed_many(client, corpus(40), model=MODEL, batch_size=4, progress="plain"))
        lines = capsys.readouterr().err.splitlines()
        assert lines[-1].startswith("embedded 40/40 texts (100%)") and len(lines) == 10
        list(embed_many(client, iter(corpus(8)), model=MODEL, batch_size=4, progress="plain"))
        assert capsys.readouterr().err.startswith("embedded 8 texts")  # unknown total: a closing line
        pytest.importorskip("rich")
        list(embed_many(client, corpus(12), model=MODEL, batch_size=4, progress="bar"))
        assert "12/12" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"batch_size": 0}, "batch_size"),
        ({"concurrency": -1}, "concurrency"),
        ({"start": 99}, "start"),
        ({"window": 0}, "window"),
        ({"progress": "fancy"}, "progress"),
        ({"dtype": "int8"}, "dtype"),
        ({"model": ""}, "model"),
        ({"keep_alive": "3600"}, "keep_alive"),
    ],
)
def test_bad_arguments_fail_before_any_traffic(kwargs: dict[str, Any], param: str) -> None:
    with OllamaTestServer() as server, ollixir.Client(server.url) as client:
        with pytest.raises(RequestError) as info:
            embed_many(client, corpus(5), **{"model": MODEL, **kwargs})
        assert info.value.param == param
        with pytest.raises(RequestError, match="aembed_many"):
            embed_many(ollixir.AsyncClient(server.url), corpus(5), model=MODEL)  # type: ignore[arg-type]
        with pytest.raises(RequestError, match="not one string"):
            embed_many(client, "one text", model=MODEL)
        with pytest.raises(RequestError, match=r"texts\[3\] must be a string"):
            list(embed_many(client, ["a", "b", "c", 4], model=MODEL))  # type: ignore[list-item]
        assert server.requests == []


def test_async_job_with_failing_and_disconnecting_hosts(
    servers: list[OllamaTestServer], reference: dict[str, list[float]]
) -> None:
    failing, steady, leaving = servers
    failing.faults.close_before_headers(path="/api/embed", times=None)
    texts = corpus(60, "async")

    async def go() -> tuple[list[EmbedBatch], Any]:
        clients = [ollixir.AsyncClient(s.url, retry=FAST_RETRY) for s in servers]
        got: list[EmbedBatch] = []
        async with aembed_many(clients, texts, model=MODEL, batch_size=5, concurrency=2, window=4) as job:
            async for batch in job:
                got.append(batch)
                if len(got) == 2:
                    await asyncio.to_thread(leaving.stop)
            hosts = job.hosts
        for client in clients:
            await client.aclose()
        return got, hosts

    batches, hosts = asyncio.run(go())
    check_in_order(batches, texts, reference)
    answered = collections.Counter(t for b in batches for t in texts[b.start : b.stop])
    assert answered == collections.Counter(texts)
    assert {b.host for b in batches} <= {steady.url, leaving.url}
    assert sorted(embedded_texts(steady)) == sorted(
        t for b in batches if b.host == steady.url for t in texts[b.start : b.stop]
    )
    assert [h.removed for h in hosts] == [True, False, True]


def test_async_rejects_sync_clients() -> None:
    with (
        OllamaTestServer() as server,
        ollixir.Client(server.url) as client,
        pytest.raises(RequestError, match="embed_many"),
    ):
        aembed_many(client, corpus(3), model=MODEL)  # type: ignore[arg-type]
