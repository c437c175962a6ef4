import { existsSync } from 'node:fs';
import { waitForDatabase } from './config/check-database.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createApp } from './create-app.js';

if (existsSync('.env')) process.loadEnvFile('.env');

function fail(message: string): never {
  console.error(`chatiq api: ${message}`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

try {
  await waitForDatabase(config.databaseUrl, config.databaseWaitSeconds * 1000);
} catch (error) {
  fail((error as Error).message);
}

const app = await createApp(config);
await app.listen(config.port, config.host);
console.log(`chatiq api: listening on http://${config.host}:${config.port} (docs at /docs)`);
