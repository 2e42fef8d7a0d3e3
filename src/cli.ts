#!/usr/bin/env node
// Kept to syntax every Node since 12 parses, so an old Node gets this message rather than a crash.
const MIN = [20, 17];
const parts = process.versions.node.split('.').map(Number);
const major = parts[0] ?? 0;
const minor = parts[1] ?? 0;
if (major < MIN[0]! || (major === MIN[0] && minor < MIN[1]!)) {
  process.stderr.write(
    `tp-setup needs Node.js ${MIN.join('.')} or newer; this is ${process.versions.node}.\n` +
      'Install a current Node.js (https://nodejs.org) and run it again.\n',
  );
  process.exit(1);
}

// Ink's colour library ignores NO_COLOR and fixes its level at import: decide before loading it.
const args = process.argv.slice(2);
if (process.env.NO_COLOR || args.includes('--no-color') || args.includes('--json') || process.env.TERM === 'dumb') {
  process.env.FORCE_COLOR = '0';
}

const { main } = await import('./main.js');
process.exitCode = await main(args);
