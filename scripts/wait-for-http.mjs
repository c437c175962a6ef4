#!/usr/bin/env node
// Waits until every URL answers 2xx: node scripts/wait-for-http.mjs <seconds> <url>...
// Exits 1 naming the URLs that never came up.
const [seconds, ...urls] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const pending = new Set(urls);
while (pending.size > 0 && Date.now() < deadline) {
  for (const url of [...pending]) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) pending.delete(url);
    } catch {
      // not up yet
    }
  }
  if (pending.size > 0) await new Promise((r) => setTimeout(r, 300));
}
if (pending.size > 0) {
  console.error(`not healthy after ${seconds}s: ${[...pending].join(', ')}`);
  process.exit(1);
}
