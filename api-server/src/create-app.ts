import 'reflect-metadata';
import { CONTRACT_VERSION } from '@chatiq/contracts';
import type { INestApplication } from '@nestjs/common';
import type { CorsOptionsDelegate } from '@nestjs/common/interfaces/external/cors-options.interface.js';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { AppErrorFilter } from './common/errors/app-error.filter.js';
import { answerMalformedRequests } from './common/errors/malformed-request-answer.js';
import type { AppConfig } from './config/config.schema.js';
import { ChatiqIoAdapter } from './realtime/socket-io.adapter.js';

/** Builds the API (REST + Socket.IO on one HTTP server). Used by main.ts and by the tests. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '1mb' });
  app.useGlobalFilters(new AppErrorFilter());
  answerMalformedRequests(app.getHttpServer());
  app.enableCors(corsFor(config));
  // req.ip is the client: the right-most X-Forwarded-For address that is not a trusted proxy.
  app.set('trust proxy', config.trustedProxies);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.enableShutdownHooks();
  const io = new ChatiqIoAdapter(app, config);
  await io.connect();
  app.useWebSocketAdapter(io);

  const openApi = new DocumentBuilder()
    .setTitle('ChatIQ API')
    .setDescription('REST API of ChatIQ. Realtime events are in the Socket.IO contract (@chatiq/contracts).')
    .setVersion(CONTRACT_VERSION)
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}

/**
 * CORS: the operator API answers only the admin panel's origins (CORS_ORIGINS), with credentials.
 * The widget's public routes (`/widget/…`) are called from customers' pages: any origin may ask,
 * without credentials, and the route itself checks the Origin against the site's allowed origins
 * (403 `origin_not_allowed`), so a page the site does not allow gets a refusal it can read.
 */
function corsFor(config: AppConfig): CorsOptionsDelegate<Request> {
  return (req, callback) => {
    if (req.path.startsWith('/widget/')) {
      // Downloads: the widget reads the file's name and size.
      callback(null, { origin: true, credentials: false, maxAge: 600, exposedHeaders: ['Content-Disposition', 'Content-Length'] });
    } else {
      callback(null, { origin: config.corsOrigins, credentials: true, maxAge: 600 });
    }
  };
}

/**
 * Security headers (helmet). The API answers JSON, so its CSP allows nothing; the Swagger UI under
 * /docs needs its scripts and styles and gets no CSP. Resources may be loaded by the admin panel on
 * a sibling host (same site); the widget's attachment route opts into cross-origin itself, and
 * routes that serve files set a stricter CSP of their own.
 */
function securityHeaders(): (req: Request, res: Response, next: NextFunction) => void {
  const common = {
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'no-referrer' as const },
    crossOriginResourcePolicy: { policy: 'same-site' as const },
  };
  const api = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
  const docs = helmet({ ...common, contentSecurityPolicy: false });
  return (req, res, next) => (req.path === '/docs' || req.path.startsWith('/docs/') ? docs : api)(req, res, next);
}
