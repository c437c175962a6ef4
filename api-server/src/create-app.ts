import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { CONTRACT_VERSION } from '@chatiq/contracts';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { AppErrorFilter } from './common/errors/app-error.filter.js';
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
  app.enableCors({ origin: config.corsOrigins, credentials: true });
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders);
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
 * The security headers helmet would set, for REST answers (helmet is not installed yet: replace
 * this with it once it can be). The API answers JSON, so its CSP allows nothing; the Swagger UI
 * under /docs needs its scripts and styles and gets no CSP. Routes that serve files may set a
 * stricter one of their own (attachments do).
 */
function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (req.path !== '/docs' && !req.path.startsWith('/docs/')) {
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  }
  next();
}
