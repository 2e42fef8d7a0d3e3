import { realToolSuite } from './harness.js';
import { opencodeLikeSpec } from './opencode-like.js';

realToolSuite(opencodeLikeSpec({ tool: 'kilo', label: 'Kilo CLI', install: 'kilo', env: { KILO_DISABLE_MODELS_FETCH: '1' } }));
