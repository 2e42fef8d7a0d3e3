import xterm from '@xterm/headless';

/**
 * What a person's terminal holds after a run: the raw output replayed through a terminal emulator
 * of the same size, scrollback included. A screen-scraping test of the plain text cannot tell an
 * erased frame from one left in the scrollback; this can.
 */
export async function terminalLines(raw: string, cols: number, rows: number): Promise<string[]> {
  const term = new xterm.Terminal({ cols, rows, scrollback: 10_000, allowProposedApi: true });
  await new Promise<void>((resolve) => term.write(raw.replace(/\r?\n/g, '\r\n').replace(/\r\r\n/g, '\r\n'), resolve));
  const buffer = term.buffer.active;
  const out: string[] = [];
  for (let i = 0; i < buffer.length; i++) out.push(buffer.getLine(i)?.translateToString(true) ?? '');
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  term.dispose();
  return out;
}
