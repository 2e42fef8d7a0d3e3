import stringWidth from 'string-width';

/**
 * The review's diff as a window that fits the terminal. Ink can only redraw what is still on the
 * screen: a frame taller than the terminal is cleared with the scrollback and drawn again, and
 * whatever scrolled off stays behind after Esc. A window keeps the whole review on one screen.
 */
export type PagerKey = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

/** Rows a line takes once the terminal wraps it. */
export function screenRows(line: string, columns: number): number {
  return Math.max(1, Math.ceil(stringWidth(line) / Math.max(1, columns)));
}

/** Diff lines that fit beside the rest of the review (`around` rows), never fewer than 3. */
export function pageSize(rows: number, around: number): number {
  return Math.max(3, rows - around);
}

/** The first diff line shown after a key, kept inside the diff. */
export function scrolled(top: number, key: PagerKey, page: number, total: number): number {
  const last = Math.max(0, total - page);
  const next = { up: top - 1, down: top + 1, pageUp: top - page, pageDown: top + page, home: 0, end: last }[key];
  return Math.min(last, Math.max(0, next));
}
