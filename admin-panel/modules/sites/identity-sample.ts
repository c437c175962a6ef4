/**
 * What the identity-verification section shows a site owner: how their server computes the hash
 * (the secret is read from their environment, never pasted into a page) and the widget call.
 */
export function identityServerSample(): string {
  return [
    '// On your server (Node.js). Keep the secret there: never send it to the browser.',
    "import { createHmac } from 'node:crypto';",
    '',
    "const userHash = createHmac('sha256', process.env.CHATIQ_IDENTITY_SECRET)",
    '  .update(String(user.id))',
    "  .digest('hex');",
  ].join('\n');
}

/** The page's call, after the widget snippet; `hash` is what the server computed for this user. */
export function identitySetUserSample(): string {
  return [
    '<script>',
    '  window.chtq.setUser({',
    '    id: "42",                 // the same user id the hash was computed for',
    '    name: "Olha Kovalenko",',
    '    email: "olha@example.com",',
    '    hash: "<userHash from your server>",',
    '  });',
    '</script>',
  ].join('\n');
}
