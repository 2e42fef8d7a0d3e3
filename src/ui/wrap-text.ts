import stringWidth from 'string-width';

/**
 * A transcript line cut to the terminal's width at spaces, and inside a path only after a `/`.
 * The terminal (and Ink) would cut a path anywhere, splitting a run id such as
 * `20261202T090711Z-54a0` that a person then copies into `tp-setup restore` in two pieces.
 * Continuation lines keep the line's own indentation.
 */
export function wrapText(line: string, columns: number): string[] {
  if (columns < 16 || stringWidth(line) <= columns) return [line];
  const indent = /^ */.exec(line)![0];
  const room = columns - indent.length;
  const out: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current !== '') out.push(indent + current);
    current = '';
  };
  for (const word of line.slice(indent.length).split(' ')) {
    const joined = current === '' ? word : `${current} ${word}`;
    if (stringWidth(joined) <= room) {
      current = joined;
      continue;
    }
    flush();
    for (const piece of pathPieces(word, room)) {
      if (current !== '' && stringWidth(current + piece) > room) flush();
      current += piece;
    }
  }
  flush();
  return out;
}

/** A word in pieces no wider than `room`: whole if it fits, else split after each `/`, else hard. */
function pathPieces(word: string, room: number): string[] {
  if (stringWidth(word) <= room) return [word];
  const pieces = word.split(/(?<=\/)/);
  return pieces.flatMap((piece) => {
    if (stringWidth(piece) <= room) return [piece];
    const hard: string[] = [];
    let part = '';
    for (const ch of piece) {
      if (stringWidth(part + ch) > room) {
        hard.push(part);
        part = '';
      }
      part += ch;
    }
    return part === '' ? hard : [...hard, part];
  });
}
