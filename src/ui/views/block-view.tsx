import { Box, Text } from 'ink';
import type { Block } from '../store.js';

function DiffLine({ line }: { readonly line: string }) {
  // The +/- stays in the text: colour only repeats what the sign already says.
  if (line.startsWith('+') && !line.startsWith('+++')) return <Text color="green">{line}</Text>;
  if (line.startsWith('-') && !line.startsWith('---')) return <Text color="red">{line}</Text>;
  if (line.startsWith('@@')) return <Text color="cyan">{line}</Text>;
  return <Text>{line}</Text>;
}

/** One finished piece of the transcript; printed once and kept after exit. */
export function BlockView({ block }: { readonly block: Block }) {
  switch (block.kind) {
    case 'title':
      return <Text bold>{block.text}</Text>;
    case 'diff':
      return (
        <Box flexDirection="column">
          {/* The "=====" rule between files says nothing the +++ line does not, and wraps in narrow terminals. */}
          {block.text.split('\n').filter((line) => !/^=+$/.test(line)).map((line, i) => (
            <DiffLine key={i} line={line} />
          ))}
        </Box>
      );
    case 'error':
      return <Text color="red">{block.text}</Text>;
    case 'progress':
    case 'note':
      return <Text dimColor>{block.text}</Text>;
    case 'answers':
    case 'text':
      return <Text>{block.text}</Text>;
  }
}
