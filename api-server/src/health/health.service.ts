import { CONTRACT_VERSION, type HealthDto } from '@chatiq/contracts';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service.js';

@Injectable()
export class HealthService {
  constructor(private readonly prisma: PrismaService) {}

  async check(): Promise<HealthDto> {
    const database = await this.prisma.$queryRaw`SELECT 1`.then(
      () => 'up' as const,
      () => 'down' as const,
    );
    return {
      status: database === 'up' ? 'ok' : 'degraded',
      database,
      contractVersion: CONTRACT_VERSION,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
