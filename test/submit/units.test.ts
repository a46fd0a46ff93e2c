import { describe, expect, it } from 'vitest';
import { endpointUrl } from '../../src/submit/inbox-url.js';
import {
  backoffDelay,
  describeErrorBody,
  isLoopbackHost,
  normalizeInboxUrl,
  parseRetryAfter,
} from '../../src/submit/index.js';
import { redactSecrets } from '../../src/submit/redact.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  it.each([
    ['0', 0],
    ['3', 3000],
    [' 120 ', 120_000],
    ['Wed, 01 May 2024 12:00:10 GMT', 10_000],
    ['Wed, 01 May 2024 11:00:00 GMT', 0],
  ])('reads %j', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });

  it.each([undefined, '', 'soon', '-1', '1.5'])('ignores %j', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });

  it('reads the first of repeated headers', () => {
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
  });
});

describe('backoffDelay', () => {
  it('doubles from one second with equal jitter and a cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 15000, 15000,
    ]);
    expect([0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, 1))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(backoffDelay(1000, 0.5)).toBe(22500);
  });
});

describe('describeErrorBody', () => {
  it.each([
    ['{"reason":"Chat exists"}', 'Chat exists'],
    ['{"detail":"Not found."}', 'Not found.'],
    ['{"non_field_errors":["A","B"]}', 'A; B'],
    [
      '{"chat_text":["This field is required."],"utc_offset_minutes":["A valid integer is required."]}',
      'chat_text: This field is required.; utc_offset_minutes: A valid integer is required.',
    ],
    [
      '{"media_files":[{},{"b64_content":["Invalid."],"file_name":["Bad."]}]}',
      'media_files[1].b64_content: Invalid.; media_files[1].file_name: Bad.',
    ],
    ['{"chat_participants":{"non_field_errors":["Too many."]}}', 'chat_participants: Too many.'],
    ['{"media_files":{"0":{"mime_type":["Bad."]}}}', 'media_files.0.mime_type: Bad.'],
    ['{"x_field":["m"],"reason":"first"}', 'first; x_field: m'],
    ['["just","a list"]', 'just; a list'],
    ['"a string"', 'a string'],
    ['{"count":3}', 'count: 3'],
    ['', ''],
    ['  <h1>Bad   Gateway</h1>\n', '<h1>Bad Gateway</h1>'],
  ])('describes %s', (body, expected) => {
    expect(describeErrorBody(body)).toBe(expected);
  });

  it('shortens long bodies', () => {
    expect(describeErrorBody('x'.repeat(1000))).toHaveLength(201);
    expect(describeErrorBody(JSON.stringify({ reason: 'y'.repeat(5000) }))).toHaveLength(2001);
  });
});

describe('inbox URLs', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['[::1]', true],
    ['127.0.0.256', false],
    ['127.0.0', false],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['[::2]', false],
  ])('isLoopbackHost(%s) is %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it.each([
    ['https://Inbox.Example.com', 'https://inbox.example.com'],
    ['https://inbox.example.com:443/', 'https://inbox.example.com'],
    ['https://inbox.example.com:8443//', 'https://inbox.example.com:8443'],
    ['http://127.0.0.1:80/Inbox/', 'http://127.0.0.1/Inbox'],
  ])('normalizes %s', (url, normal) => {
    expect(normalizeInboxUrl(url)).toBe(normal);
  });

  it('builds endpoint URLs below a path prefix', () => {
    expect(endpointUrl(new URL('https://a.example/x/'), '/api/v1/chat_import/').href).toBe(
      'https://a.example/x/api/v1/chat_import/',
    );
    expect(endpointUrl(new URL('https://a.example'), '/api/v1/auth/token/').href).toBe(
      'https://a.example/api/v1/auth/token/',
    );
  });
});

describe('redactSecrets', () => {
  it('removes plain, URL-encoded and JSON-escaped spellings', () => {
    expect(redactSecrets('a s3cr/t"x b', ['s3cr/t"x'])).toBe('a [redacted] b');
    expect(redactSecrets('?p=s3cr%2Ft%22x', ['s3cr/t"x'])).toBe('?p=[redacted]');
    expect(redactSecrets('{"p":"s3cr/t\\"x"}', ['s3cr/t"x'])).toBe('{"p":"[redacted]"}');
    expect(redactSecrets('abc', ['ab'])).toBe('abc');
  });
});
