import { parseArgs } from 'node:util';
import { closestMatch } from '../policy/did-you-mean';
import { echo } from '../policy/echo';
import { UsageError } from './errors';
import { CliIo } from './io';
import { foreignOptionHint } from './option-owners';

/** One option of a command: how it is parsed and how `--help` describes it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder shown in help, e.g. FILE. */
  value?: string;
  /** An empty value (`--api-group ''`) means something; for any other option it is a usage error. */
  allowEmpty?: boolean;
  description: string;
}

/** The parsed command line handed to a command. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** What a command receives when it runs. */
export interface CommandContext {
  args: ParsedArgs;
  io: CliIo;
  /** `--json`: print exactly one JSON document on stdout. */
  json: boolean;
}

/** A subcommand: its options, its help text and what it does. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** Usage lines without the program name, e.g. `validate [options] FILE...`. */
  usage: string[];
  description: string;
  options: Record<string, OptionSpec>;
  /** Complete example command lines. */
  examples: string[];
  /** Whether positional arguments are accepted. */
  positionals: boolean;
  run(context: CommandContext): Promise<number>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  json: { type: 'boolean', description: 'print exactly one JSON document on stdout' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** Parses argv against a command's options; a wrong command line becomes a UsageError. */
export function parseCommandArgs(spec: CommandSpec, argv: string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {};
  for (const [name, opt] of Object.entries({ ...spec.options, ...COMMON_OPTIONS })) {
    options[name] = { type: opt.type, ...(opt.multiple ? { multiple: true } : {}) };
    if (opt.short) options[name].short = opt.short;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (err) {
    const unknown = /^Unknown option '--([^'=]+)'/.exec(parseErrorMessage(err));
    const foreign = unknown ? foreignOptionHint(spec.name, unknown[1]) : undefined;
    if (foreign !== undefined) throw new UsageError(foreign);
    throw new UsageError(cleanParseError(err) + didYouMean(unknown?.[1], Object.keys(options)));
  }
  checkValues(parsed.tokens ?? [], { ...spec.options, ...COMMON_OPTIONS }, spec.name);
  if (!spec.positionals && parsed.positionals.length > 0 && !parsed.values.help) {
    throw new UsageError(`unexpected argument '${parsed.positionals[0]}'`);
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

// parseArgs keeps the last of a repeated option and takes '' as a value: `--policy a --policy b` would check b
// alone without a word, and `--policy=` (a shell variable that was not set) would look for a file named ''.
function checkValues(
  tokens: ReadonlyArray<ParsedToken>,
  specs: Record<string, OptionSpec>,
  command: string,
): void {
  const seen = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const spec = specs[token.name];
    const written = token.rawName.startsWith('--') ? token.rawName : `${token.rawName} (--${token.name})`;
    if (token.value === '' && !spec?.allowEmpty) {
      throw new UsageError(
        `${written} was given an empty value; give it a ${spec?.value ?? 'value'}, or leave the option out`,
      );
    }
    if (spec?.multiple) continue;
    const earlier = seen.get(token.name);
    if (earlier !== undefined) {
      // simulate with two policies: the comparison the user wants is diff's.
      const compare =
        command === 'simulate' && token.name === 'policy'
          ? ', or compare the two: deckhouse-audit diff --policy A --policy B LOG...'
          : '';
      throw new UsageError(
        `--${token.name} was given twice ('${echo(earlier)}' and '${echo(token.value)}'); it takes one value: keep one${compare}`,
      );
    }
    seen.set(token.name, token.value);
  }
}

type ParsedToken = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

// `--deckhous` → "; did you mean --deckhouse?": the closest option of the command, if one is plausibly meant.
// (An option of another command, `simulate --url`, is named as such before this is asked.)
function didYouMean(unknown: string | undefined, names: readonly string[]): string {
  const guess = unknown === undefined ? undefined : closestMatch(unknown, names);
  return guess === undefined ? '' : `; did you mean --${guess}?`;
}

// The message of an error from node:util, which need not be an instance of this realm's Error (under a test
// runner's sandbox it is not).
function parseErrorMessage(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}

// Node's messages mention "parseArgs" internals and suggest "--" in ways that do not fit a CLI.
function cleanParseError(err: unknown): string {
  const message = parseErrorMessage(err);
  const missing = /^Option '(?:-\w, )?(--[^ ']+) <value>' argument missing/.exec(message);
  if (missing)
    return `${missing[1]} needs a value and is the last word of the command line; write ${missing[1]} VALUE`;
  const ambiguous = /^Option '([^']+)' argument is ambiguous[^]*use '(--[^=']+)=-XYZ'/.exec(message);
  if (ambiguous) {
    return (
      `${ambiguous[1]} needs a value but is followed by an option; write ${ambiguous[2]} VALUE before the next ` +
      `option (a value that starts with "-" as ${ambiguous[2]}=-VALUE)`
    );
  }
  return message
    .replace(/\. To specify a positional argument starting with a '-'.*$/s, '')
    .replace(/\.$/, '');
}

/** The string value of an option, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** All values of a repeatable option. */
export function stringList(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  if (Array.isArray(v)) return v;
  return typeof v === 'string' ? [v] : [];
}

/** A boolean flag. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

// Plain decimal only: Number() would also take '0x10', '1e3', ' 5', '+5', '.5' and 'Infinity'.
const DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/;
const WHOLE = /^[0-9]+$/;

/**
 * Reads a non-negative decimal number (`12`, `0.5`); anything else (hex, exponents, signs, spaces, a value
 * past Number.MAX_SAFE_INTEGER) is undefined. The one number parser of the command line.
 */
export function parseDecimal(text: string, whole = false): number | undefined {
  if (!(whole ? WHOLE : DECIMAL).test(text)) return undefined;
  const n = Number(text);
  return n <= Number.MAX_SAFE_INTEGER ? n : undefined;
}

/** A non-negative decimal number option (e.g. `--max-size-mb 100`), or the default. */
export function numberOption(args: ParsedArgs, name: string, fallback: number): number {
  const text = stringOption(args, name);
  if (text === undefined) return fallback;
  const n = parseDecimal(text);
  if (n === undefined) {
    throw new UsageError(
      `--${name} needs a non-negative number, got '${text}' (decimal digits, e.g. 16 or 0.5)`,
    );
  }
  return n;
}

/** A non-negative whole decimal number option (e.g. `--max-policy-bytes 2097152`), or the default. */
export function integerOption(args: ParsedArgs, name: string, fallback: number): number {
  const text = stringOption(args, name);
  if (text === undefined) return fallback;
  const n = parseDecimal(text, true);
  if (n === undefined)
    throw new UsageError(`--${name} needs a whole number, got '${text}' (decimal digits, e.g. 16)`);
  return n;
}

/** Renders a command's `--help` text. */
export function commandHelp(program: string, spec: CommandSpec): string {
  const lines: string[] = [];
  lines.push(`Usage: ${spec.usage.map((u, i) => (i === 0 ? '' : '       ') + `${program} ${u}`).join('\n')}`);
  lines.push('', wrapParagraph(spec.description), '', 'Options:');
  const entries = Object.entries({ ...spec.options, ...COMMON_OPTIONS });
  const heads = entries.map(([name, opt]) => {
    const short = opt.short ? `-${opt.short}, ` : '    ';
    return `  ${short}--${name}${opt.type === 'string' ? ` ${opt.value ?? 'VALUE'}` : ''}`;
  });
  const width = Math.max(...heads.map((h) => h.length)) + 2;
  entries.forEach(([, opt], i) => {
    lines.push(heads[i].padEnd(width) + opt.description + (opt.multiple ? ' (repeatable)' : ''));
  });
  if (spec.examples.length > 0) {
    lines.push('', 'Examples:');
    for (const example of spec.examples) lines.push(`  ${example}`);
  }
  return lines.join('\n') + '\n';
}

function wrapParagraph(text: string, width = 96): string {
  return text
    .split('\n')
    .map((paragraph) => {
      const words = paragraph.split(' ');
      const out: string[] = [];
      let line = '';
      for (const word of words) {
        if (line !== '' && line.length + 1 + word.length > width) {
          out.push(line);
          line = word;
        } else {
          line = line === '' ? word : `${line} ${word}`;
        }
      }
      out.push(line);
      return out.join('\n');
    })
    .join('\n');
}
