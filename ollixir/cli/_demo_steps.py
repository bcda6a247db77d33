"""The steps of ``ollixir demo``. Each prints what it sends and what comes back, readable as a tutorial."""

from __future__ import annotations

import json
import math
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._chat import stream_answer
from ._commands import model_table, running_table
from ._progress import rich_available
from ._transfer import show_progress

if TYPE_CHECKING:
    from .._clients.client import Client
    from .._clients.types import TypedResults

__all__ = ["Tour"]

_WEATHER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "city": {"type": "string"},
        "country": {"type": "string"},
        "population": {"type": "integer"},
    },
    "required": ["city", "country", "population"],
}
_TEXTS = ("The cat sits on the mat.", "A kitten is resting on a rug.", "Quarterly revenue grew by 8 percent.")
_DEMO_MODEL = "ollixir-demo-pirate"


def get_weather(city: str) -> str:
    """The current weather in a city.

    Args:
        city: The city's name, e.g. Paris.
    """
    # A stand-in for a real weather service: the point is the round trip, not the forecast.
    return f"sunny and 21 degrees Celsius in {city}"


def _say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=False))
    norms = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norms if norms else 0.0


def _installed(client: Client[TypedResults]) -> set[str]:
    names = set()
    for m in client.list_models().models:
        names.add(m.name)
        names.add(m.name.removesuffix(":latest"))
    return names


@dataclass
class Tour:
    client: Client[TypedResults]
    model: str
    embed_model: str
    # On the bundled server, pulls come from its fake registry; on a real Ollama nothing big is downloaded
    # unless the chosen models are missing.
    test_server: bool

    def models(self) -> None:
        _say(f"$ ollixir list   (GET {self.client.base_url}/api/tags)")
        _say(model_table(self.client))
        if self.test_server:
            return
        installed = _installed(self.client)
        for name in dict.fromkeys((self.model, self.embed_model)):
            if name not in installed:
                _say(f"\n{name} is not installed yet; pulling it first.")
                with self.client.pull_model(name, stream=True) as stream:
                    show_progress(stream, out=sys.stdout)

    def chat(self) -> None:
        question = "Why is the sky blue? Answer in one sentence."
        _say(f"user: {question}")
        sys.stdout.write(f"{self.model}: ")
        stream_answer(
            self.client, self.model, [{"role": "user", "content": question}], {}, show_thinking=False
        )

    def tools(self) -> None:
        from .. import tools

        question = "Use the get_weather tool: what is the weather like in Paris?"
        messages: list[Any] = [{"role": "user", "content": question}]
        _say(f"tool offered: {json.dumps(tools.from_function(get_weather)['function'])}")
        _say(f"user: {question}")
        reply = self.client.chat(self.model, messages, tools=[get_weather])
        calls = reply.message.tool_calls or []
        if not calls:
            _say(f"{self.model} answered without calling the tool: {reply.message.content}")
            return
        messages.append(reply.message)
        for call in calls:
            args = call.function.arguments
            _say(f"{self.model} calls: {call.function.name}({json.dumps(args)})")
            try:
                result = str(tools.call_tool(get_weather, args))
            except tools.ToolArgumentError as exc:
                # The model can fix a bad call when it reads why it failed.
                result = exc.message
            _say(f"tool result sent back: {result}")
            tool_message = {"role": "tool", "tool_name": call.function.name, "content": result}
            if call.id is not None:
                tool_message["tool_call_id"] = call.id
            messages.append(tool_message)
        sys.stdout.write(f"{self.model}: ")
        stream_answer(self.client, self.model, messages, {}, show_thinking=False)

    def structured(self) -> None:
        question = "Give the name, country and population of the capital of France."
        _say(f"format (JSON schema): {json.dumps(_WEATHER_SCHEMA)}")
        _say(f"user: {question}")
        reply = self.client.chat(
            self.model,
            [{"role": "user", "content": question}],
            format=_WEATHER_SCHEMA,
            options={"temperature": 0},
        )
        _say(f"raw answer: {reply.message.content}")
        try:
            data = json.loads(reply.message.content)
        except ValueError as exc:
            _say(f"the answer is not valid JSON ({exc})")
            return
        _say("parsed:")
        for key, value in data.items():
            _say(f"  {key} = {value!r}")

    def embeddings(self) -> None:
        reply = self.client.embed(self.embed_model, list(_TEXTS))
        vectors = reply.embeddings
        _say(f"{len(vectors)} texts -> vectors of {len(vectors[0])} dimensions ({reply.model})")
        for i, j in ((0, 1), (0, 2)):
            _say(f"cosine({_TEXTS[i]!r}, {_TEXTS[j]!r}) = {_cosine(vectors[i], vectors[j]):.4f}")
        if self.test_server:
            _say("(the test server's vectors are derived from hashes, so these similarities are arbitrary)")

    def pull(self) -> None:
        name = "tinyllama" if self.test_server else self.model
        _say(f"$ ollixir pull {name}")
        if not rich_available():
            _say("(plain progress; pip install 'ollixir[cli]' for live progress bars)")
        with self.client.pull_model(name, stream=True) as stream:
            show_progress(stream, out=sys.stdout)

    def create(self) -> None:
        with tempfile.TemporaryDirectory(prefix="ollixir-demo-") as folder:
            path = Path(folder) / "Modelfile"
            path.write_text(
                f"FROM {self.model}\n"
                'SYSTEM """You are a cheerful pirate. Answer in one short sentence."""\n'
                "PARAMETER temperature 0.7\n",
                encoding="utf-8",
            )
            _say(f"{path}:")
            for line in path.read_text(encoding="utf-8").splitlines():
                _say(f"  {line}")
            _say(f"$ ollixir create {_DEMO_MODEL} -f {path}")
            with self.client.create_model(_DEMO_MODEL, modelfile=path, stream=True) as stream:
                show_progress(stream, out=sys.stdout)
        try:
            shown = self.client.show_model(_DEMO_MODEL)
            _say(f"system of {_DEMO_MODEL}: {shown.system}")
            _say(f"parameters: {' '.join(str(shown.parameters).split())}")
            sys.stdout.write(f"{_DEMO_MODEL}: ")
            stream_answer(
                self.client, _DEMO_MODEL, [{"role": "user", "content": "Hello!"}], {}, show_thinking=False
            )
        finally:
            # Leave a real Ollama as it was.
            if self.client.delete_model(_DEMO_MODEL):
                _say(f"deleted '{_DEMO_MODEL}' again")

    def load(self) -> None:
        _say("$ ollixir ps   (before: the chats above loaded the model)")
        _say(running_table(self.client))
        _say(f"\nunload({self.model!r}) -> {self.client.unload(self.model)}")
        _say(running_table(self.client))
        _say(
            f"\npreload({self.model!r}, keep_alive='10m') -> {self.client.preload(self.model, keep_alive='10m')}"
        )
        _say("$ ollixir ps   (after)")
        _say(running_table(self.client))
