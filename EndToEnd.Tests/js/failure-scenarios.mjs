// Failures a user must see clearly: a function that throws answers the client with an error (not a hang), and a
// host configured with the wrong access key makes connect fail with 401 at the client.
import assert from "node:assert/strict";
import { chatClient, run } from "./clients.mjs";

const scenario = process.env.SCENARIO;

if (scenario === "throwing-function") {
  await run("throwing-function", async (step) => {
    const carol = chatClient("carol");
    await carol.start();
    const started = Date.now();
    await assert.rejects(carol.sendEvent("fail", "boom", "text"), (error) => {
      step(`rejected after ${Date.now() - started} ms: ${error.name} ${JSON.stringify(error.errorDetail ?? error.message)}`);
      assert.equal(error.errorDetail?.name, "InternalServerError");
      return true;
    });
    carol.stop();
  });
} else if (scenario === "wrong-key") {
  await run("wrong-key", async (step) => {
    const dave = chatClient("dave");
    await assert.rejects(dave.start(), (error) => {
      step(`start rejected: ${error.message}`);
      assert.match(String(error.message), /401/);
      return true;
    });
  });
} else {
  console.error(`unknown SCENARIO '${scenario}'`);
  process.exit(2);
}
