// The picker's matching lives in the contract, shared with the admin panel's composer
// (packages/contracts/src/templates.ts, tested there).
export { findTemplateByShortcut } from '@chatiq/contracts';
