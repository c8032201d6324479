// Drives the gateway's OpenAI-compatible routes with the official openai SDK, unmodified, as an application would.
// Usage: GATEWAY_BASE_URL=http://127.0.0.1:8080/openai/v1 node openai-sdk.test.mjs   (exits non-zero on failure)
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';

const baseURL = process.env.GATEWAY_BASE_URL ?? 'http://127.0.0.1:8080/openai/v1';
// Any key works when the gateway has no API keys configured; the SDK sends it as "Authorization: Bearer ...".
// Retries off so that a failure shows at once; everything else is the SDK's default.
const client = new OpenAI({ baseURL, apiKey: process.env.GATEWAY_API_KEY ?? 'not-needed', maxRetries: 0, timeout: 30_000 });

const checks = [];
const check = (name, run) => checks.push({ name, run });

check('chat completion with a system message', async () => {
  const completion = await client.chat.completions.create({
    model: 'claude-haiku-4-5',
    messages: [
      { role: 'system', content: 'Answer in one sentence.' },
      { role: 'user', content: 'What is a foundation model?' },
    ],
    max_tokens: 80,
    temperature: 0.3,
  });
  assert.equal(completion.object, 'chat.completion');
  assert.equal(completion.choices[0].message.role, 'assistant');
  assert.ok(completion.choices[0].message.content.length > 0);
  assert.ok(['stop', 'length'].includes(completion.choices[0].finish_reason));
  assert.equal(completion.usage.total_tokens, completion.usage.prompt_tokens + completion.usage.completion_tokens);
});

check('streaming chat with usage in the last chunk', async () => {
  const stream = await client.chat.completions.create({
    model: 'claude-sonnet-4-5',
    messages: [{ role: 'user', content: 'Tell me about lighthouses' }],
    max_tokens: 60,
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let chunks = 0;
  let finish = null;
  let usage = null;
  for await (const chunk of stream) {
    chunks++;
    text += chunk.choices[0]?.delta?.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
    usage = chunk.usage ?? usage;
  }
  assert.ok(chunks > 3, `expected several chunks, got ${chunks}`);
  assert.ok(text.length > 0);
  assert.ok(['stop', 'length'].includes(finish));
  assert.ok(usage.completion_tokens > 0);
});

check('embeddings with the SDK defaults (it asks for base64 and decodes it)', async () => {
  const defaults = await client.embeddings.create({ model: 'titan-embed-text-v2', input: ['red apples', 'green pears'] });
  assert.equal(defaults.data.length, 2);
  const vector = defaults.data[0].embedding;
  assert.ok(Array.isArray(vector) && vector.length > 0 && vector.every((v) => typeof v === 'number' && Number.isFinite(v)));
  const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
  assert.ok(Math.abs(norm - 1) < 1e-3, `unit vector expected, norm ${norm}`);

  const floats = await client.embeddings.create({ model: 'titan-embed-text-v2', input: 'red apples', encoding_format: 'float', dimensions: 256 });
  const small = await client.embeddings.create({ model: 'titan-embed-text-v2', input: 'red apples', dimensions: 256 });
  assert.equal(floats.data[0].embedding.length, 256);
  assert.deepEqual(small.data[0].embedding, floats.data[0].embedding.map((v) => Math.fround(v)));
  assert.ok(defaults.usage.prompt_tokens > 0);
});

check('image generation as b64_json', async () => {
  const images = await client.images.generate({ model: 'titan-image-v1', prompt: 'a lighthouse at dusk', size: '512x512', n: 1, response_format: 'b64_json' });
  assert.equal(images.data.length, 1);
  const png = Buffer.from(images.data[0].b64_json, 'base64');
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  assert.equal(png.readUInt32BE(16), 512, 'PNG width');
});

check('models list', async () => {
  const ids = [];
  for await (const model of client.models.list()) {
    ids.push(model.id);
  }
  assert.ok(ids.includes('claude-haiku-4-5'));
});

check('errors surface as the SDK\'s typed errors', async () => {
  await assert.rejects(
    client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }),
    (err) => err instanceof OpenAI.NotFoundError && err.status === 404 && err.code === 'model_not_found' && err.param === 'model',
  );
  await assert.rejects(
    client.chat.completions.create({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: 'hi' }, { role: 'tool', tool_call_id: 'call_nobody_made', content: '42' }],
    }),
    (err) => err instanceof OpenAI.BadRequestError && err.param === 'messages' && /call_nobody_made/.test(err.message),
  );
  await assert.rejects(
    client.chat.completions.create({
      model: 'claude-haiku-4-5',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'http://169.254.169.254/latest/meta-data' } }] }],
    }),
    (err) => err instanceof OpenAI.BadRequestError && /does not fetch images from '169.254.169.254'/.test(err.message),
  );
  await assert.rejects(
    client.images.generate({ model: 'titan-image-v1', prompt: 'x', response_format: 'url' }),
    (err) => err instanceof OpenAI.BadRequestError && err.param === 'response_format',
  );
});

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Current weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

check('tool loop: tool call, tool result, final answer', async () => {
  const messages = [{ role: 'user', content: 'Use get_weather to tell me the weather in Hanoi' }];
  const first = await client.chat.completions.create({ model: 'claude-haiku-4-5', messages, tools: [weatherTool], tool_choice: 'auto' });
  assert.equal(first.choices[0].finish_reason, 'tool_calls');
  const call = first.choices[0].message.tool_calls[0];
  assert.equal(call.type, 'function');
  assert.equal(call.function.name, 'get_weather');
  assert.equal(typeof JSON.parse(call.function.arguments).city, 'string');
  messages.push(first.choices[0].message);
  messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify({ temperature: 31, sky: 'sunny' }) });
  const second = await client.chat.completions.create({ model: 'claude-haiku-4-5', messages, tools: [weatherTool] });
  assert.equal(second.choices[0].finish_reason, 'stop');
  assert.ok(second.choices[0].message.content.length > 0);
  assert.equal(second.choices[0].message.tool_calls, undefined);
});

check('streamed tool call reassembled by the SDK', async () => {
  const stream = client.chat.completions.stream({
    model: 'claude-haiku-4-5',
    messages: [{ role: 'user', content: 'What does get_weather say for Da Nang?' }],
    tools: [weatherTool],
    tool_choice: { type: 'function', function: { name: 'get_weather' } },
    stream_options: { include_usage: true },
  });
  const completion = await stream.finalChatCompletion();
  const call = completion.choices[0].message.tool_calls[0];
  assert.equal(completion.choices[0].finish_reason, 'tool_calls');
  assert.equal(call.function.name, 'get_weather');
  assert.ok(call.id.length > 0);
  assert.equal(typeof JSON.parse(call.function.arguments).city, 'string');
  assert.ok(completion.usage.completion_tokens > 0);
});

check('json_schema output parsed by the SDK helper (zodResponseFormat)', async () => {
  const City = z.object({ name: z.string(), country: z.string(), population: z.number() });
  const completion = await client.chat.completions.parse({
    model: 'claude-haiku-4-5',
    messages: [{ role: 'user', content: 'Describe Hanoi' }],
    response_format: zodResponseFormat(City, 'city'),
  });
  const city = completion.choices[0].message.parsed;
  assert.equal(typeof city.name, 'string');
  assert.equal(typeof city.country, 'string');
  assert.equal(typeof city.population, 'number');
  assert.deepEqual(JSON.parse(completion.choices[0].message.content), city);
});

check('image question with a data URL', async () => {
  // A 1x1 PNG.
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const completion = await client.chat.completions.create({
    model: 'claude-haiku-4-5',
    messages: [{ role: 'user', content: [
      { type: 'text', text: 'What is in this picture?' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
    ] }],
    max_tokens: 50,
  });
  assert.ok(completion.choices[0].message.content.length > 0);
  assert.ok(completion.usage.prompt_tokens > 0);
  assert.equal(typeof completion.usage.prompt_tokens_details.cached_tokens, 'number');
  assert.equal(typeof completion.usage.completion_tokens_details.reasoning_tokens, 'number');
});

check('responses.create plain', async () => {
  const response = await client.responses.create({ model: 'claude-haiku-4-5', instructions: 'Answer briefly.', input: 'What is a lighthouse?', max_output_tokens: 80 });
  assert.equal(response.object, 'response');
  assert.equal(response.status, 'completed');
  assert.ok(response.output_text.length > 0, 'the SDK assembles output_text');
  assert.ok(response.usage.output_tokens > 0);
  assert.equal(typeof response.usage.input_tokens_details.cached_tokens, 'number');
});

check('responses.create with a function tool, then its output', async () => {
  const tools = [{ type: 'function', name: 'get_weather', description: 'Current weather in a city', strict: true,
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } }];
  const input = [{ role: 'user', content: 'Use get_weather for Hanoi' }];
  const first = await client.responses.create({ model: 'claude-haiku-4-5', input, tools });
  const call = first.output.find((item) => item.type === 'function_call');
  assert.equal(call.name, 'get_weather');
  assert.equal(typeof JSON.parse(call.arguments).city, 'string');
  input.push(...first.output, { type: 'function_call_output', call_id: call.call_id, output: '{"temperature":31}' });
  const second = await client.responses.create({ model: 'claude-haiku-4-5', input, tools });
  assert.ok(second.output_text.length > 0);
  assert.equal(second.output.some((item) => item.type === 'function_call'), false);
});

check('responses.create continued with previous_response_id and only the function_call_output', async () => {
  const tools = [{ type: 'function', name: 'get_weather', description: 'Current weather in a city', strict: true,
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } }];
  const first = await client.responses.create({ model: 'claude-haiku-4-5', input: 'Use get_weather for Hue', tools });
  const call = first.output.find((item) => item.type === 'function_call');
  assert.equal(call.name, 'get_weather');
  const second = await client.responses.create({
    model: 'claude-haiku-4-5',
    previous_response_id: first.id,
    input: [{ type: 'function_call_output', call_id: call.call_id, output: '{"temperature":29}' }],
    tools,
  });
  assert.equal(second.previous_response_id, first.id);
  assert.ok(second.output_text.length > 0);
  await assert.rejects(
    client.responses.create({ model: 'claude-haiku-4-5', previous_response_id: 'resp_0123456789abcdef0123456789abcdef', input: 'and then?' }),
    (err) => err instanceof OpenAI.BadRequestError && err.code === 'previous_response_not_found' && err.param === 'previous_response_id',
  );
});

check('responses.create streamed', async () => {
  const stream = await client.responses.create({ model: 'claude-haiku-4-5', input: 'Tell me about lighthouses', max_output_tokens: 60, stream: true });
  let text = '';
  let completed = null;
  for await (const event of stream) {
    if (event.type === 'response.output_text.delta') text += event.delta;
    if (event.type === 'response.completed') completed = event.response;
  }
  assert.ok(text.length > 0);
  assert.equal(completed.output[0].content[0].text, text);
});

let failed = 0;
for (const { name, run } of checks) {
  const started = Date.now();
  try {
    await run();
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}: ${err?.stack ?? err}`);
  }
}
console.log(`${checks.length - failed}/${checks.length} checks passed against ${baseURL}`);
process.exit(failed === 0 ? 0 : 1);
