import { describe, expect, it } from 'vitest';
import { EgressAllowListError, isAllowedByList, parseEgressAllowList } from './egress-allow-list.js';

const allowed = (list: string, hostname: string, address: string, port: number) =>
  isAllowedByList(parseEgressAllowList(list), { hostname, address, port });

describe('parseEgressAllowList', () => {
  it('reads addresses, ranges, host names, each with an optional port', () => {
    const rules = parseEgressAllowList(
      ' 127.0.0.1:11434, 10.0.0.0/8 ,[::1]:8000, fd00::/8, [fd00::/8]:9000, ollama:11434, Models.Internal., 192.168.0.0/16:80,,',
    );
    expect(rules.map((r) => [r.kind, r.port])).toEqual([
      ['range', 11434],
      ['range', undefined],
      ['range', 8000],
      ['range', undefined],
      ['range', 9000],
      ['host', 11434],
      ['host', undefined],
      ['range', 80],
    ]);
    expect(rules[6]).toMatchObject({ kind: 'host', host: 'models.internal' });
  });

  it('reads an empty list as nothing allowed', () => {
    expect(parseEgressAllowList('')).toEqual([]);
    expect(parseEgressAllowList(' , ')).toEqual([]);
  });

  it.each([
    '127.0.0.1:0',
    '127.0.0.1:65536',
    '127.0.0.1:http',
    '10.0.0.0/33',
    '10.0.0.0/8/8',
    'fd00::/129',
    '::1:8000:',
    '[::1]:x',
    '2130706433',
    '127.1',
    '0x7f000001',
    'http://127.0.0.1',
    'bad_host:80',
    '*.example.com',
    '1.2.3.4.5',
  ])('refuses %s, naming it', (entry) => {
    expect(() => parseEgressAllowList(`127.0.0.1,${entry}`)).toThrow(EgressAllowListError);
    expect(() => parseEgressAllowList(entry)).toThrow(`"${entry}"`);
  });
});

describe('isAllowedByList', () => {
  it('matches an address with its port, and only that port', () => {
    expect(allowed('127.0.0.1:11434', '127.0.0.1', '127.0.0.1', 11434)).toBe(true);
    expect(allowed('127.0.0.1:11434', '127.0.0.1', '127.0.0.1', 5432)).toBe(false);
    expect(allowed('127.0.0.1:11434', '127.0.0.2', '127.0.0.2', 11434)).toBe(false);
    expect(allowed('127.0.0.1', '127.0.0.1', '127.0.0.1', 5432)).toBe(true);
  });

  it('matches a range, with or without a port', () => {
    expect(allowed('10.0.0.0/8', '10.9.8.7', '10.9.8.7', 80)).toBe(true);
    expect(allowed('10.0.0.0/8', '11.0.0.1', '11.0.0.1', 80)).toBe(false);
    expect(allowed('10.0.0.0/8:8000', '10.1.1.1', '10.1.1.1', 8001)).toBe(false);
    expect(allowed('[fd00::/8]:9000', 'fd12::1', 'fd12::1', 9000)).toBe(true);
    expect(allowed('fd00::/8', 'fe80::1', 'fe80::1', 9000)).toBe(false);
  });

  it('matches an IPv4-mapped IPv6 address against an IPv4 rule, and never an IPv6 rule against an IPv4 address', () => {
    expect(allowed('127.0.0.1:11434', '::ffff:127.0.0.1', '::ffff:127.0.0.1', 11434)).toBe(true);
    expect(allowed('::1', '127.0.0.1', '127.0.0.1', 80)).toBe(false);
  });

  it('matches a host name as written in the URL (any case, a trailing dot), whatever it resolves to', () => {
    expect(allowed('ollama:11434', 'OLLAMA.', '172.18.0.5', 11434)).toBe(true);
    expect(allowed('ollama:11434', 'ollama', '172.18.0.5', 11435)).toBe(false);
    expect(allowed('ollama', 'ollama.evil.example', '172.18.0.5', 80)).toBe(false);
    // A host rule is about the name: the address alone never matches it.
    expect(allowed('ollama', '172.18.0.5', '172.18.0.5', 80)).toBe(false);
  });
});
