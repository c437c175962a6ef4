// Captures what the process writes to stdout and stderr, including pino's logs (written with
// fs.write / fs.writeSync on file descriptors 1 and 2, not through process.stdout), so a test can
// scan every log line for secrets. Captured output is not passed through.
import fs from 'node:fs';

type WriteSync = typeof fs.writeSync;
type Write = typeof fs.write;

export type OutputCapture = { text(): string; restore(): void };

export function captureOutput(): OutputCapture {
  const chunks: string[] = [];
  const original = { write: fs.write, writeSync: fs.writeSync, stdout: process.stdout.write, stderr: process.stderr.write };
  const isStd = (fd: unknown) => fd === 1 || fd === 2;
  const toText = (data: unknown) => (typeof data === 'string' ? data : Buffer.from(data as Uint8Array).toString('utf8'));
  const length = (data: unknown) => (typeof data === 'string' ? Buffer.byteLength(data) : (data as Uint8Array).byteLength);

  fs.writeSync = ((fd: number, data: unknown, ...rest: unknown[]) => {
    if (!isStd(fd)) return (original.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    chunks.push(toText(data));
    return length(data);
  }) as WriteSync;
  fs.write = ((fd: number, data: unknown, ...rest: unknown[]) => {
    if (!isStd(fd)) return (original.write as (...args: unknown[]) => void)(fd, data, ...rest);
    chunks.push(toText(data));
    const callback = rest.at(-1);
    if (typeof callback === 'function') process.nextTick(callback, null, length(data), data);
  }) as Write;
  const stream = (chunk: unknown, ...rest: unknown[]) => {
    chunks.push(toText(chunk));
    const callback = rest.at(-1);
    if (typeof callback === 'function') process.nextTick(callback);
    return true;
  };
  process.stdout.write = stream as typeof process.stdout.write;
  process.stderr.write = stream as typeof process.stderr.write;

  return {
    text: () => chunks.join(''),
    restore() {
      fs.write = original.write;
      fs.writeSync = original.writeSync;
      process.stdout.write = original.stdout;
      process.stderr.write = original.stderr;
    },
  };
}
