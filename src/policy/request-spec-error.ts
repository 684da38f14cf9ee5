/**
 * Thrown by `requestFromUrl`, `requestFromKubectl` and the identity helpers for input that does not
 * describe one API request kube-apiserver could receive; the message says what is wrong and what to write.
 */
export class RequestSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestSpecError';
  }
}
