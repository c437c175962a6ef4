import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

type OpenApiSchema = Record<string, unknown>;

function toOpenApi(schema: z.ZodType, io: 'input' | 'output'): OpenApiSchema {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as OpenApiSchema;
}

/** Documents a REST body in OpenAPI from the same contract schema that validates it. */
export function ApiZodBody(schema: z.ZodType) {
  // biome-ignore lint/suspicious/noExplicitAny: swagger's SchemaObject type is structural JSON schema
  return ApiBody({ schema: toOpenApi(schema, 'input') as any });
}

export function ApiZodResponse(schema: z.ZodType, status = 200) {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  return ApiResponse({ status, schema: toOpenApi(schema, 'output') as any });
}

export function ApiZodQuery(schema: z.ZodObject) {
  const decorators = Object.entries(schema.shape).map(([name, field]) =>
    // biome-ignore lint/suspicious/noExplicitAny: as above
    ApiQuery({ name, required: !(field as z.ZodType).safeParse(undefined).success, schema: toOpenApi(field as z.ZodType, 'input') as any }),
  );
  return applyDecorators(...decorators);
}
