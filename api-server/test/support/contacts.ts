import { createHmac, randomBytes } from 'node:crypto';
import type { Ack, CreatedSiteDto, VisitorIdentifyAck, VisitorIdentifyPayload, VisitorJoinResult } from '@chatiq/contracts';
import { createUser } from '../../prisma/factories.js';
import type { Role } from '../../src/generated/prisma/client.js';
import { api, connectWidget, newClientId, ok, type WidgetSocket } from './clients.js';
import type { TestApp } from './test-app.js';

/** What the host site's server computes for `chtq.setUser` (the documented recipe). */
export const userHash = (secret: string, userId: string) => createHmac('sha256', secret).update(userId).digest('hex');

/** A member of the organization with a role (and, for an OPERATOR, assigned sites), signed in. */
export async function signedInMember(
  t: TestApp,
  organizationId: string,
  role: Role,
  siteIds: string[] = [],
): Promise<{ id: string; token: string }> {
  const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@contacts.example`;
  const user = await createUser(t.prisma, {
    organizationId,
    email,
    password: 'correct-horse-battery',
    name: `${role} member`,
    role,
    bcryptRounds: 4,
  });
  for (const siteId of siteIds) await t.prisma.siteUser.create({ data: { organizationId, siteId, userId: user.id } });
  const login = await api<{ accessToken: string }>(t.url, 'POST', '/auth/login', { body: { email, password: 'correct-horse-battery' } });
  return { id: user.id, token: login.body.accessToken };
}

export async function identitySecret(t: TestApp, token: string, siteId: string): Promise<string> {
  const { status, body } = await api<{ secret: string }>(t.url, 'GET', `/sites/${siteId}/identity-secret`, { token });
  if (status !== 200) throw new Error(`identity secret: ${status}`);
  return body.secret;
}

export type TestVisitor = { widget: WidgetSocket; visitorId: string; chatId: string | null };

/** A widget of `site` that joined (as `visitorId` when given) and, with `text`, wrote a message. */
export async function joinedVisitor(
  t: TestApp,
  site: CreatedSiteDto,
  options: { visitorId?: string; text?: string } = {},
): Promise<TestVisitor> {
  const widget = await connectWidget(t.url, site.publicId);
  const joined = (await widget.emitWithAck(
    'visitor:join',
    options.visitorId ? { visitorId: options.visitorId } : {},
  )) as Ack<VisitorJoinResult>;
  const { visitorId, chatId } = ok(joined);
  if (!options.text) return { widget, visitorId, chatId };
  const { message } = ok(await widget.emitWithAck('visitor:message', { clientId: newClientId(), text: options.text }));
  return { widget, visitorId, chatId: message.chatId };
}

export const identify = (widget: WidgetSocket, payload: VisitorIdentifyPayload) =>
  widget.emitWithAck('visitor:identify', payload) as Promise<Ack<VisitorIdentifyAck>>;
