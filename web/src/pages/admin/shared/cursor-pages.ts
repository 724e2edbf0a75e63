/**
 * Cursor paging as the admin lists show it: the server gives `nextCursor`; the client keeps the cursor of every
 * page it has visited so "上一页" goes back without the server knowing page numbers.
 */
export type CursorPages = {
  /** The cursor of each visited page; the first page has none. */
  cursors: (string | undefined)[];
  /** Index of the page shown, from 0. */
  index: number;
  pageSize: number;
};

/** The first page of a list. */
export function firstPage(pageSize = 20): CursorPages {
  return { cursors: [undefined], index: 0, pageSize };
}

/** The cursor of the page shown. */
export function currentCursor(pages: CursorPages): string | undefined {
  return pages.cursors[pages.index];
}

/** Moves to the next page, remembering its cursor; unchanged when there is no next page. */
export function nextPage(pages: CursorPages, nextCursor: string | null | undefined): CursorPages {
  if (!nextCursor) return pages;
  const cursors = pages.cursors.slice(0, pages.index + 1);
  cursors.push(nextCursor);
  return { ...pages, cursors, index: pages.index + 1 };
}

/** Moves to the previous page; unchanged on the first. */
export function previousPage(pages: CursorPages): CursorPages {
  return pages.index === 0 ? pages : { ...pages, index: pages.index - 1 };
}

/** A new page size starts again from the first page. */
export function withPageSize(pages: CursorPages, pageSize: number): CursorPages {
  return pageSize === pages.pageSize ? pages : firstPage(pageSize);
}

/** The range of rows shown, for "第 21–40 条". */
export function shownRange(pages: CursorPages, rowsOnPage: number): { from: number; to: number } {
  const from = rowsOnPage === 0 ? 0 : pages.index * pages.pageSize + 1;
  return { from, to: rowsOnPage === 0 ? 0 : from + rowsOnPage - 1 };
}
