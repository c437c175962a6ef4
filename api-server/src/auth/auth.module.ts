import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';
import { MailModule } from '../mail/mail.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthLimitsService } from './auth-limits.service.js';
import { AuthRateLimitGuard } from './auth-rate-limit.guard.js';
import { GoogleIdentityService } from './google-identity.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { JwtAuthGuard } from './jwt-auth.guard.js';
import { PasswordService } from './password.service.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [
    PassportModule,
    MailModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwt.expiresInSeconds },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    GoogleIdentityService,
    PasswordService,
    SessionsService,
    AuthLimitsService,
    AuthRateLimitGuard,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
  ],
  exports: [AuthService, SessionsService, AuthLimitsService],
})
export class AuthModule {}
