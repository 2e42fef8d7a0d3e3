import { realToolSuite } from './harness.js';
import { opencodeLikeSpec } from './opencode-like.js';

// No models.dev fetch: the built-in snapshot is used (docs/tools/opencode.md#caches).
realToolSuite(opencodeLikeSpec({ tool: 'opencode', label: 'OpenCode', install: 'opencode', env: { OPENCODE_DISABLE_MODELS_FETCH: '1' } }));
