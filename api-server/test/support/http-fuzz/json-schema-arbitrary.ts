// fast-check arbitraries from the OpenAPI document's JSON schemas: values the schema accepts (as
// far as a generator can tell), and hostile values and mutations of them.
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

/** Values to put where a real id of the batch's context belongs (`{{siteId}}`, resolved when sent). */
export const CONTEXT_REFS = ['siteId', 'sitePublicId', 'chatId', 'messageId', 'visitorId', 'userId', 'templateId'] as const;
export type ContextRef = (typeof CONTEXT_REFS)[number];
export const ref = (name: ContextRef) => `{{${name}}}`;

const contextRef = (name: string): ContextRef | undefined => {
  const lower = name.toLowerCase();
  if (lower === 'publicid' || lower === 'siteid') return lower === 'publicid' ? 'sitePublicId' : 'siteId';
  return CONTEXT_REFS.find((r) => r.toLowerCase() === lower);
};

/** A string that matches `pattern` when fast-check can generate one (it cannot for lookarounds). */
function matching(pattern: string): fc.Arbitrary<string> | null {
  try {
    const regex = new RegExp(pattern);
    return fc.stringMatching(regex).filter((s) => s.length < 300);
  } catch {
    return null;
  }
}

/** A value `schema` should accept; `name` is the property's name (ids get the context's real ones). */
export function validValue(schema: JsonSchema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const base = validValueInner(schema, name, depth);
  return schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function validValueInner(schema: JsonSchema, name: string, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validValue(s, name, depth)));
  if (schema.allOf?.length) return validValue(schema.allOf[0] as JsonSchema, name, depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      const id = contextRef(name);
      const plain = validString(schema);
      return id ? fc.oneof({ weight: 3, arbitrary: fc.constant(ref(id)) }, { weight: 1, arbitrary: plain }) : plain;
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? Math.max(min + 1000, 1000);
      return type === 'integer' ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const minLength = schema.minItems ?? 0;
      return fc.array(validValue(schema.items ?? {}, name, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)),
      });
    }
    case 'object': {
      if (depth > 4 || !schema.properties) return fc.constant({});
      const props = Object.fromEntries(Object.entries(schema.properties).map(([key, s]) => [key, validValue(s, key, depth + 1)]));
      return fc.record(props, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date-time')
    return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'uri' || schema.format === 'url') return fc.webUrl();
  if (schema.pattern) {
    const arbitrary = matching(schema.pattern);
    if (arbitrary) return arbitrary;
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 200));
  return fc.string({ minLength, maxLength, unit: fc.oneof(fc.constant('a'), fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' })) });
}

/** Strings built to hurt: NUL, lone surrogates, huge, control and bidi characters, injections, formats. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud83d',
    'half \ud800 emoji',
    '\udfff',
    '\u202egnp.exe',
    '\r\n\r\nX-Injected: 1',
    '../../../../etc/passwd',
    '%00',
    '%E0%A4%A',
    '<script>alert(1)</script>',
    '\'; DROP TABLE "Message"; --',
    '{"$gt":""}',
    '__proto__',
    'constructor',
    '\uFEFF',
    '\uFFFF',
    '😀'.repeat(100),
    '9'.repeat(400),
    '-1',
    'NaN',
    '1e309',
    'true',
    'null',
  ),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
);

/** Values of every JSON type (and none), some of them huge or deeply nested. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2.5, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { '': '' }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.integer({ min: 100, max: 1_000 }).map((depth) => nested(depth)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}')),
  fc.array(fc.constant('x'), { minLength: 1_000, maxLength: 20_000 }),
);

/** `[[[…]]]` `depth` deep (or alternating objects). */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** A mutation of a valid value: one property or element replaced, dropped or joined by junk. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, hostileValue, fc.nat(), fc.constantFrom('replace', 'drop', 'add', 'whole'))
    .map(([value, junk, at, how]) => mutate(value, junk, at, how));
}

function mutate(value: unknown, junk: unknown, at: number, how: string): unknown {
  if (how === 'whole' || value === null || typeof value !== 'object') return junk;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (how === 'add' || keys.length === 0) {
    (copy as Record<string, unknown>)[keys.length === 0 || at % 2 ? `junk${at % 100}` : '__proto__'] = junk;
    return copy;
  }
  const key = keys[at % keys.length] as string;
  const current = (copy as Record<string, unknown>)[key];
  if (how === 'drop') delete (copy as Record<string, unknown>)[key];
  else if (current !== null && typeof current === 'object' && at % 3 === 0)
    (copy as Record<string, unknown>)[key] = mutate(current, junk, at >> 2, 'replace');
  else (copy as Record<string, unknown>)[key] = junk;
  return copy;
}
