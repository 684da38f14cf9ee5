import * as fs from 'fs';
import * as path from 'path';
import { ApiObject, App } from 'cdk8s';
import { IConstruct } from 'constructs';
import { misreadStrings } from './manifest-scalars';
import { isEarlierSynthManifest } from './stale-manifest';
import { shapeOf } from '../policy/arguments';
import { collectWarnings, onWarnings, WarningHandler } from './warnings';

/** A deep copy with every object's keys sorted (arrays keep their order). */
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

/**
 * Makes an ApiObject's manifest canonical: keys sorted at every depth, and (at synth) no string that cdk8s's
 * YAML writer would leave unquoted for go-yaml to misread (see manifest-scalars.ts). cdk8s sorts the keys of a
 * plain ApiObject, but a generated class re-emits its spec in schema order: sorting keeps the committed
 * manifests from reordering when the classes are regenerated from a newer CRD.
 */
export function canonicalManifest<T extends ApiObject>(object: T): T {
  const toJson = object.toJson.bind(object);
  object.toJson = () => sortKeysDeep(toJson());
  object.node.addValidation({
    validate: () =>
      misreadStrings(object.toJson()).map(
        (m) =>
          `${object.kind}/${object.name}: ${m.path.slice(1)}: ${JSON.stringify(m.value)} is written unquoted by ` +
          `cdk8s's YAML writer, and kubectl, Argo CD and kube-apiserver (go-yaml) read it as ${m.readAs}. ` +
          'Fix: use another value (the cluster would receive a number, not this string)',
      ),
  });
  return object;
}

/**
 * The validation errors of every construct in the app, as cdk8s reports them (`[path] message`), without
 * writing anything. A validation that throws is a bug and propagates with its stack trace.
 */
export function validateApp(app: IConstruct): string[] {
  const errors: string[] = [];
  for (const child of app.node.findAll()) {
    for (const error of child.node.validate()) errors.push(`[${child.node.path}] ${error}`);
  }
  return errors;
}

/** Options of {@link runSynth}. */
export interface RunSynthOptions {
  /**
   * Treat warnings as errors: nothing is written when there is any.
   * @default false
   */
  readonly failOnWarnings?: boolean;
  /**
   * Receives the warnings and the `wrote …` lines.
   * @default - lines on stderr
   */
  readonly log?: (line: string) => void;
}

/** The outcome of {@link runSynth}. */
export interface SynthResult {
  /** True when the manifests were written. */
  readonly ok: boolean;
  /** Validation errors (`[construct path] field: …. Fix: …`), empty when ok. */
  readonly errors: readonly string[];
  /** The warnings, as `[construct path] message`. */
  readonly warnings: readonly string[];
  /** The files written, relative to the working directory. */
  readonly written: readonly string[];
}

// A directory beside the target on the same file system (rename is atomic there, never across devices),
// named so that a crashed run's leftovers are recognised and removed by the next one.
const STAGING_PREFIX = '.cdk8s-deckhouse-audit-staging-';

function stagingDirFor(outdir: string): string {
  const parent = path.dirname(path.resolve(outdir));
  fs.mkdirSync(parent, { recursive: true });
  for (const entry of fs.readdirSync(parent)) {
    if (!entry.startsWith(STAGING_PREFIX)) continue;
    const pid = Number(entry.slice(STAGING_PREFIX.length).split('-')[0]);
    if (!isRunning(pid)) fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
  return fs.mkdtempSync(path.join(parent, `${STAGING_PREFIX}${process.pid}-`));
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function filesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

// Moves every staged file into `outdir` (one rename each) and removes manifests a previous synth left
// there that this one no longer writes; other files (a README, .gitkeep, a kustomization.yaml) stay.
function publish(staging: string, outdir: string, extension: string, copy: boolean): string[] {
  const files = filesUnder(staging);
  fs.mkdirSync(outdir, { recursive: true });
  const fresh = new Set(files);
  for (const rel of fs.existsSync(outdir) ? filesUnder(outdir) : []) {
    if (fresh.has(rel)) continue;
    const file = path.join(outdir, rel);
    if (
      rel === 'construct-metadata.json' ||
      (rel.endsWith(extension) && isEarlierSynthManifest(file, extension))
    )
      fs.rmSync(file);
  }
  for (const rel of files) {
    const target = path.join(outdir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!copy) {
      try {
        fs.renameSync(path.join(staging, rel), target);
        continue;
      } catch (error) {
        // Another file system (a mounted output directory): copy, then rename inside the target.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      }
    }
    const temp = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(path.join(staging, rel), temp);
    fs.renameSync(temp, target);
  }
  return files.map((rel) => path.join(outdir, rel));
}

/**
 * Where the manifests go: the App's `outdir`. Under `cdk8s synth` the CLI reads its own output directory
 * (`CDK8S_OUTDIR`): when the App writes elsewhere (e.g. `new App({ outdir: 'dist' })` with `output:
 * cdk.out`), that directory gets a copy too. `cdk8s synth --stdout` runs the app with an existing temporary
 * CDK8S_OUTDIR (a normal run removes it first): then only that directory is written.
 */
function targetsOf(app: App): string[] {
  const own = path.resolve(app.outdir);
  const { cliOutdir, cliRemovedIt } = cliState();
  if (cliOutdir === undefined || cliOutdir === own) return [own];
  return cliRemovedIt ? [own, cliOutdir] : [cliOutdir];
}

function cliState(): { cliOutdir?: string; cliRemovedIt: boolean } {
  const cli = process.env.CDK8S_OUTDIR ? path.resolve(process.env.CDK8S_OUTDIR) : undefined;
  return { cliOutdir: cli, cliRemovedIt: cli !== undefined && !fs.existsSync(cli) };
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/**
 * Validates the app, and only when every check passed writes the manifests with cdk8s's own writer
 * (`app.synth()`: the App's `outdir`, `yamlOutputType` and file extension), staged beside the output
 * directory and moved in file by file — a failed check or a crash never leaves a half-written directory.
 * Never throws for validation errors: they are returned (and printed by {@link runSynth}).
 */
export function synthesizeApp(app: App, options: RunSynthOptions = {}): SynthResult {
  if (!isApp(app)) throw new TypeError(`synthesizeApp: app must be a cdk8s App, got ${shapeOf(app)}`);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const warnings: string[] = [];
  const handler: WarningHandler = (warning) => {
    warnings.push(warning);
    log(`warning: ${warning}`);
  };
  onWarnings(app, handler);
  const errors = validateApp(app);
  if (options.failOnWarnings) {
    for (const warning of collectWarnings(app)) errors.push(`(failOnWarnings) ${warning}`);
  }
  if (errors.length > 0) return { ok: false, errors, warnings, written: [] };

  const targets = targetsOf(app);
  const staging = stagingDirFor(targets[0]);
  const outdir = app.outdir;
  const written: string[] = [];
  try {
    // app.outdir is a plain property: pointing it at the staging directory for this one call lets cdk8s
    // decide file names and layout exactly as a plain `app.synth()` would.
    Object.defineProperty(app, 'outdir', { value: staging, configurable: true, writable: true });
    app.synth();
    targets.forEach((target, i) => {
      written.push(...publish(staging, target, app.outputFileExtension, i < targets.length - 1));
    });
  } finally {
    Object.defineProperty(app, 'outdir', { value: outdir, configurable: true, writable: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
  for (const file of written) log(`wrote ${relative(file)}`);
  return { ok: true, errors: [], warnings, written: written.map(relative) };
}

/** Errors runSynth prints as their message and the user's line (their stack would only show this package). */
const SHOWN_WITHOUT_STACK = ['PolicyBuilderError', 'ConstructPropsError'];

/**
 * Entry point of a cdk8s app file: `if (require.main === module) runSynth(buildApp)`. Builds the app,
 * validates it, and writes the manifests only when every check passed (see {@link synthesizeApp}). A
 * failed check prints each problem (construct path, field, fix) and what happened to the output directory,
 * and sets exit code 1. An exception thrown while building the app is not caught (its stack trace is the
 * useful part), except a PolicyBuilderError or props a construct refuses: those print their message and the
 * user's line that caused them.
 */
export function runSynth(build: () => App, options: RunSynthOptions = {}): SynthResult {
  let app: App;
  try {
    app = build();
  } catch (error) {
    // A rule kube-apiserver would refuse, written with the builder, or props a construct refuses: the message
    // names the rule or construct, the field and the fix, and the line that wrote it is the one frame worth
    // showing.
    if (!(error instanceof Error) || !SHOWN_WITHOUT_STACK.includes(error.name)) throw error;
    const where = userFrame(error.stack);
    const errors = [`${error.message.trimEnd()}${where ? `\n    at ${where}` : ''}`];
    // The App was never built: its outdir is unknown.
    report(errors, undefined);
    return { ok: false, errors, warnings: [], written: [] };
  }
  // A build function that forgot its `return app`: say so, rather than "Cannot read properties of undefined".
  if (!isApp(app)) {
    const errors = [
      `runSynth: the build function returned ${shapeOf(app)}, expected the cdk8s App it built. Fix: end it with \`return app\``,
    ];
    report(errors, undefined);
    return { ok: false, errors, warnings: [], written: [] };
  }
  const result = synthesizeApp(app, options);
  if (!result.ok) report(result.errors, path.resolve(app.outdir));
  return result;
}

// An App of any copy of cdk8s (no instanceof: a consumer's tree may hold another copy than this package's).
function isApp(value: unknown): value is App {
  if (typeof value !== 'object' || value === null) return false;
  const app = value as Partial<App>;
  return typeof app.synth === 'function' && typeof app.outdir === 'string' && typeof app.node === 'object';
}

// The first stack frame outside node_modules and outside this package's own sources.
function userFrame(stack: string | undefined): string | undefined {
  const own = path.resolve(__dirname, '..');
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const match = /\(?([^()\s]+:\d+:\d+)\)?$/.exec(line.trim());
    if (match && !match[1].includes('node_modules') && !match[1].startsWith(own)) return relative(match[1]);
  }
  return undefined;
}

// `outdir`: the App's output directory, undefined when the App could not be built.
function report(errors: readonly string[], outdir: string | undefined): void {
  const { cliOutdir, cliRemovedIt } = cliState();
  const lines = [
    `synth failed: ${errors.length} problem${errors.length === 1 ? '' : 's'}, no manifests were written:`,
    ...errors.map((e) => `  ${e}`),
  ];
  if (outdir === undefined) {
    if (cliOutdir !== undefined && cliRemovedIt) {
      lines.push(
        `note: \`cdk8s synth\` removed its output directory ${relative(cliOutdir)}/ before running the app. If your ` +
          `App writes its manifests there (the stock set-up), restore the committed ones with \`git checkout -- ` +
          `${relative(cliOutdir)}\`; an App with its own outdir kept it unchanged.`,
      );
    }
  } else if (cliOutdir !== undefined && cliRemovedIt && cliOutdir === outdir) {
    lines.push(
      `note: \`cdk8s synth\` removed ${relative(cliOutdir)}/ before running the app; restore the committed ` +
        `manifests with \`git checkout -- ${relative(cliOutdir)}\`. To keep them through a failed synth, set ` +
        "`output:` in cdk8s.yaml to a scratch directory and write the committed one with `new App({ outdir: 'dist' })`.",
    );
  } else {
    lines.push(`${relative(outdir)}/ was not changed.`);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
  // Under `cdk8s synth` a non-zero exit makes the CLI print its own stack trace after this message. When the
  // CLI removed its output directory (a normal run), it reports the missing directory as a failed synth and
  // exits 1 by itself; in every other case the exit code says it.
  if (!cliRemovedIt) process.exitCode = 1;
}
