import { describe, expect, it } from 'vitest';
import { pageFor } from './web-app.ts';

describe('web pages', () => {
  it.each([
    ['/portal', 'portal.html'],
    ['/portal/', 'portal.html'],
    ['/portal/city/proposals/abc', 'portal.html'],
    ['/portals', 'index.html'],
    ['/', 'index.html'],
    ['/office/publication', 'index.html'],
    ['/proposals/portal', 'index.html'],
  ])('%s opens %s', (path, page) => {
    expect(pageFor(path)).toBe(page);
  });
});
