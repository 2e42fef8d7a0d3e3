/**
 * The largest config file tp-setup reads, edits or restores. Real configs are kilobytes; past
 * this size a file is refused (exit 4) instead of risking minutes of work or running out of
 * memory. Every editor stays near-linear below it (`npm run bench` measures 5 MB files).
 */
export const MAX_CONFIG_BYTES = 8 * 1024 * 1024;
