import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
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
