// Measures the loop (not a test): one sender, ten receivers in a group. Round-trip latency of the user event
// (send → function → reply) and group messages per second delivered to the receivers.
import { WebPubSubClient, WebPubSubJsonProtocol } from "@azure/web-pubsub-client";
import { chatClient, until } from "./clients.mjs";

const receivers = Number(process.env.RECEIVERS ?? 10);
const messages = Number(process.env.MESSAGES ?? 200);

const sender = chatClient("sender");
await sender.start();
const clients = [];
for (let i = 0; i < receivers; i++) {
  const client = chatClient(`receiver${i}`);
  client.count = 0;
  client.on("group-message", (e) => { if (e.message.group === "bench") client.count++; });
  await client.start();
  await client.joinGroup("bench");
  clients.push(client);
}

// Latency: the user event's round trip through the stand-in, the host and the function (sequential).
const latencies = [];
for (let i = 0; i < 50; i++) {
  const before = sender.received.length;
  const started = performance.now();
  await sender.sendEvent("message", `ping ${i}`, "text");
  await until(() => sender.received.slice(before).some((m) => m.kind === "server"), "the reply");
  latencies.push(performance.now() - started);
}
latencies.sort((a, b) => a - b);

// Fan-out: one sender publishes to the group, ten receivers count.
const started = performance.now();
await Promise.all(Array.from({ length: messages }, (_, i) => sender.sendToGroup("bench", `m${i}`, "text", { fireAndForget: true })));
await until(() => clients.every((c) => c.count >= messages), "every receiver to get every message", 60000);
const seconds = (performance.now() - started) / 1000;

console.log(JSON.stringify({
  eventRoundTripMs: { p50: latencies[25].toFixed(1), p95: latencies[47].toFixed(1), max: latencies[49].toFixed(1) },
  fanOut: { receivers, messages, seconds: seconds.toFixed(2), sentPerSecond: (messages / seconds).toFixed(0), deliveredPerSecond: (messages * receivers / seconds).toFixed(0) },
}));
for (const client of [sender, ...clients]) client.stop();
process.exit(0);
