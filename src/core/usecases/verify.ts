/** How long each tool's one-shot may take before verify calls it a timeout (`--timeout`). */
export const VERIFY_TIMEOUT_SECONDS = 120;

/** The one tiny prompt each tool sends. */
export const VERIFY_PROMPT = 'Reply with the single word OK.';
