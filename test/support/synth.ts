import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { synthesizeApp } from '../../src/constructs/synth';

/**
 * Synthesizes an app the way `runSynth` does, into a fresh temporary directory (the App's own outdir is
 * left alone), and returns file name -> text. Throws with the validation errors when synth fails.
 */
export function synthFiles(app: App): Map<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synth-files-'));
  const outdir = app.outdir;
  try {
    Object.defineProperty(app, 'outdir', { value: dir, configurable: true, writable: true });
    const result = synthesizeApp(app, { log: () => undefined });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    return new Map(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
  } finally {
    Object.defineProperty(app, 'outdir', { value: outdir, configurable: true, writable: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
