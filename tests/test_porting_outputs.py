"""The official examples' structured output, images, thinking, logprobs and embeddings, run on the
official client and on ollixir (the ``ollama`` fixture)."""

from __future__ import annotations

import asyncio
import base64
import math
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import BaseModel

from ollixir.testing import OllamaTestServer
from tests.portkit import PNG, FriendInfo, FriendList

FRIENDS_PROMPT = (
    "I have two friends. The first is Ollama 22 years old busy saving the world, and the second is Alonso "
    "23 years old and wants to hang out. Return a list of friends in JSON format"
)
# The fake model fills a schema: strings get the prompt's last word, integers 42, booleans true.
FRIENDS = FriendList(friends=[FriendInfo(name="format", age=42, is_available=True)])
B64 = base64.b64encode(PNG).decode()


def test_structured_output(ollama: Any, ollama_server: OllamaTestServer) -> None:
    response = ollama.chat(
        model="llama3.2",
        messages=[{"role": "user", "content": FRIENDS_PROMPT}],
        format=FriendList.model_json_schema(),
        options={"temperature": 0},
    )
    assert FriendList.model_validate_json(response.message.content) == FRIENDS
    assert ollama_server.requests[-1].json["format"] == FriendList.model_json_schema()

    # format="json" and generate take the same.
    reply = ollama.chat("llama3.2", messages=[{"role": "user", "content": "hi"}], format="json")
    assert reply.message.content == '{"response":"You said: hi"}'
    generated = ollama.generate("llama3.2", FRIENDS_PROMPT, format=FriendList.model_json_schema())
    assert FriendList.model_validate_json(generated.response) == FRIENDS


def test_async_structured_output(ollama: Any) -> None:
    async def main() -> FriendList:
        client = ollama.AsyncClient()
        response = await client.chat(
            model="llama3.2",
            messages=[{"role": "user", "content": FRIENDS_PROMPT}],
            format=FriendList.model_json_schema(),
            options={"temperature": 0},
        )
        await client.close()
        return FriendList.model_validate_json(response.message.content)

    assert asyncio.run(main()) == FRIENDS


class Object(BaseModel):
    name: str
    confidence: float
    attributes: str


class ImageDescription(BaseModel):
    summary: str
    objects: list[Object]
    scene: str
    colors: list[str]
    time_of_day: Literal["Morning", "Afternoon", "Evening", "Night"]
    setting: Literal["Indoor", "Outdoor", "Unknown"]
    text_content: str | None = None


def test_structured_output_from_an_image(
    ollama: Any, ollama_server: OllamaTestServer, tmp_path: Path
) -> None:
    path = tmp_path / "picture.png"
    path.write_bytes(PNG)
    response = ollama.chat(
        model="llava",
        format=ImageDescription.model_json_schema(),
        messages=[
            {"role": "user", "content": "Describe this image as JSON. setting=Outdoor", "images": [path]}
        ],
        options={"temperature": 0},
    )
    image_analysis = ImageDescription.model_validate_json(response.message.content)
    assert image_analysis.objects == [
        Object(name="setting=Outdoor", confidence=1.5, attributes="setting=Outdoor")
    ]
    assert (image_analysis.time_of_day, image_analysis.setting) == ("Morning", "Outdoor")
    assert ollama_server.requests[-1].json["messages"][0]["images"] == [B64]


@pytest.mark.parametrize(
    "form", ["path string", "Path", "bytes", "base64 string", "Image(bytes)", "Image(path)", "Image(base64)"]
)
def test_images(ollama: Any, ollama_server: OllamaTestServer, tmp_path: Path, form: str) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(PNG)
    image = {
        "path string": str(path),
        "Path": path,
        "bytes": path.read_bytes(),
        "base64 string": base64.b64encode(path.read_bytes()).decode(),
        "Image(bytes)": ollama.Image(value=PNG),
        "Image(path)": ollama.Image(value=str(path)),
        "Image(base64)": ollama.Image(value=B64),
    }[form]
    response = ollama.chat(
        model="llava",
        messages=[{"role": "user", "content": "What is in this image? Be concise.", "images": [image]}],
    )
    assert response.message.content == "You said: What is in this image? Be concise. [1 image(s)]"
    assert ollama_server.requests[-1].json["messages"][0]["images"] == [B64]

    parts = [
        r["response"] for r in ollama.generate("llava", "explain this comic:", images=[image], stream=True)
    ]
    assert "".join(parts) == "You said: explain this comic: [1 image(s)]"
    assert ollama_server.requests[-1].json["images"] == [B64]


def test_thinking(ollama: Any) -> None:
    messages = [{"role": "user", "content": "What is 10 + 23?"}]
    response = ollama.chat("qwen3", messages=messages, think=True)
    assert response.message.thinking == "Thinking about: What is 10 + 23?"
    assert response.message.content == "You said: What is 10 + 23?"

    generated = ollama.generate("qwen3", "why is the sky blue", think=True)
    assert generated.thinking == "Thinking about: why is the sky blue"
    assert generated.response == "You said: why is the sky blue"

    for level in ["low", "medium", "high"]:
        response = ollama.chat("qwen3", messages=messages, think=level)
        assert response.message.thinking == f"Thinking ({level}) about: What is 10 + 23?"

    thinking, content = "", ""
    for chunk in ollama.chat("qwen3", messages=messages, think=True, stream=True):
        thinking += chunk.message.thinking or ""
        content += chunk["message"]["content"]
    assert (thinking, content) == ("Thinking about: What is 10 + 23?", "You said: What is 10 + 23?")

    unthinking = ollama.chat("qwen3", messages=messages, think=False)
    assert unthinking.message.thinking is None and "thinking" not in unthinking.message

    with pytest.raises(ollama.ResponseError) as info:
        ollama.chat("llama3.2", messages=messages, think=True)
    assert info.value.status_code == 400 and info.value.error == '"llama3.2" does not support thinking'


def read_logprobs(logprobs: Any) -> list[tuple[str, float, list[tuple[str, float]]]]:
    # As the official chat-logprobs.py example reads them.
    entries = []
    for entry in logprobs:
        token = entry.get("token", "")
        logprob = entry.get("logprob")
        alternatives = [(alt["token"], alt["logprob"]) for alt in entry.get("top_logprobs", [])]
        entries.append((token, logprob, alternatives))
    return entries


def test_logprobs(ollama: Any) -> None:
    messages = [{"role": "user", "content": "hi! be concise."}]
    response = ollama.chat(model="llama3.2", messages=messages, logprobs=True, top_logprobs=3)
    assert response["message"]["content"] == "You said: hi! be concise."
    # logprob = -len(token bytes) / 100; the alternatives are the token, then alt1, alt2 at -1, -2.
    entries = read_logprobs(response.get("logprobs", []))
    assert [token for token, _, _ in entries] == ["You", " said:", " hi!", " be", " concise."]
    assert entries[1] == (" said:", -0.06, [(" said:", -0.06), ("alt1", -1.06), ("alt2", -2.06)])

    generated = ollama.generate(model="llama3.2", prompt="hi! be concise.", logprobs=True, top_logprobs=3)
    assert read_logprobs(generated.get("logprobs", [])) == entries

    plain = ollama.chat(model="llama3.2", messages=messages)
    assert plain.get("logprobs") is None and plain.logprobs is None


def test_embeddings(ollama: Any) -> None:
    response = ollama.embed(model="all-minilm", input="Hello, world!")
    assert isinstance(response, ollama.EmbedResponse)
    (vector,) = response["embeddings"]
    assert len(vector) == 384 and math.isclose(math.fsum(x * x for x in vector), 1.0, rel_tol=1e-5)
    assert response.model == "all-minilm"

    batch = ollama.embed(
        model="all-minilm",
        input=[
            "The sky is blue because of rayleigh scattering",
            "Grass is green because of chlorophyll",
            "Hello, world!",
        ],
    )
    assert len(batch.embeddings) == 3 and batch.embeddings[2] == vector and batch.embeddings[0] != vector

    legacy = ollama.embeddings(model="all-minilm", prompt="Hello, world!")
    assert isinstance(legacy, ollama.EmbeddingsResponse)
    assert len(legacy["embedding"]) == 384 and legacy.embedding != vector  # not normalised

    with pytest.raises(ollama.ResponseError) as info:
        ollama.embed(model="llama3.2-missing", input="x")
    assert info.value.status_code == 404
