import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { parseInput } from './parse-input.js';

/** `@Body(new ZodPipe(schema))`: validates a REST input against the shared contract. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    return parseInput(this.schema, value);
  }
}
