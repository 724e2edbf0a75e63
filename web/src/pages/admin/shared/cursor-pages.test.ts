import { describe, expect, it } from 'vitest';
import { currentCursor, firstPage, nextPage, previousPage, shownRange, withPageSize } from './cursor-pages.ts';

describe('cursor pages', () => {
  it('starts on the first page with no cursor', () => {
    const pages = firstPage(10);
    expect(currentCursor(pages)).toBeUndefined();
    expect(pages.index).toBe(0);
  });

  it('goes forward with the next cursor and back to the cursor seen before', () => {
    let pages = nextPage(firstPage(10), 'c2');
    pages = nextPage(pages, 'c3');
    expect(currentCursor(pages)).toBe('c3');
    pages = previousPage(pages);
    expect(currentCursor(pages)).toBe('c2');
    pages = previousPage(previousPage(pages));
    expect(pages.index).toBe(0);
    expect(currentCursor(pages)).toBeUndefined();
  });

  it('stays on the last page when there is no next cursor', () => {
    const pages = nextPage(firstPage(10), 'c2');
    expect(nextPage(pages, null)).toBe(pages);
  });

  it('forgets pages after the current one when it branches', () => {
    let pages = nextPage(nextPage(firstPage(10), 'c2'), 'c3');
    pages = nextPage(previousPage(pages), 'c3b');
    expect(pages.cursors).toEqual([undefined, 'c2', 'c3b']);
  });

  it('restarts from the first page when the page size changes', () => {
    const pages = withPageSize(nextPage(firstPage(10), 'c2'), 50);
    expect(pages).toEqual(firstPage(50));
  });

  it('tells the range of rows shown', () => {
    const pages = nextPage(firstPage(20), 'c2');
    expect(shownRange(pages, 20)).toEqual({ from: 21, to: 40 });
    expect(shownRange(pages, 3)).toEqual({ from: 21, to: 23 });
    expect(shownRange(firstPage(20), 0)).toEqual({ from: 0, to: 0 });
  });
});
