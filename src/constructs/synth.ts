import * as fs from 'fs';
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { Document, isScalar, parse, visit } from 'yaml';
import { collectWarnings } from './warnings';

/** The file extension cdk8s uses for manifests. */
export const MANIFEST_EXTENSION = '.k8s.yaml';

/** Returns a deep copy with every object's keys sorted (arrays keep their order). */
export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** True when a YAML 1.1 or 1.2 reader would take the plain scalar for something other than this string. */
function isAmbiguousPlainScalar(text: string): boolean {
  try {
    return (
      parse(text, { version: '1.1', logLevel: 'silent' }) !== text ||
      parse(text, { version: '1.2', logLevel: 'silent' }) !== text
    );
  } catch {
    return true;
  }
}

/**
 * Canonical YAML for Kubernetes objects: sorted keys, no line folding, and every string that a
 * YAML 1.1 reader (`no`, `on`, `y`, `0o7` ...) or 1.2 reader could misread double-quoted.
 */
export function renderManifestYaml(objects: readonly unknown[]): string {
  return objects
    .map((object) => {
      const doc = new Document(sortKeysDeep(object), { version: '1.2' });
      visit(doc, {
        Scalar(_key, node) {
          if (isScalar(node) && typeof node.value === 'string' && isAmbiguousPlainScalar(node.value)) {
            node.type = 'QUOTE_DOUBLE';
          }
        },
      });
      return doc.toString({ lineWidth: 0, minContentWidth: 0 });
    })
    .join('---\n');
}

/** The outcome of rendering an app: file name -> YAML, plus the construct warnings. */
export interface RenderedApp {
  readonly files: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

/** Thrown when an app fails validation; the message lists every problem with its construct path. */
export class SynthValidationError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'SynthValidationError';
  }
}

/**
 * Validates the whole app (every `node.addValidation`) and renders one canonical YAML file per
 * chart (`<chart id>.k8s.yaml`), without touching the file system.
 */
export function renderApp(app: App, options: { failOnWarnings?: boolean } = {}): RenderedApp {
  try {
    // synthYaml resolves dependencies and runs every construct's validations before rendering.
    app.synthYaml();
  } catch (error) {
    throw new SynthValidationError((error as Error).message);
  }
  const warnings = collectWarnings(app);
  if (options.failOnWarnings && warnings.length > 0) {
    throw new SynthValidationError(
      `Validation failed (failOnWarnings) with the following warnings:\n  ${warnings.join('\n  ')}`,
    );
  }
  const files = new Map<string, string>();
  for (const chart of app.charts) {
    const name = `${chart.node.id || 'chart'}${MANIFEST_EXTENSION}`;
    if (files.has(name))
      throw new SynthValidationError(`two charts would both write ${name}: give them distinct ids`);
    files.set(name, renderManifestYaml(Object.values(chart.toJson())));
  }
  return { files, warnings };
}

/** Writes rendered files into a directory, replacing stale manifests; each file is swapped in atomically. */
export function writeManifests(files: ReadonlyMap<string, string>, outdir: string): string[] {
  fs.mkdirSync(outdir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(outdir, '.staging-'));
  const written: string[] = [];
  try {
    for (const [name, text] of files) fs.writeFileSync(path.join(staging, name), text);
    for (const name of files.keys()) {
      fs.renameSync(path.join(staging, name), path.join(outdir, name));
      written.push(path.join(outdir, name));
    }
    for (const entry of fs.readdirSync(outdir)) {
      if (entry.endsWith(MANIFEST_EXTENSION) && !files.has(entry)) fs.rmSync(path.join(outdir, entry));
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return written;
}

/** Options of {@link synthesizeApp}. */
export interface SynthesizeOptions {
  /**
   * Directories to write the manifests to.
   * @default - ['dist'], plus CDK8S_OUTDIR when `cdk8s synth` sets it
   */
  readonly outdirs?: readonly string[];
  /**
   * Treat construct warnings as errors.
   * @default false
   */
  readonly failOnWarnings?: boolean;
  /**
   * Where warnings and written files are reported.
   * @default - process.stderr
   */
  readonly log?: (line: string) => void;
}

/**
 * Validates and renders the app, and only then writes the manifests: a failed validation writes
 * nothing, so the committed `dist/` stays as it was.
 */
export function synthesizeApp(app: App, options: SynthesizeOptions = {}): string[] {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const rendered = renderApp(app, { failOnWarnings: options.failOnWarnings });
  for (const warning of rendered.warnings) log(`warning: ${warning}`);
  const outdirs = options.outdirs ?? defaultOutdirs();
  const written: string[] = [];
  for (const outdir of outdirs) written.push(...writeManifests(rendered.files, outdir));
  for (const file of written) log(`wrote ${path.relative(process.cwd(), file) || file}`);
  return written;
}

function defaultOutdirs(): string[] {
  const dirs = [path.resolve('dist')];
  const cli = process.env.CDK8S_OUTDIR;
  if (cli && path.resolve(cli) !== dirs[0]) dirs.push(path.resolve(cli));
  return dirs;
}

/**
 * Entry point for a cdk8s app file: builds the app, synthesizes it with {@link synthesizeApp}, and
 * turns a failure into a message and exit code 1 (no stack trace).
 */
export function runSynth(build: () => App, options: SynthesizeOptions = {}): void {
  try {
    synthesizeApp(build(), options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`synth failed, nothing was written:\n${message}\n`);
    process.exitCode = 1;
  }
}

/** Convenience for tests and tools: the rendered YAML of one chart. */
export function renderChart(chart: Chart): string {
  return renderManifestYaml(Object.values(chart.toJson()));
}
