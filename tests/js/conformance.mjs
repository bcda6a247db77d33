// The official JavaScript client (npm's `ollama`) against ollixir's test server.
//
//   node tests/js/conformance.mjs <server URL> <server version>
//
// Run by tests/test_ollama_js.py, which starts the server. Every check throws on a mismatch; the
// script prints one JSON line {"passed": [...]} naming the checks that ran, and exits 1 on the first
// failure, so the Python side can tell a failure from a check that never ran.
import assert from "node:assert/strict";
import { Ollama } from "ollama";

const [url, serverVersion] = process.argv.slice(2);
const ollama = new Ollama({ host: url });
const passed = [];

async function check(name, body) {
  try {
    await body();
  } catch (error) {
    console.error(`check ${name} failed:`, error);
    process.exit(1);
  }
  passed.push(name);
}

async function collect(iterator) {
  const parts = [];
  for await (const part of iterator) parts.push(part);
  return parts;
}

async function rejectsWith(promise, status, message) {
  try {
    await promise;
  } catch (error) {
    // The client does not export ResponseError; its name and fields are its contract.
    assert.equal(error.name, "ResponseError");
    assert.equal(error.status_code, status);
    assert.equal(error.error, message);
    return;
  }
  assert.fail(`expected a ResponseError ${status}`);
}

const user = (content) => [{ role: "user", content }];

await check("version", async () => {
  assert.deepEqual(await ollama.version(), { version: serverVersion });
});

await check("list", async () => {
  const { models } = await ollama.list();
  const names = models.map((m) => m.name);
  assert.ok(names.includes("llama3.2:latest") && names.includes("all-minilm:latest"), names.join());
  const llama = models.find((m) => m.name === "llama3.2:latest");
  assert.equal(llama.details.family, "llama");
  assert.ok(llama.size > 0 && llama.digest.length === 64);
  assert.ok(!Number.isNaN(Date.parse(llama.modified_at)));
});

await check("chat", async () => {
  const answer = await ollama.chat({ model: "llama3.2", messages: user("hello there") });
  assert.equal(answer.message.role, "assistant");
  assert.equal(answer.message.content, "You said: hello there");
  assert.equal(answer.done, true);
  assert.equal(answer.done_reason, "stop");
  assert.ok(answer.eval_count === 4 && answer.prompt_eval_count === 2);
});

await check("chat-stream", async () => {
  const parts = await collect(await ollama.chat({ model: "qwen3", messages: user("why"), stream: true }));
  assert.equal(parts.map((p) => p.message.thinking ?? "").join(""), "Thinking about: why");
  assert.equal(parts.map((p) => p.message.content).join(""), "You said: why");
  assert.equal(parts.length, 3 + 3 + 1);
  assert.ok(parts.slice(0, -1).every((p) => p.done === false));
  assert.equal(parts.at(-1).done, true);
});

await check("chat-tools", async () => {
  const tools = [
    {
      type: "function",
      function: {
        name: "get_weather",
        parameters: { type: "object", required: ["city"], properties: { city: { type: "string" } } },
      },
    },
  ];
  const answer = await ollama.chat({ model: "llama3.2", messages: user("get_weather city=Paris"), tools });
  assert.deepEqual(
    answer.message.tool_calls.map((c) => [c.function.name, c.function.arguments]),
    [["get_weather", { city: "Paris" }]],
  );
});

await check("generate", async () => {
  const answer = await ollama.generate({ model: "llama3.2", prompt: "Why is the sky blue?", options: { num_predict: 3 } });
  assert.equal(answer.response, "You said: Why");
  assert.equal(answer.done_reason, "length");
  assert.ok(Array.isArray(answer.context) && answer.context.length === 5 + 3);
});

await check("generate-stream", async () => {
  const parts = await collect(await ollama.generate({ model: "codellama:code", prompt: "def f(", suffix: "pass", stream: true }));
  assert.equal(parts.map((p) => p.response).join(""), "You said: def f( [suffix: pass]");
  assert.equal(parts.at(-1).done, true);
});

await check("embed", async () => {
  const answer = await ollama.embed({ model: "all-minilm", input: ["first", "second"] });
  assert.equal(answer.embeddings.length, 2);
  for (const vector of answer.embeddings) {
    assert.equal(vector.length, 384);
    const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
    assert.ok(Math.abs(norm - 1) < 1e-5, String(norm));
  }
  assert.notDeepEqual(answer.embeddings[0], answer.embeddings[1]);
  const legacy = await ollama.embeddings({ model: "all-minilm", prompt: "first" });
  assert.equal(legacy.embedding.length, 384);
});

await check("show", async () => {
  const info = await ollama.show({ model: "qwen3" });
  assert.deepEqual(info.capabilities, ["completion", "tools", "thinking"]);
  assert.equal(info.details.family, "qwen3");
  assert.ok(info.template.includes("<|im_start|>"));
  assert.ok(info.parameters.includes("temperature"));
});

await check("pull-progress", async () => {
  const parts = await collect(await ollama.pull({ model: "tinyllama", stream: true }));
  const statuses = parts.map((p) => p.status);
  assert.equal(statuses[0], "pulling manifest");
  assert.equal(statuses.at(-1), "success");
  const layers = parts.filter((p) => p.digest);
  assert.ok(layers.length >= 3);
  assert.ok(layers.every((p) => p.total > 0 && (p.completed ?? 0) <= p.total));
  assert.ok(layers.some((p) => p.completed === p.total));
  const pulled = await ollama.pull({ model: "tinyllama" });
  assert.equal(pulled.status, "success");
  // An error line inside a 200 stream surfaces as a plain Error carrying the server's message.
  await assert.rejects(collect(await ollama.pull({ model: "no-such-model", stream: true })), {
    name: "Error",
    message: "pull model manifest: file does not exist",
  });
});

await check("create", async () => {
  const parts = await collect(await ollama.create({ model: "js-made", from: "llama3.2", system: "Be brief.", stream: true }));
  assert.equal(parts.at(-1).status, "success");
  assert.ok(parts.some((p) => p.status === "writing manifest"));
  const made = await ollama.show({ model: "js-made" });
  assert.equal(made.system, "Be brief.");
  const answer = await ollama.create({ model: "js-made-2", from: "js-made" });
  assert.equal(answer.status, "success");
});

await check("copy-delete", async () => {
  assert.deepEqual(await ollama.copy({ source: "js-made", destination: "js-copy" }), { status: "success" });
  assert.ok((await ollama.list()).models.some((m) => m.name === "js-copy:latest"));
  assert.deepEqual(await ollama.delete({ model: "js-copy" }), { status: "success" });
  assert.ok(!(await ollama.list()).models.some((m) => m.name === "js-copy:latest"));
  await rejectsWith(ollama.delete({ model: "js-copy" }), 404, "model 'js-copy' not found");
  await rejectsWith(ollama.copy({ source: "missing", destination: "x" }), 404, 'model "missing" not found');
});

await check("push-progress", async () => {
  await ollama.copy({ source: "js-made", destination: "test/js-pushed" });
  const parts = await collect(await ollama.push({ model: "test/js-pushed", stream: true }));
  assert.equal(parts[0].status, "retrieving manifest");
  assert.equal(parts.at(-1).status, "success");
});

await check("ps", async () => {
  const { models } = await ollama.ps();
  const names = models.map((m) => m.name);
  assert.ok(names.includes("llama3.2:latest") && names.includes("qwen3:latest"), names.join());
  assert.ok(models.every((m) => !Number.isNaN(Date.parse(m.expires_at)) && m.size_vram > 0));
});

await check("unknown-model", async () => {
  await rejectsWith(ollama.chat({ model: "nope", messages: user("x") }), 404, "model 'nope' not found");
  await rejectsWith(ollama.generate({ model: "nope", prompt: "x", stream: true }), 404, "model 'nope' not found");
  await rejectsWith(ollama.show({ model: "nope" }), 404, "model 'nope:latest' not found");
  await rejectsWith(ollama.embed({ model: "", input: 1 }), 404, "model '' not found");
});

await check("lone-surrogate", async () => {
  // JSON.stringify writes a lone surrogate as the escape \ud83d; Go decodes it to U+FFFD.
  const prompt = "a\ud83d b \udc00";
  const answer = await ollama.generate({ model: "llama3.2", prompt });
  assert.equal(answer.response, "You said: a\ufffd b \ufffd");
  const parts = await collect(await ollama.chat({ model: "qwen3", messages: user(prompt), stream: true }));
  assert.equal(parts.map((p) => p.message.content).join(""), "You said: a\ufffd b \ufffd");
  assert.equal(parts.at(-1).done, true);
  const [left] = (await ollama.embed({ model: "all-minilm", input: "a\ud83d" })).embeddings;
  const [right] = (await ollama.embed({ model: "all-minilm", input: "a\ufffd" })).embeddings;
  assert.deepEqual(left, right);
});

await check("abort-stream", async () => {
  // The server must notice the client leaving: tests/test_ollama_js.py reads its request log.
  const stream = await ollama.generate({ model: "qwen3", prompt: "word ".repeat(200000), stream: true });
  let seen = 0;
  try {
    for await (const part of stream) {
      assert.equal(part.done, false);
      if (++seen === 3) stream.abort();
    }
    assert.fail("the aborted stream went on");
  } catch (error) {
    assert.equal(error.name, "AbortError");
  }
  assert.ok(seen >= 3 && seen < 1000, String(seen)); // lines already received are still handed out
});

console.log(JSON.stringify({ passed }));
