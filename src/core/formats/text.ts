/** Facts about a file's text that edits must respect: BOM, line endings, indentation. */
import detectIndent from 'detect-indent';
import type { ParseError } from './types.js';

export const BOM = '\uFEFF';

export type Eol = '\n' | '\r\n';

export function splitBom(text: string): { bom: string; body: string } {
  return text.startsWith(BOM) ? { bom: BOM, body: text.slice(1) } : { bom: '', body: text };
}

/** The line ending most lines use; a file with none (or a tie) gets '\n'. */
export function detectEol(text: string): Eol {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** One level of indentation as the file writes it; files without any get two spaces. */
export function detectIndentUnit(text: string): string {
  const { indent } = detectIndent(text);
  return indent === '' ? '  ' : indent;
}

/** 1-based line and column; columns count UTF-16 code units, like the offset. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < clamped; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: clamped - lineStart + 1 };
}

export function parseErrorAt(body: string, offset: number, message: string): ParseError {
  return { message, offset, ...offsetToLineColumn(body, offset) };
}
