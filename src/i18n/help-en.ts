/**
 * `--help` and commander's own complaints, in English; merged into the main catalog (same keys in
 * zh-CN). The texts are commander's own words where commander writes them
 * (node_modules/commander/lib/help.js and command.js), so the English output stays as it was.
 */
export const helpEn = {
  'help.title.usage': 'Usage:',
  'help.title.arguments': 'Arguments:',
  'help.title.options': 'Options:',
  'help.title.globalOptions': 'Global Options:',
  'help.title.commands': 'Commands:',
  'help.extra': '({items})',
  'help.extra.default': 'default: {value}',
  'help.extra.choices': 'choices: {choices}',
  'help.extra.env': 'env: {name}',

  'help.cmd.setup': "write or patch each chosen tool's own config (default command)",
  'help.cmd.backups': 'list backup runs, newest first',
  'help.cmd.doctor': "check every tool's current config offline and report what will fail (exit 3 on errors)",
  'help.cmd.key': 'after a key reset: replace every copy of the old key in every tool, in one backed-up run',
  'help.cmd.verify': 'opt-in: each configured tool sends one tiny request through its own one-shot command (uses a little quota)',
  'help.cmd.explain': 'paste an error message (or pipe it in): plain causes and fixes, and which apply to your config now',
  'help.cmd.models': "what the catalog knows: per plan, edition and region, each model's limits, protocols, tools, level and sources",
  'help.cmd.clean': 'move stale OpenClaw per-agent caches aside (with a backup); without --yes it only reports',
  'help.cmd.restore': 'undo a run: put back the previous values of the keys it changed (default: the latest run)',
  'help.cmd.help': 'display help for command',

  'help.opt.help': 'display help for command',
  'help.opt.version': 'output the version number',
  'help.opt.home': 'use this folder instead of your home for every tool and for tp-setup state',
  'help.opt.lang': 'language of messages',
  'help.opt.json': 'print one JSON document on stdout',
  'help.opt.noColor': 'no colours (NO_COLOR is honoured too)',

  'help.opt.plan': '{choices}',
  'help.opt.region': 'cn | intl (payg also: us | hk)',
  'help.opt.tools': 'comma-separated: openclaw, qwen-code, claude-code, opencode, codex, kilo, hermes, crush, droid, cline; guides: cursor, cline-vscode, kilo-vscode, roo-code, qoder, qoder-cn, trae',
  'help.opt.model': "model id (default: the plan's recommended model); a comma list adds more",
  'help.opt.thinking': 'thinking where the model supports it (default: on)',
  'help.opt.baseUrl': "reach the plan through this origin (gateway, proxy); the plan's paths are kept",
  'help.opt.keyStorage': "env: the config names a variable, the key goes to the tool's own secret store (default); inline: the key goes into the config",
  'help.opt.shellProfile': 'for tools that read only exported variables (Codex): add the export line to this profile',
  'help.opt.contextWindow': 'for a model id tp-setup does not list: the context window to write (none otherwise)',
  'help.opt.maxOutput': 'for a model id tp-setup does not list: the output limit to write (none otherwise)',
  'help.opt.keyEnv': 'read the key from this environment variable',
  'help.opt.keyStdin': 'read the key from standard input',
  'help.opt.yes': 'take defaults for everything not given; never prompt',
  'help.opt.dryRun': 'show the diff of every file, write nothing',
  'help.opt.plain': 'ask with simple line prompts',

  'help.opt.onlyTools': 'only these tools',
  'help.opt.network': 'also check DNS and TLS to each configured host and which proxy applies (never a request with the key)',
  'help.opt.fix': 'apply the safe repairs (backed up; restore undoes them); asks before each in a terminal',
  'help.opt.fixYes': 'with --fix: apply every safe repair without asking',

  'help.opt.newKeyEnv': 'read the new key from this environment variable',
  'help.opt.newKeyStdin': 'read the new key from standard input',
  'help.opt.keyPlan': "when tools hold keys of several plans: rotate this plan's key",
  'help.opt.keyYes': "run OpenClaw's own credential commands (2026.8 and later) without asking",

  'help.opt.verifyYes': 'do not ask before sending',
  'help.opt.timeout': 'per tool',

  'help.arg.text': 'the error text; read from standard input when absent',
  'help.opt.errorPlan': 'the plan the error came from',
  'help.opt.errorModel': 'the model the error came from',

  'help.opt.modelsPlan': 'only this plan: token (both editions), coding, token-personal, token-team, payg',
  'help.opt.modelsRegion': 'only this region: cn, intl (payg also: us, hk)',
  'help.opt.modelsEdition': 'Token Plan only: personal or team',

  'help.opt.cleanYes': 'clean without asking',
  'help.opt.restart': 'then run `openclaw gateway restart`',

  'help.arg.runId': 'a run id from `tp-setup backups`',
  'help.opt.force': 'also put back keys you changed again since that run',
  'help.opt.withLater': 'also undo, newest first, the later runs that changed the same files',
  'help.opt.restoreYes': 'never ask; keys you changed again since that run are kept (unless --force)',

  'error.unknownOption': "error: unknown option '{option}'",
  'error.unknownCommand': "error: unknown command '{command}'",
  'error.didYouMean': '(Did you mean {suggestion}?)',
  'error.didYouMeanOneOf': '(Did you mean one of {suggestions}?)',
  'error.missingArgument': "error: missing required argument '{argument}'",
  'error.optionMissingArgument': "error: option '{option}' argument missing",
  'error.invalidChoice': "error: option '{option}' argument '{value}' is invalid. Allowed choices are {choices}.",
  'error.excessArguments.none': "error: too many arguments for '{command}'. Expected 0 arguments but got {received}.",
  'error.excessArguments.one': "error: too many arguments for '{command}'. Expected 1 argument but got {received}.",
} as const;
