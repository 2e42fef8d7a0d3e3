import { Command, CommanderError, Option } from 'commander';
import { VERIFY_TIMEOUT_SECONDS } from './core/usecases/verify.js';
import { planChoices, QUESTIONS, type RawAnswers } from './core/questions.js';
import { CliError, ExitCode } from './core/errors.js';
import { hasSecretShape, isSecretName, redactSecretShapes } from './core/keys.js';
import { detectLang, LANGS, translator, type Lang, type Translate } from './i18n/index.js';
import { commanderFailure, earlyLang, localizeHelp } from './args-i18n.js';
import { HELP_WIDTH } from './help-format.js';

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

export { earlyLang };

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

function common(program: Command, t: Translate): Command {
  return program
    .addOption(new Option('--home <dir>', t('help.opt.home')).env('TP_SETUP_HOME'))
    .addOption(new Option('--lang <lang>', t('help.opt.lang')).choices([...LANGS]).env('TP_SETUP_LANG'))
    .addOption(new Option('--json', t('help.opt.json')).env('TP_SETUP_JSON'))
    .option('--no-color', t('help.opt.noColor'));
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
const questionOptions = (t: Translate): Option[] =>
  QUESTIONS.map((q) => new Option(`${q.flag} ${q.placeholder}`, t(q.description, { choices: planChoices(' | ') })).env(q.env));

const COMMAND_NAMES: ReadonlySet<string> = new Set<CommandName>(['setup', 'backups', 'doctor', 'key', 'verify', 'explain', 'models', 'clean', 'restore']);
type CommandName = Exclude<ParsedCommand['name'], 'print'>;
/** The env twins `common` gives every command. */
const COMMON_TWINS: ReadonlySet<string> = new Set(['TP_SETUP_HOME', 'TP_SETUP_LANG', 'TP_SETUP_JSON']);

/**
 * The commands and their options, described in the language of `t` (English by default). With
 * `only`, the other commands get their name and description but no options: commander routes
 * `only`'s command line by the first word, and building some 60 options it will not read took
 * about 2 ms of every start (CPU profiles on Node 24).
 */
export function buildProgram(version: string, t: Translate = translator('en'), only?: string): Command {
  const program = new Command('tp-setup');
  const skip = (name: Exclude<CommandName, 'setup'>): boolean => {
    if (only === undefined || only === name) return false;
    program.command(name).description(t(`help.cmd.${name}`));
    return true;
  };
  // Help settings first: each subcommand copies them when it is created.
  localizeHelp(program, t);
  program
    .description(t('help.description'))
    .version(version, '-v, --version', t('help.opt.version'))
    .helpOption('-h, --help', t('help.opt.help'))
    .helpCommand('help [command]', t('help.cmd.help'))
    .showSuggestionAfterError(true);

  const setup = program.command('setup', { isDefault: true }).description(t('help.cmd.setup'));
  if (only === undefined || only === 'setup') for (const option of questionOptions(t)) setup.addOption(option);
  if (only === undefined || only === 'setup') common(
    setup
      .addOption(new Option('--base-url <url>', t('help.opt.baseUrl')).env('TP_SETUP_BASE_URL'))
      .addOption(new Option('--key-storage <env|inline>', t('help.opt.keyStorage')).env('TP_SETUP_KEY_STORAGE'))
      .addOption(new Option('--shell-profile <auto|path>', t('help.opt.shellProfile')).env('TP_SETUP_SHELL_PROFILE'))
      .addOption(new Option('--context-window <tokens>', t('help.opt.contextWindow')).env('TP_SETUP_CONTEXT_WINDOW'))
      .addOption(new Option('--max-output <tokens>', t('help.opt.maxOutput')).env('TP_SETUP_MAX_OUTPUT'))
      .addOption(new Option('--key-env <VAR>', t('help.opt.keyEnv')).env('TP_SETUP_KEY_ENV'))
      .addOption(new Option('--key-stdin', t('help.opt.keyStdin')).env('TP_SETUP_KEY_STDIN'))
      .addOption(new Option('-y, --yes', t('help.opt.yes')).env('TP_SETUP_YES'))
      .addOption(new Option('--dry-run', t('help.opt.dryRun')).env('TP_SETUP_DRY_RUN'))
      .addOption(new Option('--plain', t('help.opt.plain')).env('TP_SETUP_PLAIN')),
    t,
  );
  if (!skip('backups')) common(program.command('backups').description(t('help.cmd.backups')), t);
  if (!skip('doctor')) common(
    program
      .command('doctor')
      .description(t('help.cmd.doctor'))
      .addOption(new Option('--tools <list>', t('help.opt.onlyTools')).env('TP_SETUP_TOOLS'))
      .option('--network', t('help.opt.network'))
      .option('--fix', t('help.opt.fix'))
      .addOption(new Option('-y, --yes', t('help.opt.fixYes')).env('TP_SETUP_YES')),
    t,
  );
  if (!skip('key')) common(
    program
      .command('key')
      .description(t('help.cmd.key'))
      .addOption(new Option('--key-env <VAR>', t('help.opt.newKeyEnv')).env('TP_SETUP_KEY_ENV'))
      .addOption(new Option('--key-stdin', t('help.opt.newKeyStdin')).env('TP_SETUP_KEY_STDIN'))
      .addOption(new Option('--plan <plan>', t('help.opt.keyPlan')).env('TP_SETUP_PLAN'))
      .addOption(new Option('-y, --yes', t('help.opt.keyYes')).env('TP_SETUP_YES')),
    t,
  );
  if (!skip('verify')) common(
    program
      .command('verify')
      .description(t('help.cmd.verify'))
      .addOption(new Option('--tools <list>', t('help.opt.onlyTools')).env('TP_SETUP_TOOLS'))
      .addOption(new Option('-y, --yes', t('help.opt.verifyYes')).env('TP_SETUP_YES'))
      .option('--timeout <seconds>', t('help.opt.timeout'), String(VERIFY_TIMEOUT_SECONDS)),
    t,
  );
  if (!skip('explain')) common(
    program
      .command('explain')
      .description(t('help.cmd.explain'))
      .argument('[text...]', t('help.arg.text'))
      .addOption(new Option('--plan <plan>', t('help.opt.errorPlan')).env('TP_SETUP_PLAN'))
      .addOption(new Option('--model <id>', t('help.opt.errorModel')).env('TP_SETUP_MODEL')),
    t,
  );
  if (!skip('models')) common(
    program
      .command('models')
      .description(t('help.cmd.models'))
      .addOption(new Option('--plan <plan>', t('help.opt.modelsPlan')).env('TP_SETUP_PLAN'))
      .addOption(new Option('--region <region>', t('help.opt.modelsRegion')).env('TP_SETUP_REGION'))
      .addOption(new Option('--edition <edition>', t('help.opt.modelsEdition')).env('TP_SETUP_EDITION')),
    t,
  );
  if (!skip('clean')) common(
    program
      .command('clean')
      .description(t('help.cmd.clean'))
      .addOption(new Option('-y, --yes', t('help.opt.cleanYes')).env('TP_SETUP_YES'))
      .option('--restart', t('help.opt.restart')),
    t,
  );
  if (!skip('restore')) common(
    program
      .command('restore')
      .description(t('help.cmd.restore'))
      .argument('[run-id]', t('help.arg.runId'))
      .option('--force', t('help.opt.force'))
      .addOption(new Option('--with-later', t('help.opt.withLater')).env('TP_SETUP_WITH_LATER'))
      .addOption(new Option('-y, --yes', t('help.opt.restoreYes')).env('TP_SETUP_YES')),
    t,
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

/**
 * The command a line runs for certain when it starts with its name, and so the only one whose
 * options need building; undefined, and all are built, for anything else. A TP_SETUP_* variable
 * beyond the three every command has is checked against every command's twins (checkEnvTwins),
 * so it also needs them all.
 */
function soleCommand(tokens: readonly string[], env: Env): string | undefined {
  const first = tokens[0];
  if (first === undefined || !COMMAND_NAMES.has(first)) return undefined;
  if (Object.keys(env).some((name) => name.startsWith('TP_SETUP_') && env[name] !== undefined && !COMMON_TWINS.has(name))) return undefined;
  return first;
}

/** argv (without node and script) + env → one command, or a CliError with exit code 2. */
export function parseArgs(argv: readonly string[], env: Env, version: string, helpWidth = HELP_WIDTH): ParsedCommand {
  // An error text may carry a pasted key: explain masks it; everything else refuses the key.
  const explaining = argv.find((a) => !a.startsWith('-')) === 'explain';
  const tokens = explaining ? argv.map((a) => (a.startsWith('-') ? a : redactSecretShapes(a))) : argv;
  if (tokens.some(isKeyToken)) throw new CliError(ExitCode.USAGE, 'error.keyArgv');
  let result: ParsedCommand | undefined;
  let printed = '';
  const program = buildProgram(version, translator(earlyLang(tokens, env)), soleCommand(tokens, env));
  checkEnvTwins(program, env);
  const configure = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => (printed += s), writeErr: (s) => (printed += s), getOutHelpWidth: () => helpWidth, getErrHelpWidth: () => helpWidth });
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
      throw commanderFailure(err, program, safeEcho);
    }
    throw err;
  }
  if (!result) throw new CliError(ExitCode.USAGE, 'error.usage', { message: safeEcho(printed.trim() || 'unknown command') });
  return result;
}
