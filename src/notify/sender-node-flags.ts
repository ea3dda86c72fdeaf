/**
 * Node flags of the sender process. V8 sizes its young generation from the machine's memory and
 * let it grow to 64 MB twice over in a wave, while fewer than 40 MB of the heap were live: capped
 * at 8 MB, a 20,000-message wave peaked at 177 MB resident instead of 204, for no more CPU. V8
 * reads it only at start, so it is a command-line flag, not something the sender could set itself.
 */
export const SENDER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];
