import { Command, CommanderError, Option } from 'commander';
import type { RawAnswers } from './core/questions.js';
import { CliError, ExitCode } from './exit-codes.js';
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
}

export type ParsedCommand =
  | { readonly name: 'setup'; readonly options: SetupOptions }
  | { readonly name: 'backups'; readonly options: CommonOptions }
  | { readonly name: 'doctor'; readonly options: CommonOptions & { readonly tools: string | undefined; readonly network: boolean; readonly fix: boolean; readonly yes: boolean } }
  | { readonly name: 'key'; readonly options: CommonOptions & { readonly keyEnv: string | undefined; readonly keyStdin: boolean; readonly plan: string | undefined; readonly yes: boolean } }
  | { readonly name: 'verify'; readonly options: CommonOptions & { readonly tools: string | undefined; readonly yes: boolean; readonly timeoutSeconds: number } }
  | { readonly name: 'explain'; readonly options: CommonOptions & { readonly text: string | undefined; readonly plan: string | undefined; readonly model: string | undefined } }
  | { readonly name: 'clean'; readonly options: CommonOptions & { readonly yes: boolean; readonly restart: boolean } }
  | { readonly name: 'restore'; readonly options: CommonOptions & { readonly runId: string | undefined; readonly force: boolean } }
  | { readonly name: 'print'; readonly text: string; readonly exitCode: number };

type Env = Readonly<Record<string, string | undefined>>;

const truthy = (v: string | undefined): boolean => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

/** Looks like a pasted key: refuse before any parser can echo it back. */
const KEY_SHAPE = /^(--?[\w-]+=)?(sk-|ms-|tp-)[A-Za-z0-9._-]{8,}/;

function common(program: Command): Command {
  return program
    .addOption(new Option('--home <dir>', 'use this folder instead of your home for every tool and for tp-setup state').env('TP_SETUP_HOME'))
    .addOption(new Option('--lang <lang>', 'language of messages').choices([...LANGS]).env('TP_SETUP_LANG'))
    .addOption(new Option('--json', 'print one JSON document on stdout').env('TP_SETUP_JSON'))
    .option('--no-color', 'no colours (NO_COLOR is honoured too)');
}

function commonFrom(opts: Record<string, unknown>, env: Env): CommonOptions {
  return {
    home: (opts.home as string | undefined) || undefined,
    lang: detectLang(opts.lang as string | undefined, env),
    json: opts.json === true || (typeof opts.json === 'string' && truthy(opts.json)),
    color: opts.color !== false && !truthy(env.NO_COLOR),
  };
}

export function buildProgram(version: string): Command {
  const program = new Command('tp-setup')
    .description('Connect AI coding tools to Alibaba Cloud Model Studio plans, safely.')
    .version(version, '-v, --version')
    .showSuggestionAfterError(true);

  common(
    program
      .command('setup', { isDefault: true })
      .description('write or patch each chosen tool\'s own config (default command)')
      .addOption(new Option('--plan <plan>', 'coding | token-personal | token-team | payg').env('TP_SETUP_PLAN'))
      .addOption(new Option('--region <region>', 'cn | intl (payg also: us | hk)').env('TP_SETUP_REGION'))
      .addOption(new Option('--tools <list>', 'comma-separated: openclaw, qwen-code, claude-code, opencode, codex, kilo, hermes; guides: cursor, cline, kilo-vscode').env('TP_SETUP_TOOLS'))
      .addOption(new Option('--model <id>', 'model id (default: the plan\'s recommended model); a comma list adds more').env('TP_SETUP_MODEL'))
      .addOption(new Option('--thinking <on|off>', 'thinking where the model supports it (default: on)').env('TP_SETUP_THINKING'))
      .addOption(new Option('--base-url <url>', 'reach the plan through this origin (gateway, proxy); the plan\'s paths are kept').env('TP_SETUP_BASE_URL'))
      .addOption(new Option('--key-storage <env|inline>', 'env: the config names a variable, the key goes to the tool\'s own secret store (default); inline: the key goes into the config').env('TP_SETUP_KEY_STORAGE'))
      .addOption(new Option('--shell-profile <auto|path>', 'for tools that read only exported variables (Codex): add the export line to this profile').env('TP_SETUP_SHELL_PROFILE'))
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
      .option('--timeout <seconds>', 'per tool', '120'),
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
      .option('--force', 'also put back keys you changed again since that run'),
  );
  return program;
}

function flagOn(v: unknown): boolean {
  return v === true || (typeof v === 'string' && truthy(v));
}

/** argv (without node and script) + env → one command, or a CliError with exit code 2. */
export function parseArgs(argv: readonly string[], env: Env, version: string): ParsedCommand {
  if (argv.some((a) => KEY_SHAPE.test(a)) || argv.some((a) => /^--(api-)?key(=|$)/.test(a))) {
    throw new CliError(ExitCode.USAGE, 'error.keyArgv');
  }
  let result: ParsedCommand | undefined;
  let printed = '';
  const program = buildProgram(version);
  const configure = (cmd: Command): void => {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => (printed += s), writeErr: (s) => (printed += s) });
    cmd.commands.forEach(configure);
  };
  configure(program);

  program.commands.find((c) => c.name() === 'setup')!.action((opts: Record<string, unknown>) => {
    result = {
      name: 'setup',
      options: {
        ...commonFrom(opts, env),
        raw: {
          plan: opts.plan as string | undefined,
          region: opts.region as string | undefined,
          tools: opts.tools as string | undefined,
          model: opts.model as string | undefined,
          thinking: opts.thinking as string | undefined,
        },
        keyEnv: (opts.keyEnv as string | undefined) || undefined,
        keyStdin: flagOn(opts.keyStdin),
        yes: flagOn(opts.yes),
        dryRun: flagOn(opts.dryRun),
        plain: flagOn(opts.plain),
        baseUrl: (opts.baseUrl as string | undefined) || undefined,
        keyStorage: (opts.keyStorage as string | undefined) || undefined,
        shellProfile: (opts.shellProfile as string | undefined) || undefined,
      },
    };
  });
  program.commands.find((c) => c.name() === 'backups')!.action((opts: Record<string, unknown>) => {
    result = { name: 'backups', options: commonFrom(opts, env) };
  });
  program.commands.find((c) => c.name() === 'doctor')!.action((opts: Record<string, unknown>) => {
    result = { name: 'doctor', options: { ...commonFrom(opts, env), tools: (opts.tools as string | undefined) || undefined, network: opts.network === true, fix: opts.fix === true, yes: flagOn(opts.yes) } };
  });
  program.commands.find((c) => c.name() === 'key')!.action((opts: Record<string, unknown>) => {
    result = {
      name: 'key',
      options: { ...commonFrom(opts, env), keyEnv: (opts.keyEnv as string | undefined) || undefined, keyStdin: flagOn(opts.keyStdin), plan: (opts.plan as string | undefined) || undefined, yes: flagOn(opts.yes) },
    };
  });
  program.commands.find((c) => c.name() === 'verify')!.action((opts: Record<string, unknown>) => {
    const timeoutSeconds = Number(opts.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new CliError(ExitCode.USAGE, 'error.invalid', { flag: '--timeout', value: String(opts.timeout), choices: 'seconds > 0' });
    result = { name: 'verify', options: { ...commonFrom(opts, env), tools: (opts.tools as string | undefined) || undefined, yes: flagOn(opts.yes), timeoutSeconds } };
  });
  program.commands.find((c) => c.name() === 'explain')!.action((text: string[], opts: Record<string, unknown>) => {
    result = {
      name: 'explain',
      options: { ...commonFrom(opts, env), text: text.length ? text.join(' ') : undefined, plan: (opts.plan as string | undefined) || undefined, model: (opts.model as string | undefined) || undefined },
    };
  });
  program.commands.find((c) => c.name() === 'clean')!.action((opts: Record<string, unknown>) => {
    result = { name: 'clean', options: { ...commonFrom(opts, env), yes: flagOn(opts.yes), restart: opts.restart === true } };
  });
  program.commands.find((c) => c.name() === 'restore')!.action((runId: string | undefined, opts: Record<string, unknown>) => {
    result = { name: 'restore', options: { ...commonFrom(opts, env), runId, force: opts.force === true } };
  });

  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return { name: 'print', text: printed, exitCode: ExitCode.OK };
      }
      throw new CliError(ExitCode.USAGE, printed.trim() || err.message);
    }
    throw err;
  }
  if (!result) throw new CliError(ExitCode.USAGE, printed.trim() || 'unknown command');
  return result;
}
