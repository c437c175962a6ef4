export * from './version.js';
export * from './errors.js';
export * from './common.js';
export * from './auth.js';
export * from './sites.js';
export * from './chats.js';
export * from './events.js';
export * from './health.js';
