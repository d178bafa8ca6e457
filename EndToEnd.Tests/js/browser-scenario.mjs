// Two headless Chromium pages open the chat sample's page, connect as two users and exchange a message.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { hostUrl, run } from "./clients.mjs";

// Flags for this machine: no sandbox as root, and no background networking (the network is closed).
const args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

await run("browser", async (step) => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args });
  try {
    const open = async (user) => {
      const page = await browser.newPage();
      page.on("pageerror", (error) => console.error(`[${user} page] ${error}`));
      await page.goto(`${hostUrl}/api/index`);
      await page.fill("#user", user);
      await page.click("#connect");
      await page.waitForFunction(() => document.querySelector("#status")?.textContent?.includes("connected"), null, { timeout: 15000 });
      return page;
    };
    const erin = await open("erin");
    const frank = await open("frank");
    step("both pages connected");

    await erin.fill("#message", "hi from erin");
    await erin.click("#send");
    await frank.waitForFunction(() => document.querySelector("#messages")?.textContent?.includes("hi from erin"), null, { timeout: 15000 });
    const shown = await frank.textContent("#messages");
    assert.ok(shown.includes("erin"), "the sender's name is shown");
    step("frank's page shows erin's message");
  } finally {
    await browser.close();
  }
});
