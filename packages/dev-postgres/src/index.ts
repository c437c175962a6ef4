export * from './databases.js';
export * from './embedded.js';
export * from './free-port.js';
export * from './test-server.js';
