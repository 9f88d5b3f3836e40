// End-to-end tests drive Debian's Chromium; nothing here downloads a browser.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.js/,
  outputDir: "artifacts",
  timeout: 60_000,
  workers: 2,
  reporter: [["list"]],
  use: {
    // Only offline.spec.js lets the service worker run: elsewhere it would answer from its cache
    // the requests those tests route or count.
    serviceWorkers: "block",
    // Bounded waits, so a stuck step names itself instead of ending as a bare test timeout.
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
