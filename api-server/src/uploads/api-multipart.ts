import { ATTACHMENT_FILE_FIELD } from '@chatiq/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import { z } from 'zod';

/** Documents a multipart upload: the contract's fields, and the file (binary) beside them. */
export function ApiAttachmentUpload(fields: z.ZodObject) {
  const schema = z.toJSONSchema(fields, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        properties: { ...schema.properties, [ATTACHMENT_FILE_FIELD]: { type: 'string', format: 'binary' } },
        required: [...(schema.required ?? []), ATTACHMENT_FILE_FIELD],
      },
    }),
  );
}
