// Drives the gateway's OpenAI Responses route with the Vercel AI SDK (ai + @ai-sdk/openai), unmodified, as an
// application would: a plain openai(model) talks to /responses.
// Usage: GATEWAY_BASE_URL=http://127.0.0.1:8080/openai/v1 node ai-sdk.test.mjs   (exits non-zero on failure)
import assert from 'node:assert/strict';
import { createOpenAI } from '@ai-sdk/openai';
import { generateObject, generateText, Output, stepCountIs, streamText, tool } from 'ai';
import { z } from 'zod';

const baseURL = process.env.GATEWAY_BASE_URL ?? 'http://127.0.0.1:8080/openai/v1';
// Any key works when the gateway has no API keys configured; the provider sends it as "Authorization: Bearer ...".
const openai = createOpenAI({ baseURL, apiKey: process.env.GATEWAY_API_KEY ?? 'not-needed' });
const model = openai('claude-haiku-4-5');

const checks = [];
const check = (name, run) => checks.push({ name, run });

const calls = [];
const weather = tool({
  description: 'Current weather in a city',
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    calls.push(city);
    return { city, temperature: 31, sky: 'sunny' };
  },
});

check('generateText with openai(model) (the Responses API)', async () => {
  const result = await generateText({ model, system: 'Answer briefly.', prompt: 'What is a lighthouse?', maxOutputTokens: 80, maxRetries: 0 });
  assert.ok(result.text.length > 0);
  assert.ok(['stop', 'length'].includes(result.finishReason), result.finishReason);
  assert.ok(result.usage.outputTokens > 0);
  assert.match(result.response.id, /^resp_/);
});

check('generateText with a tool: tool call, tool result, final answer', async () => {
  calls.length = 0;
  const result = await generateText({ model, tools: { get_weather: weather }, stopWhen: stepCountIs(3), maxRetries: 0,
    prompt: 'Use get_weather to tell me the weather in Hanoi' });
  assert.ok(result.steps.length >= 2, `expected at least two steps, got ${result.steps.length}`);
  assert.equal(result.steps[0].finishReason, 'tool-calls');
  assert.equal(result.steps[0].toolCalls[0].toolName, 'get_weather');
  assert.equal(result.steps[0].toolResults[0].output.temperature, 31);
  assert.equal(calls.length, 1);
  assert.equal(result.finishReason, 'stop');
  assert.ok(result.text.length > 0);
});

check('a conversation continued with response.messages (the SDK refers to the stored answer by item_reference)', async () => {
  const question = [{ role: 'user', content: 'What is a lighthouse?' }];
  const first = await generateText({ model, messages: question, maxOutputTokens: 60, maxRetries: 0 });
  const answer = first.response.messages.find((message) => message.role === 'assistant');
  assert.match(answer.content[0].providerOptions.openai.itemId, /^msg_/);
  const second = await generateText({ model, maxOutputTokens: 60, maxRetries: 0,
    messages: [...question, ...first.response.messages, { role: 'user', content: 'And a harbour?' }] });
  assert.ok(second.text.length > 0);
  assert.equal(second.finishReason, 'stop');
});

const City = z.object({ name: z.string(), country: z.string(), population: z.number() });

check('generateText with Output.object and a zod schema', async () => {
  const result = await generateText({ model, output: Output.object({ schema: City }), prompt: 'Describe Hanoi', maxRetries: 0 });
  const city = result.output;
  assert.equal(typeof city.name, 'string');
  assert.equal(typeof city.country, 'string');
  assert.equal(typeof city.population, 'number');
});

check('generateObject with a zod schema', async () => {
  const { object } = await generateObject({ model, schema: City, prompt: 'Describe Da Nang', maxRetries: 0 });
  assert.equal(typeof object.name, 'string');
  assert.equal(typeof object.population, 'number');
});

check('streamText with a tool call, streamed over several steps', async () => {
  calls.length = 0;
  const result = streamText({ model, tools: { get_weather: weather }, stopWhen: stepCountIs(3), maxRetries: 0,
    prompt: 'What does get_weather say for Da Nang?' });
  const seen = new Set();
  let text = '';
  for await (const part of result.fullStream) {
    seen.add(part.type);
    if (part.type === 'text-delta') text += part.text;
    if (part.type === 'error') throw part.error;
  }
  for (const type of ['tool-input-start', 'tool-input-delta', 'tool-call', 'tool-result', 'text-delta', 'finish']) {
    assert.ok(seen.has(type), `a ${type} part (saw ${[...seen].join(', ')})`);
  }
  assert.equal(calls.length, 1);
  assert.equal(typeof calls[0], 'string');
  assert.ok(text.length > 0);
  assert.equal(await result.text, (await result.steps).at(-1).text);
  assert.ok((await result.steps).length >= 2);
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
    if (err?.responseBody) console.log(`     response body: ${err.responseBody}`);
  }
}
console.log(`${checks.length - failed}/${checks.length} checks passed against ${baseURL}`);
process.exit(failed === 0 ? 0 : 1);
