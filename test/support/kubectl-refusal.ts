import { kubectlRequest, RequestSpecError } from '../../src/policy/request-info';

/** The message kubectlRequest refuses `cmd` with (a RequestSpecError); fails the test when it answers instead. */
export function kubectlRefusal(cmd: string): string {
  try {
    kubectlRequest(cmd);
  } catch (err) {
    expect(err).toBeInstanceOf(RequestSpecError);
    return (err as Error).message;
  }
  throw new Error(`"${cmd}" was answered`);
}
