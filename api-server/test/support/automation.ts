import type {
  AutoReplyDto,
  AutoReplyRuleInput,
  CreatedSiteDto,
  MessageDto,
  Role,
  VisitorJoinPayload,
  VisitorJoinResult,
} from '@chatiq/contracts';
import type { INestApplication } from '@nestjs/common';
import { createUser } from '../../prisma/factories.js';
import { ChatEventsService } from '../../src/events/chat-events.service.js';
import type { PrismaService } from '../../src/prisma/prisma.service.js';
import { api, connectWidget, newClientId, ok, type WidgetSocket } from './clients.js';
import { eventually } from './eventually.js';

const PASSWORD = 'correct-horse-battery';

/** A member created in the database and signed in over REST. */
export async function createMember(
  base: string,
  prisma: PrismaService,
  input: { organizationId: string; email: string; name: string; role: Role; siteIds?: string[] },
): Promise<{ id: string; email: string; token: string }> {
  const user = await createUser(prisma, { ...input, password: PASSWORD, bcryptRounds: 4 });
  for (const siteId of input.siteIds ?? []) {
    await prisma.siteUser.create({ data: { organizationId: input.organizationId, siteId, userId: user.id } });
  }
  const login = await api<{ accessToken: string }>(base, 'POST', '/auth/login', { body: { email: input.email, password: PASSWORD } });
  if (login.status !== 200 && login.status !== 201) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: user.id, email: user.email, token: login.body.accessToken };
}

export async function createSiteOver(base: string, token: string, name: string): Promise<CreatedSiteDto> {
  const { status, body } = await api<CreatedSiteDto>(base, 'POST', '/sites', { token, body: { name } });
  if (status !== 201) throw new Error(`site not created: ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function addRule(base: string, token: string, siteId: string, rule: AutoReplyRuleInput): Promise<AutoReplyDto> {
  const { status, body } = await api<AutoReplyDto>(base, 'POST', `/sites/${siteId}/auto-replies`, { token, body: rule });
  if (status !== 201) throw new Error(`rule not created: ${status} ${JSON.stringify(body)}`);
  return body;
}

/** A joined widget that records every message it is sent (`admin:message`). */
export type Visitor = {
  socket: WidgetSocket;
  visitorId: string;
  received: MessageDto[];
  /** Sends a message; resolves with the stored one. */
  say(text: string): Promise<MessageDto>;
  /** Resolves with the received messages once one has `text`. */
  until(text: string, ms?: number): Promise<MessageDto[]>;
};

export async function joinVisitor(base: string, publicSiteId: string, join: VisitorJoinPayload = {}): Promise<Visitor> {
  const socket = await connectWidget(base, publicSiteId);
  const received: MessageDto[] = [];
  socket.on('admin:message', (message) => received.push(message));
  const joined: VisitorJoinResult = ok(await socket.emitWithAck('visitor:join', join));
  return {
    socket,
    visitorId: joined.visitorId,
    received,
    say: async (text) => ok(await socket.emitWithAck('visitor:message', { clientId: newClientId(), text })).message,
    until: (text, ms) => eventually(`a message "${text}"`, () => received.some((m) => m.text === text) && [...received], ms),
  };
}

/**
 * The ids of the visitor messages whose `messageStored` listeners (fan-out's, the AI's, automation's) have all
 * run on `app`, in that order: this listener is added after every other, so it sees each message
 * once they are done. The barrier before asserting that a message caused no (further) reply:
 * `await eventually('rules ran', () => handled.includes(message.id))`, then a round trip on the socket.
 */
export function handledVisitorMessages(app: INestApplication): string[] {
  const handled: string[] = [];
  app
    .get(ChatEventsService)
    .on(
      'messageStored',
      ({ posted, author }) => void (author.kind === 'VISITOR' && handled.push(posted.message.id)),
      Number.MAX_SAFE_INTEGER,
    );
  return handled;
}
