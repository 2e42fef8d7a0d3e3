/** What every single-file esbuild pass of the build shares: minified ES modules for Node 20.17 and later. */
export const SINGLE_FILE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.17',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};
