import { shellWords } from '../../src/policy/shell-words';
import { requestFromKubectl } from '../../src/policy/request-info';

// POSIX shell word splitting (IEEE Std 1003.1, Shell Command Language §2.2 Quoting, §2.3 Token
// Recognition): what a command line copied from a terminal, a README or a runbook means to the shell.
describe('shellWords', () => {
  it.each<[string, string[]]>([
    // §2.2.1: a backslash-newline outside quotes is a line continuation, removed entirely.
    ['kubectl get pods \\\n  -n prod', ['kubectl', 'get', 'pods', '-n', 'prod']],
    ['kubectl get \\\npods', ['kubectl', 'get', 'pods']],
    ['get po\\\nds', ['get', 'pods']],
    // A script saved with CRLF line ends: the continuation is backslash, CR, LF.
    ['kubectl get pods \\\r\n  -n prod', ['kubectl', 'get', 'pods', '-n', 'prod']],
    // §2.2.3: inside double quotes a backslash escapes only $ ` " \ and newline; it stays before others.
    [
      'exec web-0 -- sh -c "echo \\"a\\" \\$HOME \\\\ \\n"',
      ['exec', 'web-0', '--', 'sh', '-c', 'echo "a" $HOME \\ \\n'],
    ],
    ['"a\\\nb"', ['ab']],
    // §2.2.2: nothing escapes inside single quotes.
    ["'a\\b'", ['a\\b']],
    // §2.3 rule 9: a word starting with # begins a comment running to the end of the line.
    ['kubectl get pods -n prod # all of them', ['kubectl', 'get', 'pods', '-n', 'prod']],
    ['get pods -l app=a#b', ['get', 'pods', '-l', 'app=a#b']],
    ['echo "#x" \'#y\'', ['echo', '#x', '#y']],
    // Empty quotes are a word.
    ['a "" b', ['a', '', 'b']],
  ])('%j', (text, words) => {
    expect(shellWords(text)).toEqual(words);
  });

  it('a command continued over lines is the same request as on one line', () => {
    expect(requestFromKubectl('kubectl get secrets \\\n  -n prod \\\n  -o yaml')).toEqual(
      requestFromKubectl('kubectl get secrets -n prod -o yaml'),
    );
  });
});
