// Drives the gateway's Anthropic Messages surface with the official @anthropic-ai/sdk (run by AnthropicSdkTests):
// plain message, the SDK's stream helper reassembling the final message, a whole tool-use loop (plain and streamed),
// count_tokens, the models list, and the SDK's typed errors. GATEWAY_BASE_URL is the surface's base (…/anthropic).
import assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';

const baseURL = process.env.GATEWAY_BASE_URL;
const client = new Anthropic({ baseURL, apiKey: process.env.GATEWAY_API_KEY ?? 'open-gateway-no-key-needed', maxRetries: 0 });
const model = 'claude-sonnet-4-5-20250929';

const weather = {
  name: 'get_weather',
  description: 'Current weather in a city',
  input_schema: {
    type: 'object',
    properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
    required: ['city', 'unit'],
  },
};

const checks = [
  ['plain message', async () => {
    const message = await client.messages.create({
      model, max_tokens: 128, system: 'Be brief.', messages: [{ role: 'user', content: 'Name three colours' }],
    });
    assert.equal(message.type, 'message');
    assert.equal(message.model, model);
    assert.equal(message.stop_reason, 'end_turn');
    assert.equal(message.content[0].type, 'text');
    assert.ok(message.content[0].text.length > 0);
    assert.ok(message.usage.input_tokens > 0 && message.usage.output_tokens > 0);
  }],
  ['stream helper reassembles the final message', async () => {
    const stream = client.messages.stream({
      model, max_tokens: 128, messages: [{ role: 'user', content: 'Tell me about rivers' }],
    });
    let text = '';
    stream.on('text', (delta) => { text += delta; });
    const message = await stream.finalMessage();
    assert.equal(message.content[0].type, 'text');
    assert.equal(message.content[0].text, text);
    assert.ok(text.length > 0);
    assert.equal(message.stop_reason, 'end_turn');
    assert.ok(message.usage.output_tokens > 0);
  }],
  ['tool-use loop', async () => {
    const messages = [{ role: 'user', content: 'Use get_weather for Hanoi' }];
    const first = await client.messages.create({ model, max_tokens: 256, tools: [weather], messages });
    assert.equal(first.stop_reason, 'tool_use');
    const use = first.content.find((block) => block.type === 'tool_use');
    assert.equal(use.name, 'get_weather');
    assert.equal(typeof use.input.city, 'string');
    assert.ok(['celsius', 'fahrenheit'].includes(use.input.unit));
    messages.push({ role: 'assistant', content: first.content });
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: '31 degrees, sunny' }] });
    const second = await client.messages.create({ model, max_tokens: 256, tools: [weather], messages });
    assert.equal(second.stop_reason, 'end_turn');
    assert.equal(second.content[0].type, 'text');
  }],
  ['streamed tool use', async () => {
    const stream = client.messages.stream({
      model, max_tokens: 256, tools: [weather], tool_choice: { type: 'tool', name: 'get_weather' },
      messages: [{ role: 'user', content: 'What should I wear today?' }],
    });
    const message = await stream.finalMessage();
    assert.equal(message.stop_reason, 'tool_use');
    const use = message.content[0];
    assert.equal(use.type, 'tool_use');
    assert.equal(use.input.unit, 'celsius');
  }],
  ['count_tokens and models', async () => {
    const count = await client.messages.countTokens({ model, messages: [{ role: 'user', content: 'Hello there' }] });
    assert.ok(count.input_tokens > 0);
    const ids = [];
    for await (const info of client.models.list({ limit: 2 })) {
      ids.push(info.id);
    }
    assert.ok(ids.length > 2, `paged through ${ids.length} models`);
    assert.ok(ids.every((id) => id.startsWith('claude')));
    const one = await client.models.retrieve('claude-opus-4-1');
    assert.equal(one.type, 'model');
  }],
  ['typed errors', async () => {
    await assert.rejects(
      client.messages.create({ model: 'gpt-4o', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }),
      (err) => err instanceof Anthropic.NotFoundError && err.error?.error?.type === 'not_found_error'
        && typeof err.requestID === 'string' && err.requestID.length > 0,
    );
    await assert.rejects(
      client.messages.create({ model, messages: [{ role: 'user', content: 'hi' }] }),
      (err) => err instanceof Anthropic.BadRequestError && /max_tokens/.test(err.message),
    );
  }],
];

let passed = 0;
for (const [name, check] of checks) {
  try {
    await check();
    passed++;
    console.log(`ok   ${name}`);
  } catch (err) {
    console.log(`FAIL ${name}: ${err?.stack ?? err}`);
  }
}
console.log(`${passed}/${checks.length} checks passed`);
process.exit(passed === checks.length ? 0 : 1);
