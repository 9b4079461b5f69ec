import { describe, expect, it } from 'vitest';
import {
  answersInJson,
  badRequestJson,
  bodyKind,
  failureHtml,
  failureJson,
  failureLogLine,
  failureStatus,
  formProblem,
  hasControlCharacter,
  jsonTextProblem,
  namesAction,
} from './boundary';
import { escapeHtml } from './escape';
import { SearchUnavailableError } from '~/lib/search/search-backend';

const requestId = '5d0c3a52-8f7e-4b1a-9c36-2e4f7a1b9d80';

describe('reading an action body', () => {
  it.each([
    ['{"lines":[', 'malformed'],
    ['{"a":1', 'malformed'],
    ['nul', 'malformed'],
    ["{'a':1}", 'malformed'],
    ['{"fairId":"\\u0000"}', 'controlCharacter'],
    ['{"lines":[{"productId":"a\\u0007"}]}', 'controlCharacter'],
    ['{"\\u0000":1}', 'controlCharacter'],
  ])('refuses %j as %s', (text, problem) => expect(jsonTextProblem(text)).toBe(problem));

  it.each([
    '{"a":1}',
    '[]',
    '"text with\\ttab and\\nnew line"',
    '{"__proto__":{"x":1}}',
    '{"a":"\\u200b\\u202e"}',
    '',
  ])('lets %j through for the schema to judge', (text) => expect(jsonTextProblem(text)).toBeNull());

  it('refuses a form field or name with a control character, not ordinary text', () => {
    expect(formProblem([['bookingId', 'abc\u0000']])).toBe('controlCharacter');
    expect(formProblem([['a\u001b', 'x']])).toBe('controlCharacter');
    expect(formProblem([['note', 'Hai dòng\r\nvà một tab\t.']])).toBeNull();
  });

  it('knows which control characters no form text carries', () => {
    expect(hasControlCharacter('\u0000')).toBe(true);
    expect(hasControlCharacter('\u007f')).toBe(true);
    expect(hasControlCharacter('Bến Tre\n')).toBe(false);
  });

  it('reads the kind of body from its content type', () => {
    expect(bodyKind('application/json; charset=utf-8')).toBe('json');
    expect(bodyKind('Application/X-WWW-Form-Urlencoded')).toBe('form');
    expect(bodyKind('multipart/form-data; boundary=x')).toBe('multipart');
    expect(bodyKind('text/plain')).toBe('other');
    expect(bodyKind(null)).toBe('none');
  });

  it('answers a refused body with a plain message in the shape the action client reads', () => {
    expect(JSON.parse(badRequestJson('malformed'))).toMatchObject({ code: 'BAD_REQUEST', status: 400 });
  });
});

describe('a failure on our side', () => {
  it('answers JSON for the API, actions and .json routes, a page elsewhere', () => {
    expect(answersInJson('/api/search')).toBe(true);
    expect(answersInJson('/_actions/fairs.holdBooth')).toBe(true);
    expect(answersInJson('/en/fairs/hoi-cho/states.json')).toBe(true);
    expect(answersInJson('/en/fairs/hoi-cho')).toBe(false);
  });

  it('gives JSON with the request id and nothing else', () => {
    const body = JSON.parse(failureJson({ status: 500, requestId }));
    expect(body).toEqual({
      type: 'AstroActionError',
      code: 'INTERNAL_SERVER_ERROR',
      status: 500,
      message: `Something went wrong on our side (request ${requestId}).`,
      requestId,
    });
    expect(JSON.parse(failureJson({ status: 503, requestId })).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('gives a plain page in the page language with the request id', () => {
    const vi = failureHtml({ status: 500, requestId }, 'vi');
    expect(vi).toContain('<html lang="vi">');
    expect(vi).toContain('Đã có lỗi từ phía chúng tôi');
    expect(vi).toContain(requestId);
    expect(vi).toContain('href="/"');
    const en = failureHtml({ status: 503, requestId }, 'en');
    expect(en).toContain('Service temporarily unavailable');
    expect(en).toContain('href="/en/"');
    expect(en).not.toMatch(/Dịch vụ/);
  });

  it('logs the details for us: request id, method, path and the error', () => {
    const line = failureLogLine(
      requestId,
      'POST',
      '/_actions/x',
      new Error('relation "booth" does not exist'),
    );
    expect(line).toContain(`[request ${requestId}] POST /_actions/x failed:`);
    expect(line).toContain('relation "booth" does not exist');
  });

  it('escapes HTML', () =>
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
});

describe('naming an action', () => {
  const tree = { fairs: { holdBooth: () => 1 }, checkout: { quote: () => 1 } };

  it('finds an action by its dotted name', () => {
    expect(namesAction(tree, 'fairs.holdBooth')).toBe(true);
    expect(namesAction(tree, 'fairs%2EholdBooth'.replace('%2E', '.'))).toBe(true);
  });

  it('finds it with the trailing slash Astro’s own client sends (/_actions/checkout.quote/)', () => {
    expect(namesAction(tree, 'checkout.quote/')).toBe(true);
    expect(namesAction(tree, 'checkout.quote//')).toBe(false);
  });

  it.each([
    'fairs',
    'nope',
    'fairs.nope',
    'fairs.__proto__',
    'checkout.constructor',
    '__proto__.toString',
    'fairs.holdBooth.x',
    '%E0%A4%A',
    'fairs/holdBooth',
    '',
  ])('refuses %j', (name) => expect(namesAction(tree, name)).toBe(false));
});

describe('the status of a failure', () => {
  const query = (cause: object) => Object.assign(new Error('Failed query: select 1'), { cause });

  it('is 503 while the database or search is down, so the visitor is told to retry', () => {
    expect(failureStatus(query({ code: 'ECONNREFUSED' }))).toBe(503);
    expect(failureStatus(query({ code: '57P01', message: 'terminating connection' }))).toBe(503);
    expect(failureStatus(new SearchUnavailableError('unreachable', 'Meilisearch unreachable'))).toBe(503);
  });

  it('is 500 for a fault of our own', () => {
    expect(failureStatus(new TypeError('x is undefined'))).toBe(500);
    expect(failureStatus(query({ code: '42703' }))).toBe(500);
  });
});
