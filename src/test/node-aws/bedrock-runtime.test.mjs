// Drives the gateway's native Bedrock Runtime routes with the AWS SDK for JavaScript v3, unmodified, as an
// application would: its default request handler (HTTP/2; h2c with prior knowledge to an http:// endpoint) and
// its own authentication, SigV4 with gateway-issued credentials (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) or a
// gateway key as Bedrock API key (AWS_BEARER_TOKEN_BEDROCK), both read from the environment by the SDK.
// Usage: GATEWAY_URL=http://127.0.0.1:8080 AWS_BEARER_TOKEN_BEDROCK=<key> node bedrock-runtime.test.mjs
import assert from 'node:assert/strict';
import {
  BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, InvokeModelCommand,
  InvokeModelWithResponseStreamCommand, ResourceNotFoundException,
} from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ endpoint: process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080',
  region: 'us-east-1', maxAttempts: 1 });
const modelId = 'us.anthropic.claude-haiku-4-5-20251001-v1:0';
const body = JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 40,
  messages: [{ role: 'user', content: 'Name a lighthouse' }] });
let passed = 0;
const checks = [];
const check = (name, fn) => checks.push([name, fn]);

check('the default request handler speaks HTTP/2', async () => {
  const handler = client.config.requestHandler;
  assert.equal((handler.constructor?.name ?? '').replace(/^_/, ''), 'NodeHttp2Handler');
});

check('InvokeModel', async () => {
  const reply = await client.send(new InvokeModelCommand({ modelId, body, contentType: 'application/json' }));
  const answer = JSON.parse(new TextDecoder().decode(reply.body));
  assert.equal(reply.$metadata.httpStatusCode, 200);
  assert.ok(answer.content[0].text.length > 0, 'text in the answer');
  assert.ok(answer.usage.output_tokens > 0, 'usage in the answer');
});

check('InvokeModelWithResponseStream', async () => {
  const reply = await client.send(new InvokeModelWithResponseStreamCommand({ modelId, body,
    contentType: 'application/json' }));
  const events = [];
  for await (const event of reply.body) {
    if (event.chunk) events.push(JSON.parse(new TextDecoder().decode(event.chunk.bytes)));
  }
  assert.equal(events[0].type, 'message_start');
  assert.equal(events.at(-1).type, 'message_stop');
  assert.ok(events.at(-1)['amazon-bedrock-invocationMetrics'].outputTokenCount > 0);
});

const conversation = { modelId, messages: [{ role: 'user', content: [{ text: 'Name a lighthouse' }] }],
  inferenceConfig: { maxTokens: 40 } };

check('Converse', async () => {
  const reply = await client.send(new ConverseCommand(conversation));
  assert.equal(reply.$metadata.httpStatusCode, 200);
  assert.ok(reply.output.message.content[0].text.length > 0, 'text in the answer');
  assert.ok(reply.usage.inputTokens > 0 && reply.usage.outputTokens > 0, 'usage in the answer');
});

check('ConverseStream', async () => {
  const reply = await client.send(new ConverseStreamCommand(conversation));
  let text = '';
  let usage;
  const kinds = [];
  for await (const event of reply.stream) {
    kinds.push(Object.keys(event)[0]);
    if (event.contentBlockDelta) text += event.contentBlockDelta.delta.text;
    if (event.metadata) usage = event.metadata.usage;
  }
  assert.equal(kinds[0], 'messageStart');
  assert.ok(kinds.includes('messageStop'), 'messageStop event');
  assert.ok(text.length > 0, 'text deltas');
  assert.ok(usage?.outputTokens > 0, 'usage in the metadata event');
});

check('Converse with an unknown model is ResourceNotFoundException', async () => {
  await assert.rejects(client.send(new ConverseCommand({ ...conversation, modelId: 'anthropic.claude-unknown-v9:0' })),
    (error) => error instanceof ResourceNotFoundException && error.$metadata.httpStatusCode === 404);
});

check('an unknown model is ResourceNotFoundException', async () => {
  await assert.rejects(client.send(new InvokeModelCommand({ modelId: 'anthropic.claude-unknown-v9:0', body })),
    (error) => error instanceof ResourceNotFoundException && error.$metadata.httpStatusCode === 404);
});

for (const [name, fn] of checks) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (error) {
    console.log(`not ok - ${name}: ${error?.stack ?? error}`);
  }
}
client.destroy();
console.log(`${passed}/${checks.length} checks passed`);
process.exit(passed === checks.length ? 0 : 1);
