import { type HealthDto, healthDtoSchema } from '@chatiq/contracts';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator.js';
import { ApiZodResponse } from '../common/validation/api-schema.js';
import { HealthService } from './health.service.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database answers, 503 when it does not. */
  @Public()
  @Get()
  @ApiZodResponse(healthDtoSchema)
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const result = await this.health.check();
    if (result.status !== 'ok') res.status(503);
    return result;
  }
}
