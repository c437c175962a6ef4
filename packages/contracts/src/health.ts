import { z } from 'zod';

export const healthDtoSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['up', 'down']),
  contractVersion: z.string(),
  uptimeSeconds: z.number(),
});
export type HealthDto = z.infer<typeof healthDtoSchema>;
