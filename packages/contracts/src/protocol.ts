/**
 * The contract's runtime values that need no zod: what the widget bundles
 * (`@chatiq/contracts/protocol`), so it stays small. Everything here is also exported by the
 * package root.
 */
export * from './format-bytes.js';
export * from './launcher-look.js';
export * from './limits.js';
export * from './message-log.js';
export * from './namespaces.js';
export * from './retry.js';
export * from './templates.js';
export * from './unsafe-string.js';
export * from './version.js';
