// The chat through the official JavaScript client: negotiate via the sample's function, connect, receive the
// function's broadcast and its user-event reply, keep connection state across events, join a group, send to it,
// and get disconnected by a close action.
import assert from "node:assert/strict";
import { chatClient, run, text, until } from "./clients.mjs";

await run("chat", async (step) => {
  const alice = chatClient("alice");
  const bob = chatClient("bob");
  let bobDisconnected = null;
  bob.on("disconnected", (e) => (bobDisconnected = e));

  await alice.start();
  await bob.start();
  step("both connected");

  const first = await alice.sendEvent("message", "hello", "text");
  step(`event acked: ${JSON.stringify(first)}`);
  await until(() => bob.received.some((m) => m.kind === "group" && text(m.data).includes("hello")), "bob to get alice's broadcast");
  await until(() => alice.received.some((m) => m.kind === "server" && text(m.data).includes('"ack":1')), "alice's reply with count 1");
  step("broadcast and reply received");

  await alice.sendEvent("message", "again", "text");
  await until(() => alice.received.some((m) => m.kind === "server" && text(m.data).includes('"ack":2')), "the count to survive in connection state (2)");
  step("connection state survived across events");

  await alice.joinGroup("room");
  await bob.joinGroup("room");
  await alice.sendToGroup("room", "in the room", "text", { noEcho: true });
  await until(() => bob.received.some((m) => m.kind === "group" && m.group === "room" && text(m.data) === "in the room"), "bob to get the room message");
  assert.ok(!alice.received.some((m) => m.group === "room"), "noEcho must keep the message from its sender");
  step("joined a group and sent to it");

  await bob.sendEvent("close-me", "please", "text", { fireAndForget: true });
  await until(() => bobDisconnected !== null, "bob to be disconnected by the close action");
  step(`bob disconnected: ${JSON.stringify(bobDisconnected.message ?? null)}`);

  alice.stop();
});
