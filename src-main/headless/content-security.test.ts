import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from './http-helpers';
import { FRAME_ANCESTORS, HEADER_POLICY, PAGE_POLICY } from '../transport/content-security';

const metaPolicy = (): string | undefined =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(
    readFileSync(resolve(__dirname, '../../src-renderer/index.html'), 'utf8'),
  )?.[1];

describe('the content security policy', () => {
  it('index.html carries the page policy without frame-ancestors (a <meta> cannot)', () => {
    expect(metaPolicy()).toBe(PAGE_POLICY);
    expect(metaPolicy()).not.toContain('frame-ancestors');
  });

  it('the headless server sends the whole policy, frame-ancestors included, as a header', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(HEADER_POLICY);
    expect(HEADER_POLICY.endsWith(FRAME_ANCESTORS)).toBe(true);
  });
});
