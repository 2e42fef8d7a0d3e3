import { Box, Text, useStdout } from 'ink';
import stringWidth from 'string-width';
import type { Block } from '../store.js';
import { wrapText } from '../wrap-text.js';

/**
 * A diff line cut to the terminal's width by hand, each piece under the line's own sign: when the
 * terminal wraps it, a continued `+` line would read as context.
 */
export function wrapDiffLine(line: string, columns: number): string[] {
  const sign = /^[+\- ]/.test(line) && !/^(\+\+\+|---) /.test(line) ? line[0]! : '';
  if (sign === '' || columns < 8 || stringWidth(line) <= columns) return [line];
  const pieces: string[] = [];
  let piece = '';
  for (const ch of line.slice(1)) {
    if (stringWidth(piece + ch) > columns - 1) {
      pieces.push(sign + piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece !== '') pieces.push(sign + piece);
  return pieces;
}

/** A masked diff as the lines the terminal shows: no "=====" rules, long lines cut under their sign. */
export function diffScreenLines(text: string, columns: number): string[] {
  // The "=====" rule between files says nothing the +++ line does not, and wraps in narrow terminals.
  return text
    .split('\n')
    .filter((line) => !/^=+$/.test(line))
    .flatMap((line) => wrapDiffLine(line, columns));
}

export function DiffLine({ line }: { readonly line: string }) {
  // The +/- stays in the text: colour only repeats what the sign already says.
  if (line.startsWith('+') && !line.startsWith('+++')) return <Text color="green">{line}</Text>;
  if (line.startsWith('-') && !line.startsWith('---')) return <Text color="red">{line}</Text>;
  if (line.startsWith('@@')) return <Text color="cyan">{line}</Text>;
  return <Text>{line}</Text>;
}

function wrapped(text: string, columns: number): string {
  return text
    .split('\n')
    .flatMap((line) => wrapText(line, columns))
    .join('\n');
}

/** One finished piece of the transcript; printed once and kept after exit. */
export function BlockView({ block }: { readonly block: Block }) {
  const columns = useStdout().stdout.columns || 80;
  switch (block.kind) {
    case 'title':
      return <Text bold>{block.text}</Text>;
    case 'diff':
      return (
        <Box flexDirection="column">
          {diffScreenLines(block.text, columns).map((line, i) => (
              <DiffLine key={i} line={line} />
            ))}
        </Box>
      );
    case 'error':
      return <Text color="red">{wrapped(block.text, columns)}</Text>;
    case 'progress':
    case 'note':
      return <Text dimColor>{wrapped(block.text, columns)}</Text>;
    case 'answers':
    case 'text':
      return <Text>{wrapped(block.text, columns)}</Text>;
  }
}
