/**
 * One messages file per namespace and language: `messages/<locale>/<namespace>.json`. A module
 * reads its own namespace with `useTranslations('<namespace>')`. Add a namespace here and create
 * its file in every language (messages.spec.ts checks that the languages have the same keys).
 */
export const NAMESPACES = [
  'common',
  'shell',
  'auth',
  'sites',
  'visitors',
  'inbox',
  'settings',
  'analytics',
  'commands',
  'profile',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
