// Measures the loop (not a test): one sender, ten receivers. Round-trip latency of a user event (client → stand-in
// → host → function → reply), messages per second when every message goes through the function (event → function
// → output binding REST send to the group → receivers), and plain group publishing through the stand-in.
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
  client.viaFunction = 0;
  client.on("group-message", (e) => {
    if (e.message.group === "bench") client.count++;
    else if (e.message.group === "lobby" && JSON.stringify(e.message.data).includes("fan ")) client.viaFunction++;
  });
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

// Through the function: each event makes the chat sample's function broadcast to the lobby (every client is in it).
const viaStarted = performance.now();
const viaMessages = Math.min(messages, 200);
for (let batch = 0; batch < viaMessages; batch += 20) {
  await Promise.all(Array.from({ length: 20 }, (_, i) => sender.sendEvent("message", `fan ${batch + i}`, "text")));
}
await until(() => clients.every((c) => c.viaFunction >= viaMessages), "every receiver to get every broadcast", 60000);
const viaSeconds = (performance.now() - viaStarted) / 1000;

console.log(JSON.stringify({
  throughFunction: { receivers, messages: viaMessages, seconds: viaSeconds.toFixed(2), eventsPerSecond: (viaMessages / viaSeconds).toFixed(0), deliveredPerSecond: (viaMessages * receivers / viaSeconds).toFixed(0) },
  eventRoundTripMs: { p50: latencies[25].toFixed(1), p95: latencies[47].toFixed(1), max: latencies[49].toFixed(1) },
  fanOut: { receivers, messages, seconds: seconds.toFixed(2), sentPerSecond: (messages / seconds).toFixed(0), deliveredPerSecond: (messages * receivers / seconds).toFixed(0) },
}));
for (const client of [sender, ...clients]) client.stop();
process.exit(0);
