/**
 * The words of the error catalog (src/core/explain/data.ts), in English: the source of truth for
 * the key set, which src/i18n/explain-zh-CN.ts must match exactly.
 *
 * Keys: `<entry id>.title`; `<entry id>.cause.<n>` and `<entry id>.fix.<n>`, n being the place in
 * the entry's list of causes or fixes (a shared fix fills the places with no key of their own);
 * `fix.<name>` for a fix several entries repeat word for word.
 */

export const explainEn = {
  'fix.pairKeyUrl': 'Pair the key with its own base URL: a plan key only with the plan URL (coding… for Coding Plan, token-plan… for Token Plan), a pay-as-you-go sk- key only with dashscope… URLs.',
  'fix.restart': 'Restart the tool after changing the key or URL (OpenClaw: openclaw gateway restart).',
  'fix.openclawCache': 'OpenClaw: run `tp-setup clean` (it backs up the stale cache and moves it aside), then `openclaw gateway restart`; OpenClaw rebuilds the cache from openclaw.json.',
  'fix.exactModel': 'Use the model ID exactly as the plan lists it: IDs are case-sensitive and must not carry leading or trailing spaces.',
  'fix.newSession': 'Start a new session (/new) or compress the context (/compact), and keep only the files the task needs in the working directory.',
  'fix.upgradePro': 'Upgrade Lite to Pro for a larger quota (international site).',

  'E01.title': 'No API key reached the server',
  'E01.cause.1': 'The tool sent no key: the key is empty, still a placeholder, or read from an environment variable that is not set.',
  'E01.cause.2': 'The tool sent the key only in an x-api-key header; Token Plan reads Authorization: Bearer. Claude Code does this with ANTHROPIC_API_KEY, OpenCode with @ai-sdk/anthropic and options.apiKey.',
  'E01.fix.1': 'Copy the dedicated key from the Token Plan page and configure it in the tool.',
  'E01.fix.2': 'Send it as Authorization: Bearer: Claude Code via ANTHROPIC_AUTH_TOKEN; OpenCode (Anthropic protocol) via options.headers.Authorization = "Bearer {env:VAR}".',

  'E02.title': 'The API key was rejected',
  'E02.cause.1': 'The key is a pay-as-you-go sk- key or a Coding Plan key, not the Token Plan key.',
  'E02.cause.2': 'A Token Plan sk-sp- key was sent to the general dashscope host (for example by a script or a pay-as-you-go provider entry).',
  'E02.cause.3': 'The key is incomplete or contains spaces or line breaks.',
  'E02.cause.4': 'The Token Plan subscription has expired.',
  'E02.cause.5': 'The key belongs to the other site: keys are bound to their region, so an international key fails on cn-beijing and the reverse.',
  'E02.cause.6': 'The key was reset, or the plan was bought again after it expired; the old key stopped working.',
  'E02.fix.1': 'Copy the Token Plan key again, completely and without spaces.',
  'E02.fix.2': 'Check on the Token Plan page that the subscription is active; if the error persists, reset the key and update every tool.',
  'E02.fix.3': 'Use the host of the site where you bought the plan: token-plan.cn-beijing… for the China site, token-plan.ap-southeast-1… for the international site.',

  'E03.title': 'The model does not exist',
  'E03.cause.1': 'The model name matches no model the plan serves: a typo, different capitalisation, extra spaces, or an ID from another plan or edition.',

  'E04.title': 'Model not found or not supported',
  'E04.cause.1': 'The model name is misspelled, has the wrong case, or carries spaces.',
  'E04.cause.2': 'The model is not part of this plan or edition (Personal and Team editions serve different models).',
  'E04.cause.3': 'The model is not served on the protocol the tool uses: deepseek-v3.2 is OpenAI-compatible only, not on the Anthropic endpoint.',
  'E04.fix.2': 'For deepseek-v3.2 use the OpenAI-compatible endpoint (…/compatible-mode/v1), or pick another model in Anthropic-protocol tools such as Claude Code.',

  'E05.title': 'Model not supported by the plan',
  'E05.cause.1': 'The model ID is misspelled, has the wrong case, or carries leading or trailing spaces.',
  'E05.cause.2': 'The model is not in the Coding Plan model list.',
  'E05.cause.3': 'The API key or base URL is misconfigured, so the request reached a service that does not serve the model.',
  'E05.cause.4': 'qwen3.6-plus on Coding Plan is reported to be for Pro subscribers only; a Lite subscription may be refused.',
  'E05.fix.2': 'Pick a model from the Coding Plan overview.',

  'E06.title': 'The base URL path does not fit the protocol',
  'E06.cause.1': 'An OpenAI-compatible path is configured on the Anthropic endpoint, or the reverse; a pasted /chat/completions or /messages suffix or a doubled /v1 has the same effect.',
  'E06.fix.1': 'Anthropic-compatible tools (Claude Code): …/apps/anthropic; OpenCode with @ai-sdk/anthropic: …/apps/anthropic/v1; OpenAI-compatible tools: …/compatible-mode/v1.',

  'E07.title': 'max_tokens is above the model’s output limit',
  'E07.cause.1': 'The maximum output length set in the tool (max_tokens, OpenCode limit.output, OpenClaw maxTokens) exceeds what the model can produce.',
  'E07.cause.2': 'OpenCode on the Anthropic protocol adds the thinking budget to max_tokens (min(limit.output, 32000) + budgetTokens), so a large budgetTokens pushes it over.',
  'E07.fix.1': 'Lower the output limit to at most the number in the error message.',

  'E08.title': 'The thinking budget is too large',
  'E08.cause.1': 'The thinking length configured in the tool (thinking_budget, OpenCode budgetTokens) exceeds the model’s maximum.',
  'E08.cause.2': 'Thinking is configured for a model without thinking mode (qwen3-coder-next, qwen3-coder-plus).',
  'E08.cause.3': 'For MiniMax-M2.5 the thinking budget and the output together must stay within 32,768 tokens.',
  'E08.cause.4': 'The budget is zero, negative or not a whole number.',
  'E08.fix.1': 'Set the thinking budget to at most the number in the error message (OpenCode: options.thinking.budgetTokens in opencode.json).',
  'E08.fix.2': 'For models without thinking mode, remove the thinking setting (OpenCode: options.thinking).',
  'E08.fix.3': 'MiniMax-M2.5 thinks by default; budgetTokens can be left out.',

  'E09.title': 'Invalid access token or token expired',
  'E09.cause.1': 'Token Plan: the base URL belongs to Coding Plan or another plan.',
  'E09.cause.2': 'Coding Plan: a pay-as-you-go sk- key is used instead of the sk-sp- plan key.',
  'E09.cause.3': 'The subscription has expired.',
  'E09.cause.4': 'The key is damaged: incomplete, or copied with spaces or line breaks.',
  'E09.cause.5': 'Token Plan: the key is of the wrong kind, e.g. a pay-as-you-go sk- key instead of the Token Plan key.',
  'E09.cause.6': 'OpenClaw still sends an old key or URL from its cache instead of what openclaw.json says.',
  'E09.fix.1': 'Token Plan: use the token-plan base URL of your site (…/compatible-mode/v1 or …/apps/anthropic).',
  'E09.fix.2': 'Coding Plan: use the sk-sp- key from the Coding Plan page and renew the subscription if it has expired.',
  'E09.fix.3': 'Token Plan: use the key from the Token Plan page of your site.',

  'E10.title': 'Incorrect API key for this URL',
  'E10.cause.1': 'Token Plan: the plan key is used with the general base URL (dashscope.aliyuncs.com or dashscope-intl.aliyuncs.com).',
  'E10.cause.2': 'Token Plan: a standard pay-as-you-go sk- key is used with the token-plan URL.',
  'E10.cause.3': 'A script calls DashScope directly with the sk-sp- plan key; plan keys work only inside AI coding tools.',
  'E10.cause.4': 'Coding Plan: the key is empty, malformed, incomplete or contains extra spaces.',
  'E10.cause.5': 'Coding Plan: the subscription has expired or is invalid.',
  'E10.cause.6': 'Coding Plan: the sk-sp- plan key is used with the general base URL (dashscope… instead of coding…).',
  'E10.cause.7': 'Coding Plan: a general sk- key is used with the coding… base URL.',
  'E10.cause.8': 'OpenClaw keeps an old providers.bailian entry in its models.json cache (or an old key in auth-profiles.json) and sends that instead of the new settings.',
  'E10.fix.2': 'Copy the whole plan key again (sk-sp-…) without spaces.',

  'E11.title': 'Plan key used with a non-plan URL',
  'E11.cause.1': 'The general Model Studio base URL is configured instead of the plan-specific one.',
  'E11.cause.2': 'Token Plan: the Token Plan key is used with a URL that does not contain token-plan.',
  'E11.fix.1': 'Use the plan URL: coding.dashscope.aliyuncs.com / coding-intl.dashscope.aliyuncs.com for Coding Plan, token-plan.<region>.maas.aliyuncs.com for Token Plan.',

  'E12.title': 'Endpoint not found: the URL path is wrong',
  'E12.cause.1': 'The base URL path does not fit the tool: Claude Code needs …/apps/anthropic (no /v1), OpenCode with @ai-sdk/anthropic needs …/apps/anthropic/v1, OpenAI-compatible tools need …/v1 (Coding Plan) or …/compatible-mode/v1 (Token Plan).',
  'E12.cause.2': 'The host name is not exactly the plan host.',
  'E12.fix.1': 'Correct the path for the tool’s protocol; do not append /chat/completions or /messages yourself.',

  'E13.title': 'The input is longer than the model’s context window',
  'E13.cause.1': 'The input, including conversation history and code context, exceeds the model’s maximum context length.',
  'E13.cause.2': 'The context limit configured in the tool is larger than the model’s window, so the tool compacts too late.',
  'E13.fix.2': 'Switch to a model with a larger context window (qwen3.7-plus, qwen3.6-plus, qwen3.5-plus, qwen3-coder-plus: 1,000,000 tokens).',
  'E13.fix.3': 'Set the tool’s context limit to the model’s window (OpenCode limit.context, OpenClaw contextWindow).',

  'E14.title': 'Too many requests in a short time',
  'E14.cause.1': 'Requests were too dense within a short period and hit the model’s rate limit.',
  'E14.cause.2': 'The key is shared with other people or other machines.',
  'E14.fix.1': 'Wait a minute and retry.',
  'E14.fix.2': 'If it happens often, send fewer requests and make sure nobody else uses the key.',

  'E15.title': 'The plan’s credits are used up',
  'E15.cause.1': 'Both the seat quota and the shared usage pack are exhausted. There is no automatic fallback to pay-as-you-go.',
  'E15.fix.1': 'Wait for the quota to reset at the next billing cycle, or buy a shared usage pack.',

  'E16.title': 'The 5-hour request quota is used up',
  'E16.cause.1': 'The rolling 5-hour request quota has been exhausted.',
  'E16.fix.1': 'Wait for the 5-hour window to roll over.',

  'E17.title': 'The weekly request quota is used up',
  'E17.cause.1': 'The weekly request quota has been exhausted.',
  'E17.fix.1': 'The quota resets on Monday at 00:00 (UTC+8).',

  'E18.title': 'The monthly request quota is used up',
  'E18.cause.1': 'The monthly request quota has been exhausted.',
  'E18.fix.1': 'The quota resets at 00:00 (UTC+8) on your subscription day of the next month.',

  'E19.title': 'Too many concurrent requests',
  'E19.cause.1': 'Concurrent requests exceed the dynamically allocated limit, which is lower at peak hours.',
  'E19.fix.1': 'Wait a moment and retry.',

  'E20.title': 'Could not connect to the server',
  'E20.cause.1': 'The base URL domain is misspelled (e.g. dashscope-intl for coding-intl, token_plan for token-plan, a wrong region label).',
  'E20.cause.2': 'A network problem: no connection, a proxy or VPN that blocks or breaks the request, or a firewall.',
  'E20.fix.1': 'Check the spelling of the base URL domain.',
  'E20.fix.2': 'Check the network and proxy settings (HTTPS_PROXY, NO_PROXY); tp-setup doctor can test DNS and TLS without sending the key.',

  'E21.title': 'The content-safety filter rejected the request',
  'E21.cause.1': 'The content-safety filter flagged text in the request (a prompt, a file or a log the tool sent as context).',
  'E21.fix.1': 'Rephrase the input or remove the flagged file or text from the context, then start a new session.',

  'E22.title': 'Coding Plan only works inside coding agents',
  'E22.cause.1': 'The call came from a tool or environment Coding Plan does not serve: curl, Postman, Dify, a generic chat app or a script.',
  'E22.fix.1': 'Use a supported coding tool (Claude Code, Qwen Code, OpenClaw, OpenCode, Cursor, Cline…). Using the key in scripts or backends may get the subscription suspended.',

  'E23.title': 'Connected to ModelScope, not Model Studio',
  'E23.cause.1': 'The tool is pointed at ModelScope (a separate platform), or an ms- ModelScope token and an sk- Model Studio key were swapped.',
  'E23.cause.2': 'The ModelScope token was copied with spaces or line breaks.',
  'E23.fix.1': 'For Coding Plan, configure the plan URL and the sk-sp- key; for ModelScope, use a token from ModelScope.',

  'E24.title': 'OpenClaw cannot find the model',
  'E24.cause.1': 'models.providers has no bailian entry.',
  'E24.cause.2': 'agents.defaults.model.primary lacks the bailian/ prefix (model IDs containing / need the provider prefix too).',
  'E24.cause.3': 'The primary model is not defined in models.providers.bailian.models.',
  'E24.cause.4': 'A leftover provider such as qwen-portal confuses model routing.',
  'E24.fix.1': 'In ~/.openclaw/openclaw.json: add models.providers.bailian, set primary to "bailian/<model>", list that model in models.providers.bailian.models, and remove providers you no longer use; then run openclaw gateway restart.',
  'E24.fix.2': 'openclaw models status --check shows which model reference cannot be resolved.',

  'E25.title': 'OpenClaw has no API key for the provider',
  'E25.cause.1': 'models.providers has no entry named like the provider in the message (Coding Plan needs bailian).',
  'E25.cause.2': 'The provider’s key is empty, has extra spaces, or is still YOUR_API_KEY. (__OPENCLAW_REDACTED__ in the web UI means a key is saved.)',
  'E25.cause.3': 'An outdated local credential cache (auth-profiles.json, models.json) keeps the new configuration from taking effect.',
  'E25.cause.4': 'The provider was removed from openclaw.json but a stale models.json still lists its models, so they are offered without a key (OpenClaw 2026.9).',
  'E25.fix.1': 'Add the provider to models.providers with its key (Coding Plan: sk-sp-…).',
  'E25.fix.2': 'Back up, then delete ~/.openclaw/agents/main/agent/auth-profiles.json and models.json, and run openclaw gateway restart.',

  'E26.title': 'OpenClaw is using a third-party OAuth login',
  'E26.cause.1': 'A third-party OAuth service (such as the Qwen portal) is connected instead of Coding Plan.',
  'E26.fix.1': 'Configure Coding Plan in OpenClaw (models.providers.bailian).',
  'E26.fix.2': 'Back up, then remove ~/.openclaw/agents/main/agent/auth.json and models.json, and run openclaw gateway restart.',

  'E27.title': 'Rate limit reached',
  'E27.cause.1': 'The base URL or provider is misconfigured, so requests go to the general API instead of the plan channel.',
  'E27.cause.2': 'There is no active plan subscription, so no dedicated quota applies.',
  'E27.cause.3': 'The plan quota is exhausted (Token Plan: seat quota and shared pack).',
  'E27.fix.1': 'Check that models, agents and gateway in the OpenClaw config match the documented structure ({"models": {"providers": {"bailian": {…}}}}).',
  'E27.fix.2': 'Check usage and the next reset time on the plan page; on the international site, Lite can upgrade to Pro.',
  'E27.fix.3': 'Reset the key only as a last resort.',

  'E28.title': 'OpenClaw could not list the plan’s models (harmless)',
  'E28.cause.1': 'OpenClaw tries to query the model list, which Coding Plan does not offer through an API.',
  'E28.fix.1': 'Nothing to do: OpenClaw works normally.',
  'E28.fix.2': 'To hide it, change the alibaba-cloud:default profile in ~/.openclaw/agents/main/agent/auth-profiles.json to "profiles": {}.',

  'E29.title': 'Invalid auth.profiles in openclaw.json',
  'E29.cause.1': 'auth.profiles was edited by hand: an invalid mode, or an apiKey field. auth.profiles holds metadata only, never keys.',
  'E29.cause.2': 'A credential-store profile ({type, provider, key}) was pasted into openclaw.json.',
  'E29.cause.3': 'The Qwen daily-quota OAuth login added a qwen-portal:default profile that Coding Plan does not need.',
  'E29.fix.1': 'Remove the wrongly added or changed fields and the profiles you do not need from auth.profiles.',
  'E29.fix.2': 'Put the Coding Plan key in models.providers.bailian.apiKey; openclaw config validate confirms the file.',

  'E30.title': 'OpenClaw is connected but chat hangs',
  'E30.cause.1': 'A local proxy or VPN intercepts or fails to forward requests to coding.dashscope.aliyuncs.com.',
  'E30.cause.2': 'The base URL cached in ~/.openclaw/agents/main/agent/models.json points to a wrong address.',
  'E30.fix.1': 'Turn off the local proxy, or make sure it can reach coding.dashscope.aliyuncs.com.',

  'E31.title': 'OpenClaw calls models you never configured',
  'E31.cause.1': 'openclaw.json does not restrict the allowed models (agents.defaults.models; in OpenClaw 2026.9 the allowlist is agents.defaults.modelPolicy.allow).',
  'E31.fix.1': 'Declare the allowed models in ~/.openclaw/openclaw.json (agents.defaults.models, or agents.defaults.modelPolicy.allow in 2026.9 and later).',

  'E32.title': 'qwen-portal/coder-model is not a Model Studio model',
  'E32.cause.1': 'qwen-portal/coder-model is the free model of the Qwen Chat web version; Model Studio and Coding Plan do not serve it.',
  'E32.fix.1': 'Pick a model the plan serves.',

  'E33.title': 'Claude Code tries to reach Anthropic on first start',
  'E33.cause.1': 'On first start Claude Code contacts api.anthropic.com for onboarding, even with ANTHROPIC_BASE_URL set, and that fails where Claude Code is unavailable.',
  'E33.fix.1': 'Add "hasCompletedOnboarding": true as a top-level field in ~/.claude.json (keep the rest of the file), then restart Claude Code.',

  'E34.title': 'Claude Code moved to a native installer (harmless)',
  'E34.cause.1': 'An informational notice from Claude Code; it does not affect normal use.',
  'E34.fix.1': 'Optional: run claude install and follow its instructions to migrate.',

  'E35.title': 'The request is too large',
  'E35.cause.1': 'The request (code context and conversation history) exceeds the maximum input.',
  'E35.cause.2': 'OpenCode is older than 1.2.16, which fixes this.',
  'E35.fix.2': 'Update OpenCode to 1.2.16 or later.',

  'E36.title': 'Pay-as-you-go charges despite a plan',
  'E36.cause.1': 'The tool uses a pay-as-you-go sk- key with a general base URL (no coding or token-plan in it); the config looks valid, so only the plan you declared can reveal it.',
  'E36.cause.2': 'General and plan credentials are both configured and the tool routes through the general ones (OpenClaw does this).',
  'E36.cause.3': 'The tool still uses cached old credentials.',
  'E36.cause.4': 'Billing delay: calls made shortly before subscribing are billed a few minutes or hours later.',
  'E36.fix.2': 'Remove the general API configuration from the tool and select a plan model (OpenCode: a model of the plan provider).',
  'E36.fix.3': 'Clear the tool’s cache and restart it.',

  'E37.title': 'Access denied to this model',
  'E37.cause.1': 'The model is Team-edition only and the key is a Personal-edition key.',
  'E37.cause.2': 'A bare model ID that the international Token Plan serves only under a dated name (deepseek-v4-flash vs deepseek-v4-flash-0731).',
  'E37.fix.1': 'Choose a model your edition serves.',

  'E38.title': 'No Token Plan endpoint in that region',
  'E38.cause.1': 'The token-plan host names a region without the plan (for example eu-central-1).',
  'E38.fix.1': 'Use token-plan.cn-beijing.maas.aliyuncs.com (China site) or token-plan.ap-southeast-1.maas.aliyuncs.com (international site).',

  'RESPONSE_FORMAT_UNAVAILABLE.title': 'The model does not offer this response_format (structured output)',
  'RESPONSE_FORMAT_UNAVAILABLE.cause.1': 'The request asked for structured output with response_format type json_schema (a strict JSON schema). On the Token Plan host this is reported for deepseek-v4.1-flash, which rejects json_schema but accepts json_object.',
  'RESPONSE_FORMAT_UNAVAILABLE.fix.1': 'Turn the tool’s structured-output (JSON schema) mode off for this model.',
  'RESPONSE_FORMAT_UNAVAILABLE.fix.2': 'In your own code, send response_format {"type": "json_object"} instead of json_schema; the schema is then not enforced, so check the reply yourself.',
  'RESPONSE_FORMAT_UNAVAILABLE.fix.3': 'Or use a model that is reported to accept json_schema on Token Plan, such as qwen3.6-plus or qwen3.7-max.',

  'OPENCLAW_AUTH_MIGRATION_REQUIRED.title': 'OpenClaw must migrate old credentials first',
  'OPENCLAW_AUTH_MIGRATION_REQUIRED.cause.1': 'A legacy auth-profiles.json sits in the agent directory; OpenClaw 2026.9 keeps credentials in SQLite and refuses to run until it is imported.',
  'OPENCLAW_AUTH_MIGRATION_REQUIRED.fix.1': 'Run openclaw doctor --fix: it imports the file and renames it. Then check openclaw models auth list --provider bailian --json.',
  'OPENCLAW_AUTH_MIGRATION_REQUIRED.fix.2': 'After that, a stored profile outranks the apiKey in openclaw.json: when you change the key, also run openclaw models auth logout bailian:default --yes.',

  'OPENCLAW_PROVIDER_INCOMPLETE.title': 'A custom OpenClaw provider lacks baseUrl or models',
  'OPENCLAW_PROVIDER_INCOMPLETE.cause.1': 'A custom provider id (bailian, bailian-token-plan) is declared without baseUrl or without a models list; only built-in ids may omit them.',
  'OPENCLAW_PROVIDER_INCOMPLETE.fix.1': 'Give the provider its plan baseUrl and a models list with at least the model you use (each with id and name).',

  'OPENCLAW_MODEL_NAME_MISSING.title': 'An OpenClaw model entry has no name',
  'OPENCLAW_MODEL_NAME_MISSING.cause.1': 'An entry in models.providers.<id>.models lacks the required name field.',
  'OPENCLAW_MODEL_NAME_MISSING.fix.1': 'Add "name" (for example the model ID) to every model entry.',

  'OPENCLAW_THINKING_FORMAT_REJECTED.title': 'This OpenClaw version rejects thinkingFormat "qwen"',
  'OPENCLAW_THINKING_FORMAT_REJECTED.cause.1': 'OpenClaw 2026.4.26 to 2026.5.7 dropped "qwen" from the allowed thinkingFormat values; it returned in 2026.5.12.',
  'OPENCLAW_THINKING_FORMAT_REJECTED.fix.1': 'Update OpenClaw to 2026.5.12 or later.',
  'OPENCLAW_THINKING_FORMAT_REJECTED.fix.2': 'Or remove compat.thinkingFormat; thinking is then not sent the Qwen way.',

  'OPENCLAW_ROUTE_INDETERMINATE.title': 'OpenClaw cannot route the primary model',
  'OPENCLAW_ROUTE_INDETERMINATE.cause.1': 'agents.defaults.model.primary has no provider prefix, so OpenClaw reads it as an openai/ model.',
  'OPENCLAW_ROUTE_INDETERMINATE.cause.2': 'The primary names a provider that models.providers does not define.',
  'OPENCLAW_ROUTE_INDETERMINATE.fix.1': 'Set primary to "<provider>/<model>" with a provider defined in models.providers (e.g. bailian/qwen3.6-plus).',

  'OPENCLAW_INSECURE_TLS_REFUSED.title': 'OpenClaw refuses to skip TLS verification',
  'OPENCLAW_INSECURE_TLS_REFUSED.cause.1': 'models.providers.<id>.request.tls.insecureSkipVerify is set; the schema accepts it but model providers may not use it. It is usually added to get past a proxy that intercepts HTTPS.',
  'OPENCLAW_INSECURE_TLS_REFUSED.fix.1': 'Remove insecureSkipVerify; bypass the intercepting proxy for *.aliyuncs.com or give Node the proxy’s CA via NODE_EXTRA_CA_CERTS.',

  'OPENCLAW_AGENTS_LIST_MOVED.title': 'OpenClaw moved agents.list (harmless)',
  'OPENCLAW_AGENTS_LIST_MOVED.cause.1': 'The config still uses the older agents.list; OpenClaw 2026.9 accepts it with this warning.',
  'OPENCLAW_AGENTS_LIST_MOVED.fix.1': 'Optional: move the agents into agents.entries (OpenClaw 2026.5 and older reject agents.entries, so only on newer versions).',

  'CODEX_WIRE_API_CHAT.title': 'This Codex no longer speaks Chat Completions',
  'CODEX_WIRE_API_CHAT.cause.1': 'The config sets wire_api = "chat", which only old Codex (0.80.0) supports; newer Codex uses the Responses API only.',
  'CODEX_WIRE_API_CHAT.cause.2': 'Coding Plan has no Responses API, so it works only with Codex 0.80.0.',
  'CODEX_WIRE_API_CHAT.fix.1': 'Token Plan: set wire_api = "responses" and use a model that supports Responses (qwen3.7-max, qwen3.6-plus).',
  'CODEX_WIRE_API_CHAT.fix.2': 'Coding Plan (or other Token Plan models): install npm i -g @openai/codex@0.80.0, or use another tool.',

  'CODEX_MISSING_ENV_VAR.title': 'Codex cannot find the key’s environment variable',
  'CODEX_MISSING_ENV_VAR.cause.1': 'env_key in config.toml names a variable that is not exported in the shell that started Codex.',
  'CODEX_MISSING_ENV_VAR.fix.1': 'Add export VAR=\'<your key>\' to your shell profile and open a new terminal (Codex reads only exported variables).',

  'CODEX_LEGACY_PROFILE.title': 'Codex profiles moved to separate files',
  'CODEX_LEGACY_PROFILE.cause.1': 'config.toml still has profile = "…" or a [profiles.…] table; Codex 0.169 reads profiles from $CODEX_HOME/<name>.config.toml.',
  'CODEX_LEGACY_PROFILE.fix.1': 'Move the profile’s settings into the file the message names and delete the old table.',

  'CODEX_MODEL_METADATA_MISSING.title': 'Codex has no metadata for the model (harmless)',
  'CODEX_MODEL_METADATA_MISSING.cause.1': 'Codex knows only OpenAI’s models; a Model Studio model has no built-in entry.',
  'CODEX_MODEL_METADATA_MISSING.fix.1': 'Optional: list the model in ~/.codex/model-catalog.local.json (model_catalog_json) to silence it and set its context window.',

  'CODEX_BUBBLEWRAP_MISSING.title': 'Codex did not find bubblewrap on PATH (harmless)',
  'CODEX_BUBBLEWRAP_MISSING.cause.1': 'On Linux, Codex sandboxes the shell commands it runs with bubblewrap (bwrap). No bwrap was found on PATH (one inside the working directory does not count), so Codex uses the copy bundled in its package. The key, base URL and model are not involved.',
  'CODEX_BUBBLEWRAP_MISSING.fix.1': 'Nothing to do for the plan setup. To silence it, install bubblewrap with the OS package manager (the package is called bubblewrap, e.g. sudo apt install bubblewrap) and start Codex again.',
  'CODEX_BUBBLEWRAP_MISSING.fix.2': 'Do not switch the sandbox off (--sandbox danger-full-access) just to hide it: the warning goes away, but commands then run outside the sandbox.',

  'CLAUDE_SETTINGS_INVALID_JSON.title': 'Claude Code cannot read settings.json',
  'CLAUDE_SETTINGS_INVALID_JSON.cause.1': 'settings.json must be strict JSON: a comment or a trailing comma breaks it.',
  'CLAUDE_SETTINGS_INVALID_JSON.fix.1': 'Remove comments and trailing commas from ~/.claude/settings.json.',

  'CLAUDE_MODEL_NOT_RECOGNIZED.title': 'Claude Code does not know the model (harmless)',
  'CLAUDE_MODEL_NOT_RECOGNIZED.cause.1': 'The model is not in Claude Code’s own catalog and CLAUDE_CODE_MAX_CONTEXT_TOKENS is not set, so Claude Code uses it anyway, assumes a 1m-token context window and says so at each start.',
  'CLAUDE_MODEL_NOT_RECOGNIZED.cause.2': 'For a model with a smaller window the assumed 1m tokens (or a CLAUDE_CODE_MAX_CONTEXT_TOKENS above the model’s window) delays compaction, which can end in an input-length error.',
  'CLAUDE_MODEL_NOT_RECOGNIZED.fix.1': 'Re-run tp-setup, which writes CLAUDE_CODE_MAX_CONTEXT_TOKENS (the model’s real window) into ~/.claude/settings.json.',

  'CLAUDE_CUSTOM_API_KEY_PROMPT.title': 'Claude Code found ANTHROPIC_API_KEY in your environment',
  'CLAUDE_CUSTOM_API_KEY_PROMPT.cause.1': 'ANTHROPIC_API_KEY is exported in the shell; Claude Code would send it as x-api-key next to the plan token.',
  'CLAUDE_CUSTOM_API_KEY_PROMPT.fix.1': 'Answer No (recommended), keep the plan key in ANTHROPIC_AUTH_TOKEN and remove the ANTHROPIC_API_KEY export from your shell profile.',

  'TOOL_NATIVE_BINARY_MISSING.title': 'The tool was installed without its native binary',
  'TOOL_NATIVE_BINARY_MISSING.cause.1': 'The package was installed with install scripts skipped (--ignore-scripts, pnpm defaults), leaving a small stub instead of the binary (Claude Code, OpenCode).',
  'TOOL_NATIVE_BINARY_MISSING.fix.1': 'Reinstall with install scripts allowed (e.g. npm i -g <package> without --ignore-scripts).',

  'NET_DNS_FAILURE.title': 'The host name could not be resolved',
  'NET_DNS_FAILURE.cause.1': 'The host in the base URL is misspelled or does not exist.',
  'NET_DNS_FAILURE.cause.2': 'DNS does not work on this network, or a proxy is required and not set.',
  'NET_DNS_FAILURE.fix.1': 'Check the host spelling; tp-setup doctor resolves the plan host without sending the key.',

  'NET_TLS_FAILURE.title': 'The TLS certificate was not accepted',
  'NET_TLS_FAILURE.cause.1': 'A proxy or security product intercepts HTTPS with its own certificate, which Node does not trust.',
  'NET_TLS_FAILURE.cause.2': 'The base URL points to a host whose certificate does not match the name.',
  'NET_TLS_FAILURE.fix.1': 'Bypass the intercepting proxy for *.aliyuncs.com, or give Node the proxy’s CA via NODE_EXTRA_CA_CERTS; never turn certificate checks off.',

  'NET_CONNECTION_FAILED.title': 'The connection failed or was cut',
  'NET_CONNECTION_FAILED.cause.1': 'A proxy, VPN or firewall refuses or drops the connection to the plan host.',
  'NET_CONNECTION_FAILED.cause.2': 'The base URL points to a wrong host or port (for example a stale address in a tool cache).',
  'NET_CONNECTION_FAILED.fix.1': 'Check the proxy settings (HTTPS_PROXY, NO_PROXY) and retry; tp-setup doctor tests the connection without sending the key.',
};

export type ExplainTextKey = keyof typeof explainEn;
export type ExplainTexts = Readonly<Record<ExplainTextKey, string>>;
