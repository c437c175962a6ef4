import { Module } from '@nestjs/common';
import { IdentitySecretsService } from './identity-secrets.service.js';
import { IdentityVerificationService } from './identity-verification.service.js';
import { SitesController } from './sites.controller.js';
import { SitesService } from './sites.service.js';

@Module({
  controllers: [SitesController],
  providers: [SitesService, IdentitySecretsService, IdentityVerificationService],
  exports: [SitesService, IdentityVerificationService],
})
export class SitesModule {}
