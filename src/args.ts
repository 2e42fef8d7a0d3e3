import { Command, CommanderError, Option } from 'commander';
import { VERIFY_TIMEOUT_SECONDS } from './core/usecases/verify.js';
import { QUESTIONS, type RawAnswers } from './core/questions.js';
import { CliError, ExitCode } from './core/errors.js';
import { hasSecretShape, isSecretName, redactSecretShapes } from './core/keys.js';
import { detectLang, LANGS, type Lang } from './i18n/index.js';

export interface CommonOptions {
  readonly home: string | undefined;
  readonly lang: Lang;
  readonly json: boolean;
  readonly color: boolean;
}

export interface SetupOptions extends CommonOptions {
  readonly raw: RawAnswers;
  readonly keyEnv: string | undefined;
  readonly keyStdin: boolean;
  readonly yes: boolean;
  readonly dryRun: boolean;
  readonly plain: boolean;
  readonly baseUrl: string | undefined;
  readonly keyStorage: string | undefined;
  readonly shellProfile: string | undefined;
  readonly contextWindow: string | undefined;
  readonly maxOutput: string | undefined;
}

export type ParsedCommand =
  | { readonly name: 'setup'; readonly options: SetupOptions }
  | { readonly name: 'backups'; readonly options: CommonOptions }
  | { readonly name: 'doctor'; readonly options: CommonOptions & { readonly tools: string | undefined; readonly network: boolean; readonly fix: boolean; readonly yes: boolean } }
  | { readonly name: 'key'; readonly options: CommonOptions & { readonly keyEnv: string | undefined; readonly keyStdin: boolean; readonly plan: string | undefined; readonly yes: boolean } }
  | { readonly name: 'verify'; readonly options: CommonOptions & { readonly tools: string | undefined; readonly yes: boolean; readonly timeoutSeconds: number } }
  | { readonly name: 'explain'; readonly options: CommonOptions & { readonly text: string | undefined; readonly plan: string | undefined; readonly model: string | undefined } }
  | { readonly name: 'clean'; readonly options: CommonOptions & { readonly yes: boolean; readonly restart: boolean } }
  | { readonly name: 'models'; readonly options: CommonOptions & { readonly plan: string | undefined; readonly region: string | undefined; readonly edition: string | undefined } }
  | { readonly name: 'restore'; readonly options: CommonOptions & { readonly runId: string | undefined; readonly force: boolean; readonly yes: boolean; readonly withLater: boolean } }
  | { readonly name: 'print'; readonly text: string; readonly exitCode: number };

type Env = Readonly<Record<string, string | undefined>>;

/** An environment variable as a switch: unset, '', '0', 'false' and 'no' (any case) are off; anything else is on. */
export function envFlag(v: string | undefined): boolean {
  return v !== undefined && !['', '0', 'false', 'no'].includes(v.toLowerCase());
}

/** Looks like a pasted key: refuse before any parser can echo it back. */
const KEY_SHAPE = /^(--?[\w-]+=)?(sk-|ms-|tp-)[A-Za-z0-9._-]{8,}/;

/** `--key`, `--api-key=…`, `--token …`: an option meant to carry a secret, which tp-setup never takes. */
const SECRET_OPTION = /^--?(?:api[-_]?)?(?:key|token|secret|password)(?:=|$)/i;

/** `--anything-token=…`, `--apiKey=…`: a value under a secret-looking name. */
function secretAssignment(token: string): boolean {
  const m = /^--?([\w.-]+)=/.exec(token);
  return m !== null && isSecretName(m[1] ?? '');
}

/** Whether an argv token carries a key: refused before commander, whose errors echo tokens. */
export function isKeyToken(token: string): boolean {
  return KEY_SHAPE.test(token) || SECRET_OPTION.test(token) || secretAssignment(token) || hasSecretShape(token);
}

const CONTROL = /[\x00-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_ALL = /[\x00-\x09\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g;

/** Text from argv made safe to print: keys masked, control characters shown as \u escapes. */
export function safeEcho(text: string): string {
  return redactSecretShapes(text).replace(CONTROL_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Whether `--json` is on before (or without) a successful parse, for the error document: the
 * same reading as the parsed option (a `--json` before `--`, else TP_SETUP_JSON through envFlag).
 */
export function earlyJson(argv: readonly string[], env: Env): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json') || envFlag(env.TP_SETUP_JSON);
}

function common(program: Command): Command {
  return program
    .addOption(new Option('--home <dir>', 'use this folder instead of your home for every tool and for tp-setup state').env('TP_SETUP_HOME'))
    .addOption(new Option('--lang <lang>', 'language of messages').choices([...LANGS]).env('TP_SETUP_LANG'))
    .addOption(new Option('--json', 'print one JSON document on stdout').env('TP_SETUP_JSON'))
    .option('--no-color', 'no colours (NO_COLOR is honoured too)');
}

interface OptionValues {
  /** A value option: the command line, else its env twin; '' stays '' (a given, empty answer). */
  raw(key: string): string | undefined;
  /** A value option, with '' read as not given. */
  text(key: string): string | undefined;
  /** A switch: given on the command line, or its env twin is on (see envFlag). */
  flag(key: string): boolean;
}

/**
 * The options of the command that runs. Env twins are read from `env`, not from commander:
 * commander looks only at process.env and takes a boolean twin as on whatever its value.
 */
function optionValues(cmd: Command, env: Env): OptionValues {
  const opts = cmd.opts<Record<string, unknown>>();
  const value = (key: string): unknown => {
    if (cmd.getOptionValueSource(key) === 'cli') return opts[key];
    const twin = cmd.options.find((o) => o.attributeName() === key)?.envVar;
    return twin ? env[twin] : opts[key];
  };
  return {
    raw: (key) => {
      const v = value(key);
      return typeof v === 'string' ? v : undefined;
    },
    text: (key) => {
      const v = value(key);
      return typeof v === 'string' && v !== '' ? v : undefined;
    },
    flag: (key) => {
      const v = value(key);
      return v === true || (typeof v === 'string' && envFlag(v));
    },
  };
}

function commonFrom(o: OptionValues, cmd: Command, env: Env): CommonOptions {
  return {
    home: o.text('home'),
    lang: detectLang(o.text('lang'), env),
    json: o.flag('json'),
    color: cmd.opts().color !== false && !envFlag(env.NO_COLOR),
  };
}

/** setup's question flags, one per step of QUESTIONS (src/core/questions.ts), in its order. */
const questionOptions = (): Option[] => QUESTIONS.map((q) => new Option(`${q.flag} ${q.placeholder}`, q.description).env(q.env));

export function buildProgram(version: string): Command {
  const program = new Command('tp-setup')
    .description('Connect AI coding tools to Alibaba Cloud Model Studio plans, safely.')
    .version(version, '-v, --version')
    .showSuggestionAfterError(true);

  const setup = program.command('setup', { isDefault: true }).description('write or patch each chosen tool\'s own config (default command)');
  for (const option of questionOptions()) setup.addOption(option);
  common(
    setup
      .addOption(new Option('--base-url <url>', 'reach the plan through this origin (gateway, proxy); the plan\'s paths are kept').env('TP_SETUP_BASE_URL'))
      .addOption(new Option('--key-storage <env|inline>', 'env: the config names a variable, the key goes to the tool\'s own secret store (default); inline: the key goes into the config').env('TP_SETUP_KEY_STORAGE'))
      .addOption(new Option('--shell-profile <auto|path>', 'for tools that read only exported variables (Codex): add the export line to this profile').env('TP_SETUP_SHELL_PROFILE'))
      .addOption(new Option('--context-window <tokens>', 'for a model id tp-setup does not list: the context window to write (none otherwise)').env('TP_SETUP_CONTEXT_WINDOW'))
      .addOption(new Option('--max-output <tokens>', 'for a model id tp-setup does not list: the output limit to write (none otherwise)').env('TP_SETUP_MAX_OUTPUT'))
      .addOption(new Option('--key-env <VAR>', 'read the key from this environment variable').env('TP_SETUP_KEY_ENV'))
      .addOption(new Option('--key-stdin', 'read the key from standard input').env('TP_SETUP_KEY_STDIN'))
      .addOption(new Option('-y, --yes', 'take defaults for everything not given; never prompt').env('TP_SETUP_YES'))
      .addOption(new Option('--dry-run', 'show the diff of every file, write nothing').env('TP_SETUP_DRY_RUN'))
      .addOption(new Option('--plain', 'ask with simple line prompts').env('TP_SETUP_PLAIN')),
  );
  common(program.command('backups').description('list backup runs, newest first'));
  common(
    program
      .command('doctor')
      .description('check every tool\'s current config offline and report what will fail (exit 3 on errors)')
      .addOption(new Option('--tools <list>', 'only these tools').env('TP_SETUP_TOOLS'))
      .option('--network', 'also check DNS and TLS to each configured host and which proxy applies (never a request with the key)')
      .option('--fix', 'apply the safe repairs (backed up; restore undoes them); asks before each in a terminal')
      .addOption(new Option('-y, --yes', 'with --fix: apply every safe repair without asking').env('TP_SETUP_YES')),
  );
  common(
    program
      .command('key')
      .description('after a key reset: replace every copy of the old key in every tool, in one backed-up run')
      .addOption(new Option('--key-env <VAR>', 'read the new key from this environment variable').env('TP_SETUP_KEY_ENV'))
      .addOption(new Option('--key-stdin', 'read the new key from standard input').env('TP_SETUP_KEY_STDIN'))
      .addOption(new Option('--plan <plan>', 'when tools hold keys of several plans: rotate this plan\'s key').env('TP_SETUP_PLAN'))
      .addOption(new Option('-y, --yes', 'run OpenClaw\'s own credential commands (2026.8 and later) without asking').env('TP_SETUP_YES')),
  );
  common(
    program
      .command('verify')
      .description('opt-in: each configured tool sends one tiny request through its own one-shot command (uses a little quota)')
      .addOption(new Option('--tools <list>', 'only these tools').env('TP_SETUP_TOOLS'))
      .addOption(new Option('-y, --yes', 'do not ask before sending').env('TP_SETUP_YES'))
      .option('--timeout <seconds>', 'per tool', String(VERIFY_TIMEOUT_SECONDS)),
  );
  common(
    program
      .command('explain')
      .description('paste an error message (or pipe it in): plain causes and fixes, and which apply to your config now')
      .argument('[text...]', 'the error text; read from standard input when absent')
      .addOption(new Option('--plan <plan>', 'the plan the error came from').env('TP_SETUP_PLAN'))
      .addOption(new Option('--model <id>', 'the model the error came from').env('TP_SETUP_MODEL')),
  );
  common(
    program
      .command('models')
      .description('what the catalog knows: per plan, edition and region, each model\'s limits, protocols, tools, level and sources')
      .addOption(new Option('--plan <plan>', 'only this plan: token (both editions), coding, token-personal, token-team, payg').env('TP_SETUP_PLAN'))
      .addOption(new Option('--region <region>', 'only this region: cn, intl (payg also: us, hk)').env('TP_SETUP_REGION'))
      .addOption(new Option('--edition <edition>', 'Token Plan only: personal or team').env('TP_SETUP_EDITION')),
  );
  common(
    program
      .command('clean')
      .description('move stale OpenClaw per-agent caches aside (with a backup); without --yes it only reports')
      .addOption(new Option('-y, --yes', 'clean without asking').env('TP_SETUP_YES'))
      .option('--restart', 'then run `openclaw gateway restart`'),
  );
  common(
    program
      .command('restore')
      .description('undo a run: put back the previous values of the keys it changed (default: the latest run)')
      .argument('[run-id]', 'a run id from `tp-setup backups`')
      .option('--force', 'also put back keys you changed again since that run')
      .addOption(new Option('--with-later', 'also undo, newest first, the later runs that changed the same files').env('TP_SETUP_WITH_LATER'))
      .addOption(new Option('-y, --yes', 'never ask; keys you changed again since that run are kept (unless --force)').env('TP_SETUP_YES')),
  );
  return program;
}

/** Every option given on the command line with an empty value, or with control characters: exit 2, nothing echoed. */
function checkValues(cmd: Command): void {
  const opts = cmd.opts<Record<string, unknown>>();
  for (const option of cmd.options) {
    const key = option.attributeName();
    const v = opts[key];
    if (cmd.getOptionValueSource(key) !== 'cli' || typeof v !== 'string') continue;
    const flag = option.long ?? option.flags;
    if (v.trim() === '') throw new CliError(ExitCode.USAGE, 'error.emptyValue', { flag });
    if (CONTROL.test(v)) throw new CliError(ExitCode.USAGE, 'error.controlValue', { flag });
  }
}

/**
 * The env twins of every option: one holding a key is refused naming the variable only;
 * TP_SETUP_HOME set but empty is refused like `--home ""` (a script's unset variable must not
 * mean the real home); control characters are refused.
 */
function checkEnvTwins(program: Command, env: Env): void {
  const seen = new Set<string>();
  for (const cmd of [program, ...program.commands]) {
    for (const option of cmd.options) {
      const name = option.envVar;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      const v = env[name];
      if (v === undefined) continue;
      if (isKeyToken(v)) throw new CliError(ExitCode.USAGE, 'error.keyInEnv', { name });
      if (name === 'TP_SETUP_HOME' && v.trim() === '') throw new CliError(ExitCode.USAGE, 'error.emptyValue', { flag: name });
      if (CONTROL.test(v)) throw new CliError(ExitCode.USAGE, 'error.controlValue', { flag: name });
    }
  }
}

/** argv (without node and script) + env → one command, or a CliError with exit code 2. */
export function parseArgs(argv: readonly string[], env: Env, version: string): ParsedCommand {
  // An error text may carry a pasted key: explain masks it; everything else refuses the key.
  const explaining = argv.find((a) => !a.startsWith('-')) === 'explain';
  const tokens = explaining ? argv.map((a) => (a.startsWith('-') ? a : redactSecretShapes(a))) : argv;
  if (tokens.some(isKeyToken)) throw new CliError(ExitCode.USAGE, 'error.keyArgv');
  let result: ParsedCommand | undefined;
  let printed = '';
  const program = buildProgram(version);
  checkEnvTwins(program, env);
  const configure = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => (printed += s), writeErr: (s) => (printed += s) });
    cmd.commands.forEach(configure);
  };
  configure(program);

  const on = (name: string, handle: (o: OptionValues, cmd: Command, args: readonly unknown[]) => ParsedCommand): void => {
    program.commands
      .find((c) => c.name() === name)!
      .action((...args: unknown[]) => {
        // commander passes the operands, then the options, then the command itself.
        const cmd = args[args.length - 1] as Command;
        checkValues(cmd);
        result = handle(optionValues(cmd, env), cmd, args.slice(0, -2));
      });
  };
  on('setup', (o, cmd) => ({
    name: 'setup',
    options: {
      ...commonFrom(o, cmd, env),
      raw: Object.fromEntries(QUESTIONS.map((q) => [q.id, o.raw(new Option(q.flag).attributeName())])) as RawAnswers,
      keyEnv: o.text('keyEnv'),
      keyStdin: o.flag('keyStdin'),
      yes: o.flag('yes'),
      dryRun: o.flag('dryRun'),
      plain: o.flag('plain'),
      baseUrl: o.text('baseUrl'),
      keyStorage: o.text('keyStorage'),
      shellProfile: o.text('shellProfile'),
      contextWindow: o.raw('contextWindow'),
      maxOutput: o.raw('maxOutput'),
    },
  }));
  on('backups', (o, cmd) => ({ name: 'backups', options: commonFrom(o, cmd, env) }));
  on('doctor', (o, cmd) => ({ name: 'doctor', options: { ...commonFrom(o, cmd, env), tools: o.text('tools'), network: o.flag('network'), fix: o.flag('fix'), yes: o.flag('yes') } }));
  on('key', (o, cmd) => ({
    name: 'key',
    options: { ...commonFrom(o, cmd, env), keyEnv: o.text('keyEnv'), keyStdin: o.flag('keyStdin'), plan: o.text('plan'), yes: o.flag('yes') },
  }));
  on('verify', (o, cmd) => {
    const timeout = cmd.opts().timeout;
    const timeoutSeconds = Number(timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--timeout', value: String(timeout), choices: 'seconds > 0' });
    return { name: 'verify', options: { ...commonFrom(o, cmd, env), tools: o.text('tools'), yes: o.flag('yes'), timeoutSeconds } };
  });
  on('explain', (o, cmd, [text]) => {
    const words = text as string[];
    return { name: 'explain', options: { ...commonFrom(o, cmd, env), text: words.length ? words.join(' ') : undefined, plan: o.text('plan'), model: o.text('model') } };
  });
  on('models', (o, cmd) => ({ name: 'models', options: { ...commonFrom(o, cmd, env), plan: o.text('plan'), region: o.text('region'), edition: o.text('edition') } }));
  on('clean', (o, cmd) => ({ name: 'clean', options: { ...commonFrom(o, cmd, env), yes: o.flag('yes'), restart: o.flag('restart') } }));
  on('restore', (o, cmd, [runId]) => ({
    name: 'restore',
    options: { ...commonFrom(o, cmd, env), runId: runId as string | undefined, force: o.flag('force'), yes: o.flag('yes'), withLater: o.flag('withLater') },
  }));

  try {
    program.parse([...tokens], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return { name: 'print', text: printed, exitCode: ExitCode.OK };
      }
      throw new CliError(ExitCode.USAGE, 'error.usage', { message: safeEcho(printed.trim() || err.message) });
    }
    throw err;
  }
  if (!result) throw new CliError(ExitCode.USAGE, 'error.usage', { message: safeEcho(printed.trim() || 'unknown command') });
  return result;
}
