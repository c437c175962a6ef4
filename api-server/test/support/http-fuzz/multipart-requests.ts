// Requests for the multipart upload routes (the widget's and the operator's): well-formed uploads
// of many kinds of file, and everything a client can get wrong or do on purpose: truncated bodies,
// missing, wrong or duplicated boundaries, parts without names, huge part headers, many parts,
// filename encodings (RFC 5987 `filename*`, invalid UTF-8, path traversal), wrong content types,
// oversized files, slow and cut-off bodies.
import fc from 'fast-check';
import type { FuzzRequest } from './fuzz-request.js';
import { hostileString, ref } from './json-schema-arbitrary.js';
import type { Delivery } from './raw-http.js';

/** The fuzzer's API runs with this upload limit, so an oversized file is cheap to send. */
export const FUZZ_UPLOAD_MAX_BYTES = 64 * 1024;

type Part = { head: Buffer; content: Buffer };

const line = (text: string) => Buffer.from(`${text}\r\n`, 'latin1');

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cf30fc1f0005000202f6e5c34f0000000049454e44ae426082',
  'hex',
);

const fileContent: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constant(PNG),
  fc.constant(Buffer.from('hello, world\n')),
  fc.constant(Buffer.from('BMW sales\n1,2\n')),
  fc.constant(Buffer.from('BM')),
  fc.constant(Buffer.alloc(0)),
  fc.constant(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1')),
  fc.constant(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')),
  fc.constant(Buffer.from('<html><script>alert(1)</script></html>')),
  fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
  fc.integer({ min: FUZZ_UPLOAD_MAX_BYTES + 1, max: FUZZ_UPLOAD_MAX_BYTES * 3 }).map((n) => Buffer.alloc(n, 0x61)),
);

/** The filename parameter(s) of a file part's Content-Disposition, as raw header bytes. */
const filenameParam: fc.Arbitrary<Buffer> = fc.oneof(
  fc
    .constantFrom('a.txt', 'photo.png', 'notes.TXT', 'data.csv', 'server.log', 'noext', '.txt', 'invoice.pdf')
    .map((n) => Buffer.from(`; filename="${n}"`)),
  fc
    .constantFrom(
      "; filename*=UTF-8''%F0%9F%98%80%20smile.txt",
      "; filename*=UTF-8''a%00b.txt",
      "; filename*=UTF-8''%ED%A0%80half.png",
      "; filename*=UTF-8''%FF%FE.txt",
      "; filename*=iso-8859-1'en'%A3rates.txt",
      "; filename*=bogus''x.txt",
      "; filename*=UTF-8''",
      "; filename*=''",
      "; filename*=UTF-8'%E2%82%AC.txt",
      '; filename="fallback.txt"; filename*=UTF-8\'\'%C3%A9t%C3%A9.txt',
      '; filename="a.txt"; filename="b.png"',
      '; filename=""',
      '; filename',
      '; filename="unterminated.txt',
      '; filename=../../../../etc/passwd',
      '; filename="../../../../etc/passwd"',
      '; filename="..\\\\..\\\\windows\\\\win.ini"',
      '; filename="/etc/shadow"',
      '; filename="C:\\\\boot.ini"',
      '; filename="inv\u202egnp.exe"',
      '; filename="a\\"quote.txt"',
    )
    .map((p) => Buffer.from(p, 'utf8')),
  fc.constant(Buffer.concat([Buffer.from('; filename="'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x80]), Buffer.from('.txt"')])),
  fc.integer({ min: 300, max: 20_000 }).map((n) => Buffer.from(`; filename="${'n'.repeat(n)}.txt"`)),
  hostileString.map((s) => Buffer.from(`; filename="${s.slice(0, 2000)}"`, 'utf8')),
);

/** The file part: usually well-formed, sometimes without a name, a disposition, or with a huge header. */
const filePart: fc.Arbitrary<Part> = fc
  .tuple(
    filenameParam,
    fileContent,
    fc.constantFrom('name="file"', 'name="file"', 'name="file"', '', 'name=""', 'name="other"', 'name=file', 'name="fi\u0000le"'),
    fc.constantFrom('plain', 'plain', 'plain', 'no-disposition', 'huge-header', 'many-headers', 'type'),
    fc.constantFrom('image/png', 'text/plain', 'application/octet-stream', '', 'x/y; charset=bogus'),
  )
  .map(([filename, content, name, shape, type]) => {
    const disposition = Buffer.concat([
      Buffer.from(`Content-Disposition: form-data${name ? `; ${name}` : ''}`, 'latin1'),
      filename,
      Buffer.from('\r\n'),
    ]);
    const heads: Buffer[] = [];
    if (shape !== 'no-disposition') heads.push(disposition);
    if (shape === 'huge-header') heads.push(line(`X-Pad: ${'h'.repeat(100_000)}`));
    if (shape === 'many-headers') for (let i = 0; i < 2000; i++) heads.push(line(`X-H${i}: v`));
    if (shape === 'type' || type) heads.push(line(`Content-Type: ${type || 'image/png'}`));
    return { head: Buffer.concat(heads), content };
  });

const fieldPart = (name: string, value: string): Part => ({
  head: line(`Content-Disposition: form-data; name="${name}"`),
  content: Buffer.from(value, 'utf8'),
});

/** A text field: the right value, a hostile one, or none. */
function field(name: string, right: fc.Arbitrary<string>): fc.Arbitrary<Part[]> {
  return fc.oneof(
    { weight: 6, arbitrary: right.map((v) => [fieldPart(name, v)]) },
    { weight: 1, arbitrary: fc.constant([] as Part[]) },
    { weight: 2, arbitrary: hostileString.map((v) => [fieldPart(name, v.slice(0, 40_000))]) },
    { weight: 1, arbitrary: right.map((v) => [fieldPart(name, v), fieldPart(name, `${v}x`)]) },
  );
}

const clientId = fc.uuid();

/** The parts of an upload, in some order, sometimes with many more, or a second file. */
function parts(route: 'widget' | 'operator'): fc.Arbitrary<Part[]> {
  const fields =
    route === 'widget'
      ? fc.tuple(
          field('siteId', fc.constant(ref('sitePublicId'))),
          field('visitorId', fc.constant(ref('visitorId'))),
          field('clientId', clientId),
          field('text', fc.string({ maxLength: 100 })),
        )
      : fc.tuple(field('clientId', clientId), field('text', fc.string({ maxLength: 100 })));
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant([] as Part[]) },
    { weight: 1, arbitrary: fc.integer({ min: 11, max: 400 }).map((n) => Array.from({ length: n }, (_, i) => fieldPart(`f${i}`, 'v'))) },
    { weight: 1, arbitrary: filePart.map((p) => [p]) },
    { weight: 1, arbitrary: fc.constant([{ head: Buffer.alloc(0), content: Buffer.from('a part without any header') }]) },
    { weight: 1, arbitrary: fc.constant([fieldPart('n'.repeat(500), 'long field name')]) },
    { weight: 1, arbitrary: fc.constant([fieldPart('big', 'b'.repeat(40 * 1024))]) },
  );
  return fc.tuple(fields, filePart, extra, fc.boolean()).map(([fs, file, more, fileFirst]) => {
    const all = (fs as Part[][]).flat();
    return fileFirst ? [file, ...all, ...more] : [...all, file, ...more];
  });
}

/** What is done to the body's framing (boundaries, line ends, truncation). */
const framing = fc.constantFrom(
  'ok',
  'ok',
  'ok',
  'ok',
  'no-closing-boundary',
  'truncated',
  'wrong-boundary',
  'no-boundary-param',
  'duplicated-boundary-param',
  'quoted-boundary',
  'long-boundary',
  'empty-boundary',
  'lf-only',
  'preamble-epilogue',
  'boundary-in-content',
);

const contentTypeOverride = fc.oneof(
  { weight: 10, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'multipart/mixed; boundary=B',
      'application/json',
      'text/plain',
      '',
      'multipart/form-data; boundary=B; charset=utf-16',
      'application/x-www-form-urlencoded',
      'MULTIPART/FORM-DATA; BOUNDARY=B',
      'multipart/form-data;boundary="B"',
    ),
  },
);

const delivery: fc.Arbitrary<Delivery> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'whole' } as Delivery) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('slow' as const),
      chunks: fc.integer({ min: 2, max: 8 }),
      gapMs: fc.integer({ min: 5, max: 80 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('abort' as const), fraction: fc.double({ min: 0, max: 0.99, noNaN: true }) }) },
);

const authHeader = fc.constantFrom<[string, string][]>(
  [['Authorization', 'Bearer {{token}}']],
  [['Authorization', 'Bearer {{token}}']],
  [],
  [['Authorization', 'Bearer junk']],
);

function encode(all: Part[], boundary: string, how: string, fraction: number): Buffer {
  const eol = how === 'lf-only' ? '\n' : '\r\n';
  const chunks: Buffer[] = [];
  if (how === 'preamble-epilogue') chunks.push(Buffer.from(`preamble junk${eol}`));
  for (const part of all) {
    chunks.push(
      Buffer.from(`--${boundary}${eol}`, 'latin1'),
      how === 'lf-only' ? Buffer.from(part.head.toString('latin1').replaceAll('\r\n', '\n'), 'latin1') : part.head,
      Buffer.from(eol),
    );
    chunks.push(
      how === 'boundary-in-content' ? Buffer.concat([part.content, Buffer.from(`${eol}--${boundary}`)]) : part.content,
      Buffer.from(eol),
    );
  }
  if (how !== 'no-closing-boundary') chunks.push(Buffer.from(`--${boundary}--${eol}`, 'latin1'));
  if (how === 'preamble-epilogue') chunks.push(Buffer.from('epilogue junk'));
  let body = Buffer.concat(chunks);
  if (how === 'no-closing-boundary') body = body.subarray(0, body.length - eol.length); // ends in the file's bytes
  if (how === 'truncated') body = body.subarray(0, Math.floor(body.length * fraction));
  return body;
}

/** Any request to the widget's (`widget`) or the operator's (`operator`) upload route. */
export function multipartRequest(route: 'widget' | 'operator'): fc.Arbitrary<FuzzRequest> {
  const target =
    route === 'widget'
      ? fc.constantFrom('/widget/attachments', '/widget/attachments', '/widget/attachments?siteId=x%00')
      : fc.constantFrom(
          `/chats/${ref('chatId')}/attachments`,
          `/chats/${ref('chatId')}/attachments`,
          '/chats/no-such-chat/attachments',
          '/chats/%00/attachments',
        );
  return fc
    .tuple(
      target,
      parts(route),
      framing,
      fc.double({ min: 0, max: 1, noNaN: true }),
      contentTypeOverride,
      route === 'operator' ? authHeader : fc.constant([] as [string, string][]),
      delivery,
      fc.constantFrom('length', 'length', 'length', 'chunked', 'short-length') as fc.Arbitrary<FuzzRequest['framing']>,
      fc.constantFrom('https://shop.example.test', 'null', ''),
    )
    .map(([path, all, how, fraction, override, auth, deliver, frame, origin]) => {
      const boundary = how === 'long-boundary' ? 'L'.repeat(200) : how === 'empty-boundary' ? '' : 'B';
      const bodyBoundary = how === 'wrong-boundary' ? 'C' : boundary;
      let contentType = `multipart/form-data; boundary=${boundary}`;
      if (how === 'no-boundary-param') contentType = 'multipart/form-data';
      if (how === 'duplicated-boundary-param') contentType = 'multipart/form-data; boundary=B; boundary=C';
      if (how === 'quoted-boundary') contentType = 'multipart/form-data; boundary="B"';
      const headers: [string, string][] = [...auth, ['Content-Type', override ?? contentType]];
      if (origin) headers.push(['Origin', origin]);
      return {
        label: `POST ${route === 'widget' ? '/widget/attachments' : '/chats/{chatId}/attachments'} (multipart: ${how})`,
        method: 'POST',
        target: path,
        headers,
        body: encode(all, bodyBoundary, how, fraction),
        framing: frame,
        delivery: deliver,
      };
    });
}
