// Requests for every REST operation of the OpenAPI document: bodies, path parameters and queries
// generated from its schemas, and hostile versions of each (wrong types, huge strings, NUL and
// lone surrogates, deep nesting, malformed JSON, wrong content types, oversized bodies), with and
// without valid auth, delivered whole, slowly or cut off.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { encodeSegment, type FuzzRequest } from './fuzz-request.js';
import { type ContextRef, hostileString, hostileValue, type JsonSchema, mutated, ref, validValue } from './json-schema-arbitrary.js';
import type { Delivery } from './raw-http.js';

export type Operation = {
  method: string;
  /** OpenAPI path, e.g. /sites/{siteId}. */
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body?: { contentType: string; schema: JsonSchema };
  secured: boolean;
};

type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        security?: unknown[];
      }
    >
  >;
};

/** Every operation the API documents (the document it serves at /docs-json). */
export async function loadOperations(base: string): Promise<Operation[]> {
  const document = (await (await fetch(`${base}/docs-json`)).json()) as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      const [contentType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema ?? {} })),
        body: contentType ? { contentType, schema: content?.schema ?? {} } : undefined,
        secured: Boolean(op.security?.length),
      });
    }
  }
  return operations;
}

/** A JWT of the right shape signed with another secret, and one that expired long ago (bad signature too). */
function foreignJwt(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', 'not-the-servers-secret-not-the-servers-secret').update(unsigned).digest('base64url')}`;
}

const authHeader: fc.Arbitrary<[string, string][]> = fc.oneof(
  { weight: 6, arbitrary: fc.constant([['Authorization', 'Bearer {{token}}']] as [string, string][]) },
  { weight: 2, arbitrary: fc.constant([] as [string, string][]) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        'Bearer',
        'Bearer ',
        'Bearer junk',
        'Basic dXNlcjpwYXNz',
        `Bearer ${foreignJwt({ sub: 'x', sid: 'y', exp: 4102444800 })}`,
        `Bearer ${foreignJwt({ sub: 'x', exp: 1 })}`,
        'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
        `Bearer ${'a'.repeat(8000)}`,
        'Bearer {{token}}x',
      )
      .map((value) => [['Authorization', value]] as [string, string][]),
  },
);

const delivery: fc.Arbitrary<Delivery> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: 'whole' } as Delivery) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('slow' as const),
      chunks: fc.integer({ min: 2, max: 6 }),
      gapMs: fc.integer({ min: 5, max: 60 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('abort' as const), fraction: fc.double({ min: 0, max: 0.95, noNaN: true }) }) },
);

const framing: fc.Arbitrary<FuzzRequest['framing']> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('length' as const) },
  { weight: 2, arbitrary: fc.constant('chunked' as const) },
  { weight: 1, arbitrary: fc.constantFrom('short-length' as const, 'none' as const) },
);

/** The context id a path parameter or query field names, by its name and route. */
function contextFor(name: string, path: string): ContextRef | null {
  if (name === 'publicId') return 'sitePublicId';
  if (name === 'siteId') return path.startsWith('/widget') ? 'sitePublicId' : 'siteId';
  if (name === 'chatId' || name === 'messageId' || name === 'userId' || name === 'visitorId') return name;
  if (name === 'id') return 'templateId';
  return null;
}

/** A path segment: the context's real id, or something hostile (percent-encoded, or raw bad encodings). */
function pathSegment(name: string, path: string): fc.Arbitrary<string> {
  const id = contextFor(name, path);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(id ? ref(id) : 'no-such-id') },
    { weight: 3, arbitrary: hostileString.map(encodeSegment) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '%ZZ',
        '%E0%A4',
        '%ED%A0%80',
        '%00',
        '..%2F..%2Fetc',
        '%2F',
        'a'.repeat(5000),
        '%C0%AF',
        '+',
        '%FF%FE',
      ),
    },
  );
}

/** A query string: generated from the parameters' schemas, some hostile, some in shapes qs turns into objects and arrays. */
function queryString(op: Operation): fc.Arbitrary<string> {
  const fields = op.query.map((q) => {
    const id = contextFor(q.name, op.path);
    const value = fc.oneof(
      {
        weight: 4,
        arbitrary: (id ? fc.constant(ref(id)) : validValue(q.schema, q.name)).map((v) =>
          typeof v === 'string' && v.startsWith('{{') ? v : encodeSegment(String(v)),
        ),
      },
      { weight: 2, arbitrary: hostileString.map(encodeSegment) },
      { weight: 1, arbitrary: fc.constantFrom('%', '%00', '%E0%A4%A', '%ED%A0%80') },
    );
    const shape = fc.constantFrom('plain', 'plain', 'plain', 'array', 'object', 'twice', 'missing');
    return fc.tuple(value, shape).map(([v, s]) => {
      const n = encodeSegment(q.name);
      if (s === 'missing' && !q.required) return '';
      if (s === 'array') return `${n}[]=${v}&${n}[]=${v}`;
      if (s === 'object') return `${n}[a][b]=${v}`;
      if (s === 'twice') return `${n}=${v}&${n}=${v}`;
      return `${n}=${v}`;
    });
  });
  const extra = fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '__proto__[polluted]=yes',
        'constructor[prototype][x]=1',
        `${'a['.repeat(200)}=1`,
        `x=${'y'.repeat(20_000)}`,
        '&&&',
        '=',
      ),
    },
  );
  return fc.tuple(fc.tuple(...fields), extra).map(([parts, more]) => [...parts, more].filter(Boolean).join('&'));
}

/** The body's bytes and content type: valid JSON, mutated JSON, junk values, malformed JSON, oversized, other types. */
function jsonBody(schema: JsonSchema | undefined): fc.Arbitrary<{ body: Buffer; contentType: string | null }> {
  const value = schema
    ? fc.oneof(
        { weight: 3, arbitrary: validValue(schema) },
        { weight: 4, arbitrary: mutated(validValue(schema)) },
        { weight: 1, arbitrary: hostileValue },
      )
    : hostileValue;
  const encoded = fc
    .tuple(value, fc.constantFrom('json', 'json', 'json', 'json', 'truncated', 'junk', 'bom', 'latin1', 'invalid-utf8', 'empty', 'deep'))
    .map(([v, how]) => {
      const text = JSON.stringify(v) ?? 'undefined';
      switch (how) {
        case 'truncated':
          return Buffer.from(text.slice(0, Math.max(0, text.length - 1 - (text.length >> 2))));
        case 'junk':
          return Buffer.from(`${text}}{,]`);
        case 'bom':
          return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
        case 'latin1':
          return Buffer.from(text, 'latin1');
        case 'invalid-utf8':
          return Buffer.concat([Buffer.from(text.slice(0, -1)), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(text.slice(-1))]);
        case 'empty':
          return Buffer.alloc(0);
        case 'deep':
          return Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
        default:
          return Buffer.from(text);
      }
    });
  const oversized = fc.integer({ min: 1024 * 1024 + 1, max: 1536 * 1024 }).map((n) => Buffer.from(JSON.stringify({ name: 'x'.repeat(n) })));
  const body = fc.oneof({ weight: 20, arbitrary: encoded }, { weight: 1, arbitrary: oversized });
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        null,
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=xx',
        'application/json; charset=utf-16',
        'application/json; charset=bogus',
        'application/json; charset=latin1',
        'application/vnd.api+json',
        'application/xml',
        '*/*',
        'application/json, text/plain',
        ';;;',
      ),
    },
  );
  return fc.tuple(body, contentType).map(([b, contentType]) => ({ body: b, contentType }));
}

/** Any request to `op`. */
export function restRequest(op: Operation): fc.Arbitrary<FuzzRequest> {
  const segments = fc.tuple(...op.pathParams.map((name) => pathSegment(name, op.path)));
  const hasBody = op.body?.contentType === 'application/json';
  const body = hasBody
    ? jsonBody(op.body?.schema)
    : fc.oneof(
        { weight: 6, arbitrary: fc.constant({ body: Buffer.alloc(0), contentType: null }) },
        { weight: 1, arbitrary: jsonBody(undefined) },
      );
  const extraHeaders = fc.oneof(
    { weight: 10, arbitrary: fc.constant([] as [string, string][]) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<[string, string][]>(
        [['Content-Encoding', 'gzip']],
        [['Content-Encoding', 'deflate, br, zstd']],
        [['Content-Encoding', 'identity-nonsense']],
        [['Origin', 'null']],
        [['Origin', `https://${'a'.repeat(3000)}.test`]],
        [['X-Forwarded-For', '1.2.3.4, <script>, ::1']],
        [['Accept', 'text/html']],
        [['X-Pad', 'p'.repeat(30_000)]],
        [['Expect', '100-continue']],
      ),
    },
  );
  return fc
    .tuple(segments, queryString(op), body, authHeader, extraHeaders, framing, delivery)
    .map(([values, query, b, auth, extra, frame, how]) => {
      let path = op.path;
      op.pathParams.forEach((name, i) => {
        path = path.replace(`{${name}}`, values[i] as string);
      });
      const headers: [string, string][] = [...auth, ...extra];
      if (b.contentType) headers.push(['Content-Type', b.contentType]);
      return {
        label: `${op.method} ${op.path}`,
        method: op.method,
        target: query ? `${path}?${query}` : path,
        headers,
        body: b.body,
        framing: b.body.length === 0 && frame !== 'chunked' ? 'length' : frame,
        delivery: how,
      };
    });
}
