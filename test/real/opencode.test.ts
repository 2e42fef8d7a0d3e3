import { realToolSuite } from './harness.js';
import { opencodeLikeSpec } from './opencode-like.js';

// No models.dev fetch: the built-in snapshot is used (tools.md §4.1).
realToolSuite(opencodeLikeSpec({ tool: 'opencode', label: 'OpenCode', install: 'opencode', env: { OPENCODE_DISABLE_MODELS_FETCH: '1' } }));
