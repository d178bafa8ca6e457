// Shared helpers for the scenarios: clients that negotiate through the chat sample's function, and waiting.
import { WebPubSubClient, WebPubSubJsonProtocol, WebPubSubJsonReliableProtocol } from "@azure/web-pubsub-client";

export const hostUrl = process.env.HOST_URL ?? "http://127.0.0.1:7071";

/** A client of the official SDK that gets its URL from the sample's negotiate function (no auto-reconnect: tests see every close). */
export function chatClient(userId) {
  const client = new WebPubSubClient(
    {
      getClientAccessUrl: async () => {
        const response = await fetch(`${hostUrl}/api/negotiate?userid=${encodeURIComponent(userId)}`);
        if (!response.ok) {
          throw new Error(`negotiate answered ${response.status}: ${await response.text()}`);
        }
        return (await response.json()).url;
      },
    },
    {
      // PROTOCOL=reliable uses the client's default subprotocol, json.reliable.webpubsub.azure.v1.
      protocol: process.env.PROTOCOL === "reliable" ? WebPubSubJsonReliableProtocol() : WebPubSubJsonProtocol(),
      autoReconnect: false,
      autoRejoinGroups: false,
    },
  );
  client.received = [];
  client.on("group-message", (e) => client.received.push({ kind: "group", group: e.message.group, data: e.message.data }));
  client.on("server-message", (e) => client.received.push({ kind: "server", data: e.message.data }));
  return client;
}

/** Resolves when predicate() is true; rejects after the timeout with the description. */
export async function until(predicate, description, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function text(data) {
  return typeof data === "string" ? data : JSON.stringify(data);
}

/** Runs a scenario, prints its steps, exits 0 only when it completed. */
export async function run(name, scenario) {
  const timer = setTimeout(() => {
    console.error(`${name}: did not finish in time`);
    process.exit(3);
  }, 60000);
  try {
    await scenario((step) => console.log(`${name}: ${step}`));
    console.log(`${name}: passed`);
    clearTimeout(timer);
    process.exit(0);
  } catch (error) {
    console.error(`${name}: FAILED: ${error?.stack ?? error}`);
    process.exit(1);
  }
}
