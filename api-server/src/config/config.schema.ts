import { z } from 'zod';
import { EgressAllowListError, parseEgressAllowList } from './egress-allow-list.js';
import { parseTrustedProxies } from './trusted-proxies.js';

/** A TRUSTED_PROXIES list, checked entry by entry (see trusted-proxies.ts). */
const proxyList = z.string().transform((value, ctx) => {
  const parsed = parseTrustedProxies(value);
  if ('problem' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  }
  return parsed.proxies;
});

const commaList = z.string().transform((s) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
);

/** Every environment variable the API reads. Nothing else in the code touches process.env. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATABASE_URL: z
      .string({ error: 'is required (a postgresql:// connection string)' })
      .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgresql:// connection string'),
    JWT_SECRET: z.string({ error: 'is required (at least 32 random characters)' }).min(32, 'must be at least 32 characters'),
    JWT_EXPIRES_IN_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(7 * 24 * 3600),
    /** Origins allowed to call the REST API from a browser (the admin panel). */
    CORS_ORIGINS: commaList.default(['http://localhost:3001']),
    /**
     * The proxies whose X-Forwarded-For the API believes (Express `trust proxy`, proxy-addr): the
     * client is the right-most address of the chain that is not one of them. Default `loopback`:
     * nginx and the admin panel on the same host. `none` trusts nobody (the socket's address).
     */
    TRUSTED_PROXIES: proxyList.optional(),
    /** The former name of TRUSTED_PROXIES, still read when TRUSTED_PROXIES is unset. */
    TRUST_PROXY: proxyList.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    REDIS_URL: z.url().optional(),
    /** Prefix of the Redis channels the Socket.IO adapter uses (several deployments can share a Redis). */
    REDIS_CHANNEL_PREFIX: z.string().min(1).max(100).default('chatiq'),
    /** Events one socket may send per second before they are refused with `rate_limited`. */
    SOCKET_EVENTS_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Refused events after which a socket is disconnected. */
    SOCKET_MAX_STRIKES: z.coerce.number().int().min(1).max(1_000_000).default(50),
    /** Largest socket frame accepted, in bytes (socket.io maxHttpBufferSize). */
    SOCKET_MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100_000),
    /** Connections in the API's PostgreSQL pool. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    /** How long boot waits for the database before giving up. */
    DATABASE_WAIT_SECONDS: z.coerce.number().int().min(0).max(600).default(15),
    /** bcrypt cost; lower it only in tests. */
    BCRYPT_ROUNDS: z.coerce.number().int().min(4).max(15).default(12),
    /** Outgoing mail server, e.g. `smtp://user:pass@host:587` (`smtps://` for TLS from the start). Unset: mails are logged instead. */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    /** Sender of the API's mails (password reset links…). */
    MAIL_FROM: z.string().min(1).default('ChatIQ <no-reply@localhost>'),
    /** The admin panel as users' browsers reach it; links in mails point there. */
    ADMIN_URL: z.url().default('http://localhost:3001'),
    /** Requests per client IP per window to each of login, register, password change and password reset (then 429). */
    AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(10),
    AUTH_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /** Requests per client IP per minute to the widget's public REST routes (settings, attachments), then 429. */
    WIDGET_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(300),
    /** Failed logins for one email within LOGIN_FAILURE_WINDOW_SECONDS after which that email's logins are refused for LOGIN_LOCKOUT_SECONDS. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_FAILURE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    /** Where the local-disk attachment storage keeps files (relative paths: from the API's working directory). */
    UPLOADS_DIR: z.string().min(1).default('./.data/uploads'),
    /** Largest attachment accepted, in bytes (10 MB). */
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(1024 * 1024 * 1024)
      .default(10 * 1024 * 1024),
    /** OAuth client id(s) of the admin panel's Google sign-in (comma-separated). Unset: Google sign-in is off. */
    GOOGLE_CLIENT_ID: commaList.optional(),
    /** Where Google's signing keys are published (a test points it at a local JWKS). */
    GOOGLE_JWKS_URL: z.url().default('https://www.googleapis.com/oauth2/v3/certs'),
    /**
     * Master keys that seal each site's AI provider key at rest: `kid:<base64 of 32 bytes>[,kid:<base64>…]`;
     * the first seals new keys, all can open (rotation: put a new one first). Unset: AI keys cannot be saved.
     */
    AI_SECRET_KEYS: z.string().min(1).optional(),
    /** Longest an AI answer may take (first token to last) before the chat goes to a human. */
    AI_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(60),
    /**
     * Local or private destinations the server may connect to for tenant-controlled URLs (the AI
     * base URL): `IP`, `IP:port`, `CIDR`, `CIDR:port`, `host`, `host:port`, comma-separated, e.g.
     * `127.0.0.1:11434,10.0.0.0/8`. Unset: only public addresses.
     */
    EGRESS_ALLOW: z
      .string()
      .default('')
      .transform((text, ctx) => {
        try {
          return parseEgressAllowList(text);
        } catch (error) {
          if (!(error instanceof EgressAllowListError)) throw error;
          ctx.addIssue({ code: 'custom', message: error.message });
          return z.NEVER;
        }
      }),
    /** Longest wait for a connection to a tenant-controlled URL (the AI server). */
    EGRESS_CONNECT_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(120).default(10),
    /** How often each API node checks business-hours boundaries and unanswered chats, in milliseconds. */
    AUTOMATION_TICK_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
    /** A visitor message no operator answered within this many minutes is emailed to the site's team. */
    FOLLOW_UP_AFTER_MINUTES: z.coerce.number().min(0.01).max(10_080).default(15),
    /** Longest wait for a webhook receiver's answer (connection included), in seconds. */
    WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(60).default(10),
    /**
     * Retries of a failed delivery: the n-th waits between half and all of
     * min(WEBHOOK_RETRY_DELAY_MAX_SECONDS, WEBHOOK_RETRY_DELAY_SECONDS × 2^n) (pg-boss's backoff
     * with jitter). The defaults retry for about a day.
     */
    WEBHOOK_RETRY_LIMIT: z.coerce.number().int().min(0).max(100).default(30),
    WEBHOOK_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    WEBHOOK_RETRY_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
    /** A subscription is disabled (and its owners mailed) after this many failed attempts in a row… */
    WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
    /** …that span at least this many hours. */
    WEBHOOK_DISABLE_AFTER_HOURS: z.coerce.number().min(0).max(720).default(24),
    /** How often an idle webhook worker looks for due jobs (new jobs also wake it at once, LISTEN/NOTIFY). */
    WEBHOOK_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  })
  .refine((env) => !(env.TRUSTED_PROXIES && env.TRUST_PROXY), {
    path: ['TRUST_PROXY'],
    message: 'is the former name of TRUSTED_PROXIES: set only TRUSTED_PROXIES',
  })
  .transform((env) => ({
    nodeEnv: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    databaseWaitSeconds: env.DATABASE_WAIT_SECONDS,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    jwt: { secret: env.JWT_SECRET, expiresInSeconds: env.JWT_EXPIRES_IN_SECONDS },
    corsOrigins: env.CORS_ORIGINS,
    logLevel: env.LOG_LEVEL,
    trustedProxies: env.TRUSTED_PROXIES ?? env.TRUST_PROXY ?? ['loopback'],
    redisUrl: env.REDIS_URL,
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX,
    socket: {
      eventsPerSecond: env.SOCKET_EVENTS_PER_SECOND,
      maxStrikes: env.SOCKET_MAX_STRIKES,
      maxPayloadBytes: env.SOCKET_MAX_PAYLOAD_BYTES,
    },
    bcryptRounds: env.BCRYPT_ROUNDS,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    adminUrl: env.ADMIN_URL.replace(/\/+$/, ''),
    authLimits: {
      perIp: env.AUTH_RATE_LIMIT,
      windowSeconds: env.AUTH_RATE_LIMIT_WINDOW_SECONDS,
      widgetPerIpPerMinute: env.WIDGET_RATE_LIMIT,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginFailureWindowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
      loginLockoutSeconds: env.LOGIN_LOCKOUT_SECONDS,
    },
    uploads: { dir: env.UPLOADS_DIR, maxBytes: env.UPLOAD_MAX_BYTES },
    google: env.GOOGLE_CLIENT_ID?.length ? { clientIds: env.GOOGLE_CLIENT_ID, jwksUrl: env.GOOGLE_JWKS_URL } : null,
    ai: { secretKeys: env.AI_SECRET_KEYS, timeoutMs: env.AI_TIMEOUT_SECONDS * 1000 },
    egress: { allow: env.EGRESS_ALLOW, connectTimeoutMs: env.EGRESS_CONNECT_TIMEOUT_SECONDS * 1000 },
    automation: { tickMs: env.AUTOMATION_TICK_MS, followUpAfterMs: env.FOLLOW_UP_AFTER_MINUTES * 60_000 },
    webhooks: {
      timeoutMs: env.WEBHOOK_TIMEOUT_SECONDS * 1000,
      retryLimit: env.WEBHOOK_RETRY_LIMIT,
      retryDelaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS,
      retryDelayMaxSeconds: env.WEBHOOK_RETRY_DELAY_MAX_SECONDS,
      disableAfterFailures: env.WEBHOOK_DISABLE_AFTER_FAILURES,
      disableAfterMs: env.WEBHOOK_DISABLE_AFTER_HOURS * 3_600_000,
      pollSeconds: env.WEBHOOK_POLL_SECONDS,
    },
  }));

export type AppConfig = z.output<typeof configSchema>;
