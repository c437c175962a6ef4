// A mailbox for the browser tests: a real SMTP server (the API's test helper) that the API sends
// its mails to (SMTP_URL), and a small HTTP endpoint over it, since the tests run in other
// processes than the global setup that starts it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ReceivedMail, startSmtpServer } from '../../api-server/test/support/smtp.js';

export type { ReceivedMail };

/** Starts the SMTP server and its HTTP reader (GET /mails?to=<address> → ReceivedMail[]). */
export async function startMailbox(): Promise<{ smtpUrl: string; url: string; close: () => Promise<void> }> {
  const smtp = await startSmtpServer();
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://mailbox');
    if (url.pathname !== '/mails') {
      res.writeHead(404).end();
      return;
    }
    const to = url.searchParams.get('to');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(to ? smtp.to(to) : smtp.mails));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    smtpUrl: smtp.url,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await smtp.close();
    },
  };
}

/** The first mail to `address` whose subject matches, once it has arrived (polls the mailbox). */
export async function waitForMail(mailboxUrl: string, address: string, subject: RegExp, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = (await (await fetch(`${mailboxUrl}/mails?to=${encodeURIComponent(address)}`)).json()) as ReceivedMail[];
    const mail = mails.find((m) => subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > deadline)
      throw new Error(
        `no mail to ${address} matching ${subject} within ${timeoutMs} ms (got: ${mails.map((m) => m.subject).join(', ') || 'none'})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const link = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`no link starting with ${prefix} in:\n${mail.text}`);
  return link;
}
