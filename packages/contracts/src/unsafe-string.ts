/**
 * Strings no part of ChatIQ can keep: a NUL character (U+0000; PostgreSQL refuses it in text and
 * JSON) or an unpaired UTF-16 surrogate (half of a character such as an emoji: it has no UTF-8
 * encoding). Every input is checked once where it enters (REST bodies, queries and route
 * parameters, socket payloads), before its schema, and refused as `validation_failed` naming the
 * offending field.
 */

/** Where the first unsafe string is (object keys count), and what is wrong with it. */
export type UnsafeString = { path: (string | number)[]; message: string };

const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with `text`, or null when it is safe. */
export function unsafeStringReason(text: string): string | null {
  if (text.includes('\u0000')) return 'Contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'Contains an unpaired UTF-16 surrogate (half of a character)';
  return null;
}

type Pending = { value: unknown; key: string | number | null; parent: Pending | null };

function pathOf(entry: Pending): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Pending | null = entry; at && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The first string in `value` (itself, or any array element, object key or property value, at any
 * depth) that holds a NUL or a lone surrogate; null when there is none. Walks without recursion,
 * so hostile nesting cannot overflow the stack; binary values (Buffer, typed arrays) are skipped.
 */
export function findUnsafeString(value: unknown): UnsafeString | null {
  const stack: Pending[] = [{ value, key: null, parent: null }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const entry = stack.pop() as Pending;
    const current = entry.value;
    if (typeof current === 'string') {
      const message = unsafeStringReason(current);
      if (message) return { path: pathOf(entry), message };
      continue;
    }
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    if (ArrayBuffer.isView(current) || current instanceof ArrayBuffer) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: i, parent: entry });
      continue;
    }
    const keys = Object.keys(current);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      const child: Pending = { value: (current as Record<string, unknown>)[key], key, parent: entry };
      const message = unsafeStringReason(key);
      if (message) return { path: pathOf(child), message: `${message} in a field name` };
      stack.push(child);
    }
  }
  return null;
}
