import { Box, Text } from 'ink';

/** Ctrl+C arrives as a key: the flow decides (leave now, or let a started run finish first). */
export const SPLASH_OPTIONS = { exitOnCtrlC: false, patchConsole: false } as const;

/** What the terminal shows while the rest of the wizard (commands, editors, views) loads. */
export function Splash({ title, detecting }: { readonly title: string; readonly detecting: string }) {
  return (
    <Box flexDirection="column">
      <Text bold>{title}</Text>
      <Text dimColor>{detecting}</Text>
    </Box>
  );
}
