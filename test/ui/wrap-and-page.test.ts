import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { pageSize, scrolled } from '../../src/ui/diff-pager.js';
import { wrapText } from '../../src/ui/wrap-text.js';

describe('transcript lines cut to the terminal', () => {
  const runId = '20261202T090711Z-54a0';

  it('a path wider than the terminal is cut after a slash, never inside the run id', () => {
    const line = `  ~/.local/state/tp-setup/backups/${runId}/manifest.json`;
    for (const columns of [26, 30, 40, 44, 50]) {
      const pieces = wrapText(line, columns);
      expect(pieces.every((p) => stringWidth(p) <= columns), `${columns}: ${pieces.join('|')}`).toBe(true);
      expect(pieces.some((p) => p.includes(runId)), `${columns}: ${pieces.join('|')}`).toBe(true);
      expect(pieces.map((p) => p.trimStart()).join('')).toBe(line.trimStart());
      expect(pieces.every((p) => p.startsWith('  '))).toBe(true);
    }
  });

  it('words wrap at spaces and keep the indentation; a line that fits is untouched', () => {
    expect(wrapText('  Undo this run with: tp-setup restore ' + runId, 40)).toEqual(['  Undo this run with: tp-setup restore', `  ${runId}`]);
    expect(wrapText('short line', 80)).toEqual(['short line']);
  });

  it('a word with no slash wider than the room is still cut, so nothing runs off the screen', () => {
    const pieces = wrapText('x'.repeat(50), 20);
    expect(pieces).toEqual(['x'.repeat(20), 'x'.repeat(20), 'x'.repeat(10)]);
  });

  it('Chinese text counts two columns a character', () => {
    const pieces = wrapText('备份和改动的键列表：~/.local/state/tp-setup/backups/' + runId, 30);
    expect(pieces.every((p) => stringWidth(p) <= 30), pieces.join('|')).toBe(true);
    expect(pieces.some((p) => p.includes(runId))).toBe(true);
  });
});

describe('the review diff pager', () => {
  it('the page is what the terminal has left beside the review, at least three lines', () => {
    expect(pageSize(32, 12)).toBe(20);
    expect(pageSize(10, 12)).toBe(3);
  });

  it('keys move the window and never past either end', () => {
    expect(scrolled(0, 'down', 10, 35)).toBe(1);
    expect(scrolled(0, 'up', 10, 35)).toBe(0);
    expect(scrolled(0, 'pageDown', 10, 35)).toBe(10);
    expect(scrolled(20, 'pageDown', 10, 35)).toBe(25);
    expect(scrolled(25, 'down', 10, 35)).toBe(25);
    expect(scrolled(25, 'pageUp', 10, 35)).toBe(15);
    expect(scrolled(7, 'end', 10, 35)).toBe(25);
    expect(scrolled(7, 'home', 10, 35)).toBe(0);
    // A diff shorter than the page does not move.
    expect(scrolled(0, 'pageDown', 10, 4)).toBe(0);
  });
});
