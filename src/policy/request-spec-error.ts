import { echo } from './echo';

// A refusal quotes what it refuses (a resource type, a flag, a list of names, a path). Like the loader's
// echoes it stays short and shows characters that drive or fool a terminal as \uXXXX, whatever the input.
const MAX_LINE_CHARS = 1000;

/**
 * Thrown by `requestFromUrl`, `requestFromKubectl` and the identity helpers for input that does not
 * describe one API request kube-apiserver could receive; the message says what is wrong and what to write
 * (each line at most 1,000 characters, control and bidirectional characters escaped).
 */
export class RequestSpecError extends Error {
  constructor(message: string) {
    super(
      message
        .split('\n')
        .map((line) => echo(line, MAX_LINE_CHARS))
        .join('\n'),
    );
    this.name = 'RequestSpecError';
  }
}
