"""The ``ollixir`` command line, run through its entry point in a subprocess against the bundled test server."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import ollixir
from ollixir.cli._format import human_bytes, human_time, processor, table, until
from ollixir.testing import OllamaTestServer

ROOT = Path(__file__).resolve().parent.parent


def _env(host: str | None) -> dict[str, str]:
    env = dict(os.environ)
    # The subprocess must import this checkout even when ollixir is not installed.
    paths = [str(ROOT), str(ROOT / "generated"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    env.pop("OLLAMA_HOST", None)
    if host is not None:
        env["OLLAMA_HOST"] = host
    env["COLUMNS"] = "120"
    return env


def cli(
    *args: str, host: str | None = None, stdin: str | None = None, command: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m ollixir ARGS`` with ``OLLAMA_HOST=host``."""
    argv = [*(command or [sys.executable, "-m", "ollixir"]), *args]
    return subprocess.run(
        argv, input=stdin, capture_output=True, text=True, env=_env(host), timeout=60, check=False
    )


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def chat_bodies(server: OllamaTestServer) -> list[Any]:
    return [r.json for r in server.requests if r.path == "/api/chat"]


# -- formatting helpers (in-process) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (512, "512 B"),
        (45960996, "45 MB"),
        (2019393189, "2.0 GB"),
        (1000**3, "1 GB"),
        (5_225_388_164, "5.2 GB"),
    ],
)
def test_human_bytes_like_ollama(size: int, text: str) -> None:
    assert human_bytes(size) == text


def test_human_time_and_processor() -> None:
    now = datetime.datetime(2025, 1, 31, tzinfo=datetime.UTC)
    assert human_time(now - datetime.timedelta(days=21), now) == "3 weeks ago"
    assert human_time(now + datetime.timedelta(minutes=4, seconds=30), now) == "4 minutes from now"
    assert human_time(now + datetime.timedelta(days=365 * 200), now) == "Forever"
    assert until(now - datetime.timedelta(seconds=1), now) == "Stopping..."
    assert [processor(10, 10), processor(10, 0), processor(100, 75)] == [
        "100% GPU",
        "100% CPU",
        "25%/75% CPU/GPU",
    ]
    assert table(["A", "BB"], [["xyz", "1"]]) == "A      BB\nxyz    1"


# -- model management ------------------------------------------------------------------------------------


def test_list_prints_the_ollama_table(ollama_server: OllamaTestServer) -> None:
    result = cli("list", host=ollama_server.url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"NAME +ID +SIZE +MODIFIED", lines[0])
    assert re.match(r"llama3\.2:latest +[0-9a-f]{12} +2\.0 GB +\S.* ago$", lines[1])
    assert any(line.startswith("all-minilm:latest") and "45 MB" in line for line in lines)


def test_host_option_wins_over_ollama_host(ollama_server: OllamaTestServer) -> None:
    dead = f"127.0.0.1:{closed_port()}"
    before = cli("list", "--host", ollama_server.url, host=dead)
    after = cli("--host", ollama_server.url, "list", host=dead)
    assert before.returncode == after.returncode == 0
    assert before.stdout == after.stdout
    assert "llama3.2:latest" in before.stdout


def test_ps_lists_loaded_models_and_stop_unloads(ollama_server: OllamaTestServer) -> None:
    assert cli("ps", host=ollama_server.url).stdout.split() == [
        "NAME",
        "ID",
        "SIZE",
        "PROCESSOR",
        "CONTEXT",
        "UNTIL",
    ]
    with ollixir.Client(ollama_server.url) as client:
        assert client.preload("llama3.2")
    loaded = cli("ps", host=ollama_server.url)
    assert re.search(
        r"^llama3\.2:latest +[0-9a-f]{12} +2\.0 GB +100% GPU +\d+ +\d+ minutes from now$", loaded.stdout, re.M
    )
    stopped = cli("stop", "llama3.2", host=ollama_server.url)
    assert stopped.returncode == 0 and "unloaded 'llama3.2'" in stopped.stdout
    assert "llama3.2" not in cli("ps", host=ollama_server.url).stdout


def test_show_summary_parts_and_json(ollama_server: OllamaTestServer) -> None:
    summary = cli("show", "llama3.2", host=ollama_server.url)
    assert summary.returncode == 0, summary.stderr
    text = summary.stdout
    for expected in (
        "  Model",
        "architecture",
        "3.2B",
        "131072",
        "Q4_K_M",
        "  Capabilities",
        "tools",
        "  License",
    ):
        assert expected in text
    assert re.search(r'^    stop +"<\|eot_id\|>"$', text, re.M)
    modelfile = cli("show", "llama3.2", "--modelfile", host=ollama_server.url).stdout
    assert modelfile.startswith('# Modelfile generated by "ollama show"')
    data = json.loads(cli("show", "qwen3", "--json", host=ollama_server.url).stdout)
    assert "thinking" in data["capabilities"]
    assert data["details"]["family"] == "qwen3"


def test_cp_and_rm(ollama_server: OllamaTestServer) -> None:
    copied = cli("cp", "llama3.2", "backup", host=ollama_server.url)
    assert copied.returncode == 0 and copied.stdout == "copied 'llama3.2' to 'backup'\n"
    removed = cli("rm", "backup", "nosuch", host=ollama_server.url)
    assert removed.returncode == 1
    assert removed.stdout == "deleted 'backup'\n"
    assert "model 'nosuch' not found" in removed.stderr
    with ollixir.Client(ollama_server.url) as client:
        names = {m.name for m in client.list_models().models}
    assert "backup:latest" not in names
    missing = cli("cp", "nosuch", "other", host=ollama_server.url)
    assert missing.returncode == 1 and "model 'nosuch' not found" in missing.stderr


# -- progress: pull, push, create --------------------------------------------------------------------


def test_pull_prints_statuses_and_percentages(ollama_server: OllamaTestServer) -> None:
    result = cli("pull", "tinyllama", "--progress", "plain", host=ollama_server.url)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "pulling manifest"
    assert lines[-3:] == ["verifying sha256 digest", "writing manifest", "success"]
    layer = re.compile(r"pulling ([0-9a-f]{12}): +(\d+)% \((.+)/(.+)\)")
    progress = [m.groups() for m in map(layer.fullmatch, lines) if m]
    first = progress[0][0]
    assert [p[1] for p in progress if p[0] == first] == ["0", "50", "100"]
    assert progress[2][2:] == ("637 MB", "637 MB")
    assert result.stdout == ""
    with ollixir.Client(ollama_server.url) as client:
        assert "tinyllama:latest" in {m.name for m in client.list_models().models}


def test_pull_auto_mode_is_plain_when_piped(ollama_server: OllamaTestServer) -> None:
    result = cli("pull", "llama3.2", host=ollama_server.url)
    assert result.returncode == 0
    # An installed model's layers are complete at once: one 100% line each.
    assert re.search(r"^pulling [0-9a-f]{12}: 100% \(2\.0 GB/2\.0 GB\)$", result.stderr, re.M)
    assert "\x1b[" not in result.stderr


def test_pull_with_rich_bars(ollama_server: OllamaTestServer) -> None:
    pytest.importorskip("rich")
    result = cli("pull", "tinyllama", "--progress", "bar", host=ollama_server.url)
    assert result.returncode == 0, result.stderr
    # Off a terminal rich prints the bars once, finished: description, percentage and byte counts.
    assert re.search(r"pulling [0-9a-f]{12} .*100% +637\.7/637\.7 MB", result.stderr)
    assert "pulling manifest" in result.stderr and "success" in result.stderr


def test_pull_unknown_model_fails_with_the_server_message(ollama_server: OllamaTestServer) -> None:
    result = cli("pull", "no-such-model", host=ollama_server.url)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "Error: pull model manifest: file does not exist"


def test_push_progress_and_namespace_error(ollama_server: OllamaTestServer) -> None:
    assert cli("cp", "llama3.2", "test/mine", host=ollama_server.url).returncode == 0
    pushed = cli("push", "test/mine", host=ollama_server.url)
    assert pushed.returncode == 0, pushed.stderr
    assert pushed.stderr.startswith("retrieving manifest\n")
    assert re.search(r"^pushing [0-9a-f]{12}: 100% ", pushed.stderr, re.M)
    assert pushed.stderr.endswith("pushing manifest\nsuccess\n")
    refused = cli("push", "llama3.2", host=ollama_server.url)
    assert refused.returncode == 1
    assert "unauthorized: access denied" in refused.stderr
    assert "not authorized to push to this namespace" in refused.stderr


def test_create_from_a_modelfile(ollama_server: OllamaTestServer, tmp_path: Path) -> None:
    modelfile = tmp_path / "Modelfile"
    modelfile.write_text(
        "FROM llama3.2\nSYSTEM You are a pirate.\nPARAMETER temperature 0.7\n", encoding="utf-8"
    )
    result = cli("create", "pirate", "-f", str(modelfile), host=ollama_server.url)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^creating new layer sha256:[0-9a-f]{64}$", result.stderr, re.M)
    assert result.stderr.endswith("writing manifest\nsuccess\n")
    with ollixir.Client(ollama_server.url) as client:
        shown = client.show_model("pirate")
    assert shown.system == "You are a pirate."
    assert "temperature" in str(shown.parameters)


def test_create_usage_errors(ollama_server: OllamaTestServer, tmp_path: Path) -> None:
    missing = cli("create", "x", "-f", str(tmp_path / "absent"), host=ollama_server.url)
    assert missing.returncode == 2 and "no Modelfile" in missing.stderr
    bad = tmp_path / "Bad"
    bad.write_text("FROM llama3.2\nFLY away\n", encoding="utf-8")
    invalid = cli("create", "x", "-f", str(bad), host=ollama_server.url)
    assert invalid.returncode == 2 and invalid.stderr.startswith("Error: ")
    assert not [r for r in ollama_server.requests if r.path == "/api/create"]


# -- run and embed ---------------------------------------------------------------------------------------


def test_run_streams_one_answer(ollama_server: OllamaTestServer) -> None:
    result = cli("run", "llama3.2", "why", "is", "the", "sky", "blue", host=ollama_server.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "You said: why is the sky blue\n"
    (body,) = chat_bodies(ollama_server)
    assert body["stream"] is True
    assert body["messages"] == [{"role": "user", "content": "why is the sky blue"}]


def test_run_think_and_format(ollama_server: OllamaTestServer) -> None:
    thought = cli("run", "qwen3", "--think", "hello", "there", host=ollama_server.url)
    assert (
        thought.stdout
        == "Thinking...\nThinking about: hello there\n...done thinking.\n\nYou said: hello there\n"
    )
    hidden = cli("run", "qwen3", "--think-level", "high", "--hidethinking", "hi", host=ollama_server.url)
    assert hidden.stdout == "You said: hi\n"
    assert chat_bodies(ollama_server)[-1]["think"] == "high"
    formatted = cli("run", "llama3.2", "--format", "json", "hi", host=ollama_server.url)
    assert json.loads(formatted.stdout) == {"response": "You said: hi"}


def test_run_interactive_keeps_history_until_bye(ollama_server: OllamaTestServer) -> None:
    stdin = "hello\n/?\nsecond message\n/bye\nnever sent\n"
    result = cli("run", "llama3.2", host=ollama_server.url, stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert "You said: hello\n" in result.stdout
    assert "You said: second message\n" in result.stdout
    assert "/bye" in result.stdout  # the help text
    assert "never sent" not in result.stdout
    bodies = chat_bodies(ollama_server)
    assert len(bodies) == 2
    assert bodies[-1]["messages"] == [
        {"role": "user", "content": "hello"},
        {"role": "assistant", "content": "You said: hello"},
        {"role": "user", "content": "second message"},
    ]


def test_run_interactive_ends_at_eof_and_clear_forgets(ollama_server: OllamaTestServer) -> None:
    result = cli("run", "llama3.2", host=ollama_server.url, stdin="one\n/clear\ntwo")
    assert result.returncode == 0
    assert "Cleared session context" in result.stdout
    assert chat_bodies(ollama_server)[-1]["messages"] == [{"role": "user", "content": "two"}]


def test_embed_summary_and_json(ollama_server: OllamaTestServer) -> None:
    summary = cli("embed", "all-minilm", "hello", "world", host=ollama_server.url)
    assert summary.returncode == 0, summary.stderr
    assert summary.stdout.splitlines()[0] == "all-minilm: 2 vector(s)"
    assert re.search(r"'hello' +384 dims +norm 1\.0000 +\[", summary.stdout)
    full = json.loads(cli("embed", "all-minilm", "hello", "--json", host=ollama_server.url).stdout)
    assert len(full["embeddings"]) == 1 and len(full["embeddings"][0]) == 384


def test_version(ollama_server: OllamaTestServer) -> None:
    result = cli("version", host=ollama_server.url)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"ollixir version is {ollixir.__version__}",
        f"server version is 0.33.0-rc2 ({ollama_server.url})",
    ]


# -- exit codes ------------------------------------------------------------------------------------------


def test_connection_failure_names_the_url_and_how_to_start_a_server() -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    result = cli("list", host=url)
    assert result.returncode == 1
    assert url in result.stderr
    assert "ollama serve" in result.stderr and "ollixir serve-test" in result.stderr
    assert "Traceback" not in result.stderr


def test_server_error_exits_1_with_its_message(ollama_server: OllamaTestServer) -> None:
    result = cli("show", "nosuch", host=ollama_server.url)
    assert result.returncode == 1
    assert result.stderr == "Error: model 'nosuch:latest' not found\n"
    chat = cli("run", "all-minilm", "hi", host=ollama_server.url)
    assert chat.returncode == 1 and "does not support chat" in chat.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["bogus"],
        ["show"],
        ["list", "--nope"],
        ["run", "llama3.2", "--format", "xml", "hi"],
        ["--host", "http://bad host", "list"],
    ],
    ids=["no-command", "unknown-command", "missing-arg", "unknown-option", "bad-format", "bad-host"],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = cli(*args, host=f"127.0.0.1:{closed_port()}")
    assert result.returncode == 2
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr


def test_help_explains_the_progress_fallback() -> None:
    top = cli("--help")
    assert top.returncode == 0
    for command in (
        "list",
        "ps",
        "show",
        "pull",
        "push",
        "create",
        "cp",
        "rm",
        "run",
        "embed",
        "version",
        "serve-test",
        "demo",
    ):
        assert re.search(rf"^ +{command}\b", top.stdout, re.M), command
    pull = cli("pull", "--help")
    assert "pip install 'ollixir[cli]'" in pull.stdout
    assert "plain" in pull.stdout


# -- serve-test and the console script -------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
def test_serve_test_serves_until_sigterm() -> None:
    argv = [sys.executable, "-m", "ollixir", "serve-test", "--port", "0"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(None))
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        listed = cli("list", host=url)
        assert listed.returncode == 0 and "llama3.2:latest" in listed.stdout
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0
    assert "Ctrl-C" in err and "stopped" in err


def _console_script() -> str | None:
    beside = Path(sys.executable).parent / "ollixir"
    return shutil.which("ollixir") or (str(beside) if beside.exists() else None)


def test_console_script(ollama_server: OllamaTestServer) -> None:
    script = _console_script()
    if script is None:
        pytest.skip("the ollixir console script is not installed (pip install -e .)")
    result = cli("version", host=ollama_server.url, command=[script])
    assert result.returncode == 0
    assert f"ollixir version is {ollixir.__version__}" in result.stdout
