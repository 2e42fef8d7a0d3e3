/** The words of the error catalog in Simplified Chinese; keys as in src/i18n/explain-en.ts. */

import type { ExplainTexts } from './explain-en.js';

export const explainZhCN: ExplainTexts = {
  'fix.pairKeyUrl': '密钥必须与对应的 Base URL 搭配：套餐密钥只能配套餐地址（Coding Plan 用 coding…，Token Plan 用 token-plan…），按量付费的 sk- 密钥只能配 dashscope… 地址。',
  'fix.restart': '修改密钥或地址后重启工具（OpenClaw 需执行 openclaw gateway restart）。',
  'fix.openclawCache': 'OpenClaw：运行 `tp-setup clean`（先备份过期缓存，再把它移走），然后执行 `openclaw gateway restart`；OpenClaw 会根据 openclaw.json 重新生成缓存。',
  'fix.exactModel': '请严格按套餐列表填写模型 ID：区分大小写，前后不能有空格。',
  'fix.newSession': '新建会话（/new）或压缩上下文（/compact），并只在工作目录中保留任务需要的文件。',
  'fix.upgradePro': '升级到 Pro 以获得更多额度（国际站）。',

  'E01.title': '请求中没有携带 API 密钥',
  'E01.cause.1': '工具没有发送密钥：密钥为空、仍是占位符，或者它引用的环境变量没有设置。',
  'E01.cause.2': '工具只在 x-api-key 请求头里发送了密钥，而 Token Plan 读取的是 Authorization: Bearer。Claude Code 使用 ANTHROPIC_API_KEY、OpenCode 使用 @ai-sdk/anthropic 加 options.apiKey 时都会这样。',
  'E01.fix.1': '从 Token Plan 页面复制专属密钥，并配置到工具中。',
  'E01.fix.2': '通过 Authorization: Bearer 发送：Claude Code 使用 ANTHROPIC_AUTH_TOKEN；OpenCode（Anthropic 协议）设置 options.headers.Authorization 为 "Bearer {env:VAR}"。',

  'E02.title': 'API 密钥被拒绝',
  'E02.cause.1': '使用的是按量付费的 sk- 密钥或 Coding Plan 密钥，而不是 Token Plan 密钥。',
  'E02.cause.2': 'Token Plan 的 sk-sp- 密钥被发到了通用的 dashscope 地址（例如脚本或按量付费的提供方配置）。',
  'E02.cause.3': '密钥不完整，或者带有空格、换行。',
  'E02.cause.4': 'Token Plan 订阅已过期。',
  'E02.cause.5': '密钥属于另一个站点：密钥与地域绑定，国际站密钥在 cn-beijing 地址上会失败，反之亦然。',
  'E02.cause.6': '密钥已被重置，或者套餐过期后重新购买；旧密钥已失效。',
  'E02.fix.1': '重新完整复制 Token Plan 密钥，不要带空格。',
  'E02.fix.2': '在 Token Plan 页面确认订阅有效；如果仍然报错，重置密钥并在所有工具中更新。',
  'E02.fix.3': '使用购买站点对应的地址：中国站用 token-plan.cn-beijing…，国际站用 token-plan.ap-southeast-1…。',

  'E03.title': '模型不存在',
  'E03.cause.1': '模型名与套餐提供的任何模型都不匹配：拼写错误、大小写不同、多了空格，或是其他套餐、其他版本的模型 ID。',

  'E04.title': '模型不存在或不受支持',
  'E04.cause.1': '模型名拼写错误、大小写不对，或带有空格。',
  'E04.cause.2': '该模型不在这个套餐或版本中（个人版和团队版提供的模型不同）。',
  'E04.cause.3': '该模型不支持工具使用的协议：deepseek-v3.2 只能通过 OpenAI 兼容接口调用，不支持 Anthropic 接口。',
  'E04.fix.2': 'deepseek-v3.2 请使用 OpenAI 兼容地址（…/compatible-mode/v1）；在 Claude Code 等 Anthropic 协议工具中请换用其他模型。',

  'E05.title': '套餐不支持该模型',
  'E05.cause.1': '模型 ID 拼写错误、大小写不对，或前后带有空格。',
  'E05.cause.2': '该模型不在 Coding Plan 的模型列表中。',
  'E05.cause.3': 'API 密钥或 Base URL 配置错误，请求被发到了不提供该模型的服务。',
  'E05.cause.4': '据第三方资料，Coding Plan 中的 qwen3.6-plus 仅限 Pro 订阅；Lite 订阅可能被拒绝。',
  'E05.fix.2': '从 Coding Plan 概览页的模型列表中选择模型。',

  'E06.title': 'Base URL 路径与协议不匹配',
  'E06.cause.1': 'Anthropic 接口上配置了 OpenAI 兼容路径，或者反过来；多粘贴了 /chat/completions、/messages 后缀，或重复了 /v1，也会这样。',
  'E06.fix.1': 'Anthropic 兼容工具（Claude Code）：…/apps/anthropic；使用 @ai-sdk/anthropic 的 OpenCode：…/apps/anthropic/v1；OpenAI 兼容工具：…/compatible-mode/v1。',

  'E07.title': 'max_tokens 超过模型的输出上限',
  'E07.cause.1': '工具中设置的最大输出长度（max_tokens、OpenCode 的 limit.output、OpenClaw 的 maxTokens）超过了模型的上限。',
  'E07.cause.2': 'OpenCode 使用 Anthropic 协议时会把思考预算加到 max_tokens 上（min(limit.output, 32000) + budgetTokens），预算过大也会超限。',
  'E07.fix.1': '把输出上限调低到不超过错误信息中给出的数值。',

  'E08.title': '思考预算过大',
  'E08.cause.1': '工具中配置的思考长度（thinking_budget、OpenCode 的 budgetTokens）超过了模型的上限。',
  'E08.cause.2': '为不支持深度思考的模型（qwen3-coder-next、qwen3-coder-plus）配置了思考参数。',
  'E08.cause.3': 'MiniMax-M2.5 的思考预算与输出长度之和不能超过 32,768 个 token。',
  'E08.cause.4': '思考预算为 0、负数或不是整数。',
  'E08.fix.1': '把思考预算设为不超过错误信息中的数值（OpenCode：opencode.json 中的 options.thinking.budgetTokens）。',
  'E08.fix.2': '对不支持深度思考的模型，删除思考配置（OpenCode：options.thinking）。',
  'E08.fix.3': 'MiniMax-M2.5 默认开启思考，可以不设置 budgetTokens。',

  'E09.title': '访问令牌无效或已过期',
  'E09.cause.1': 'Token Plan：Base URL 用成了 Coding Plan 或其他套餐的地址。',
  'E09.cause.2': 'Coding Plan：使用了按量付费的 sk- 密钥，而不是套餐专属的 sk-sp- 密钥。',
  'E09.cause.3': '订阅已过期。',
  'E09.cause.4': '密钥已损坏：不完整，或复制时带了空格、换行。',
  'E09.cause.5': 'Token Plan：密钥类型不对，例如用了按量付费的 sk- 密钥，而不是 Token Plan 的密钥。',
  'E09.cause.6': 'OpenClaw 仍在发送缓存里的旧密钥或旧地址，而不是 openclaw.json 中的设置。',
  'E09.fix.1': 'Token Plan：使用所在站点的 token-plan 地址（…/compatible-mode/v1 或 …/apps/anthropic）。',
  'E09.fix.2': 'Coding Plan：使用 Coding Plan 页面上的 sk-sp- 密钥；如果订阅已过期请续费。',
  'E09.fix.3': 'Token Plan：使用所在站点 Token Plan 页面上的密钥。',

  'E10.title': 'API 密钥与该地址不匹配',
  'E10.cause.1': 'Token Plan：套餐密钥配上了通用的 Base URL（dashscope.aliyuncs.com 或 dashscope-intl.aliyuncs.com）。',
  'E10.cause.2': 'Token Plan：按量付费的标准 sk- 密钥配上了 token-plan 地址。',
  'E10.cause.3': '脚本直接用 sk-sp- 套餐密钥调用 DashScope；套餐密钥只能在 AI 编程工具中使用。',
  'E10.cause.4': 'Coding Plan：密钥为空、格式错误、不完整或带有多余空格。',
  'E10.cause.5': 'Coding Plan：订阅已过期或无效。',
  'E10.cause.6': 'Coding Plan：sk-sp- 套餐密钥配上了通用 Base URL（dashscope… 而不是 coding…）。',
  'E10.cause.7': 'Coding Plan：通用 sk- 密钥配上了 coding… 地址。',
  'E10.cause.8': 'OpenClaw 的 models.json 缓存中残留旧的 providers.bailian（或 auth-profiles.json 中的旧密钥），发送的是旧配置而不是新设置。',
  'E10.fix.2': '重新完整复制套餐密钥（sk-sp-…），不要带空格。',

  'E11.title': '套餐密钥用在了非套餐地址上',
  'E11.cause.1': '配置的是百炼通用 Base URL，而不是套餐专属地址。',
  'E11.cause.2': 'Token Plan：Token Plan 密钥配上了不含 token-plan 的地址。',
  'E11.fix.1': '使用套餐地址：Coding Plan 用 coding.dashscope.aliyuncs.com / coding-intl.dashscope.aliyuncs.com，Token Plan 用 token-plan.<地域>.maas.aliyuncs.com。',

  'E12.title': '找不到接口：URL 路径错误',
  'E12.cause.1': 'Base URL 路径与工具不匹配：Claude Code 需要 …/apps/anthropic（不带 /v1），使用 @ai-sdk/anthropic 的 OpenCode 需要 …/apps/anthropic/v1，OpenAI 兼容工具需要 …/v1（Coding Plan）或 …/compatible-mode/v1（Token Plan）。',
  'E12.cause.2': '主机名与套餐地址不完全一致。',
  'E12.fix.1': '按工具的协议修正路径；不要自己追加 /chat/completions 或 /messages。',

  'E13.title': '输入超过了模型的上下文窗口',
  'E13.cause.1': '输入内容（包括对话历史和代码上下文）超过了模型的最大上下文长度。',
  'E13.cause.2': '工具中配置的上下文上限大于模型的窗口，导致工具压缩上下文太晚。',
  'E13.fix.2': '换用上下文窗口更大的模型（qwen3.7-plus、qwen3.6-plus、qwen3.5-plus、qwen3-coder-plus：1,000,000 token）。',
  'E13.fix.3': '把工具的上下文上限设为模型的窗口大小（OpenCode 的 limit.context、OpenClaw 的 contextWindow）。',

  'E14.title': '短时间内请求过多',
  'E14.cause.1': '短时间内请求过于密集，触发了模型的限流。',
  'E14.cause.2': '密钥被他人或其他机器共用。',
  'E14.fix.1': '等待一分钟后重试。',
  'E14.fix.2': '如果经常出现，请降低请求频率，并确认没有其他人在使用该密钥。',

  'E15.title': '套餐额度已用完',
  'E15.cause.1': '席位额度和共享用量包都已用完。不会自动转为按量付费。',
  'E15.fix.1': '等待下个计费周期额度重置，或购买共享用量包。',

  'E16.title': '5 小时请求额度已用完',
  'E16.cause.1': '滚动 5 小时的请求额度已用完。',
  'E16.fix.1': '等待 5 小时窗口滚动恢复。',

  'E17.title': '每周请求额度已用完',
  'E17.cause.1': '每周请求额度已用完。',
  'E17.fix.1': '额度在每周一 00:00（UTC+8）重置。',

  'E18.title': '每月请求额度已用完',
  'E18.cause.1': '每月请求额度已用完。',
  'E18.fix.1': '额度在下个订阅月对应日期的 00:00（UTC+8）重置。',

  'E19.title': '并发请求过多',
  'E19.cause.1': '并发请求超过了动态分配的上限，高峰时段上限更低。',
  'E19.fix.1': '稍等片刻后重试。',

  'E20.title': '无法连接到服务器',
  'E20.cause.1': 'Base URL 域名拼写错误（例如把 coding-intl 写成 dashscope-intl、把 token-plan 写成 token_plan，或地域标识写错）。',
  'E20.cause.2': '网络问题：没有网络、代理或 VPN 拦截或破坏了请求，或被防火墙阻断。',
  'E20.fix.1': '检查 Base URL 域名的拼写。',
  'E20.fix.2': '检查网络和代理设置（HTTPS_PROXY、NO_PROXY）；tp-setup doctor 可以在不发送密钥的情况下检测 DNS 和 TLS。',

  'E21.title': '请求被内容安全审核拦截',
  'E21.cause.1': '内容安全审核认为请求中的文本有问题（提示词，或工具作为上下文发送的文件、日志）。',
  'E21.fix.1': '改写输入，或从上下文中移除被拦截的文件或文本，然后新建会话。',

  'E22.title': 'Coding Plan 只能在编程智能体中使用',
  'E22.cause.1': '调用来自 Coding Plan 不支持的工具或环境：curl、Postman、Dify、通用聊天应用或脚本。',
  'E22.fix.1': '请使用支持的编程工具（Claude Code、Qwen Code、OpenClaw、OpenCode、Cursor、Cline 等）。在脚本或后端中使用密钥可能导致订阅被暂停。',

  'E23.title': '连接到了魔搭 ModelScope，而不是百炼',
  'E23.cause.1': '工具指向的是魔搭 ModelScope（独立平台），或者把 ms- 开头的魔搭令牌和 sk- 开头的百炼密钥弄混了。',
  'E23.cause.2': '复制魔搭令牌时带了空格或换行。',
  'E23.fix.1': '使用 Coding Plan 时配置套餐地址和 sk-sp- 密钥；使用魔搭时请到魔搭获取令牌。',

  'E24.title': 'OpenClaw 找不到该模型',
  'E24.cause.1': 'models.providers 中没有 bailian。',
  'E24.cause.2': 'agents.defaults.model.primary 缺少 bailian/ 前缀（含有 / 的模型 ID 同样需要提供方前缀）。',
  'E24.cause.3': '主模型没有在 models.providers.bailian.models 中定义。',
  'E24.cause.4': '残留的 qwen-portal 等旧提供方干扰了模型路由。',
  'E24.fix.1': '在 ~/.openclaw/openclaw.json 中：添加 models.providers.bailian，把 primary 设为 "bailian/<模型>"，并在 models.providers.bailian.models 中列出该模型，删除不再使用的提供方；然后执行 openclaw gateway restart。',
  'E24.fix.2': 'openclaw models status --check 可以显示哪个模型引用无法解析。',

  'E25.title': 'OpenClaw 找不到该提供方的 API 密钥',
  'E25.cause.1': 'models.providers 中没有与错误信息中提供方同名的条目（Coding Plan 需要 bailian）。',
  'E25.cause.2': '该提供方的密钥为空、带有多余空格，或仍是 YOUR_API_KEY。（网页界面显示 __OPENCLAW_REDACTED__ 表示密钥已保存。）',
  'E25.cause.3': '过期的本地凭据缓存（auth-profiles.json、models.json）使新配置无法生效。',
  'E25.cause.4': '提供方已从 openclaw.json 中删除，但旧的 models.json 仍列出其模型，于是这些模型在没有密钥的情况下被选用（OpenClaw 2026.9）。',
  'E25.fix.1': '在 models.providers 中添加该提供方及其密钥（Coding Plan：sk-sp-…）。',
  'E25.fix.2': '先备份，再删除 ~/.openclaw/agents/main/agent/auth-profiles.json 和 models.json，然后执行 openclaw gateway restart。',

  'E26.title': 'OpenClaw 正在使用第三方 OAuth 登录',
  'E26.cause.1': '连接的是第三方 OAuth 服务（例如 Qwen portal），而不是 Coding Plan。',
  'E26.fix.1': '在 OpenClaw 中配置 Coding Plan（models.providers.bailian）。',
  'E26.fix.2': '先备份，再删除 ~/.openclaw/agents/main/agent/auth.json 和 models.json，然后执行 openclaw gateway restart。',

  'E27.title': '已达到调用频率上限',
  'E27.cause.1': 'Base URL 或提供方配置错误，请求走了通用 API 而不是套餐通道。',
  'E27.cause.2': '没有有效的套餐订阅，因此没有专属额度。',
  'E27.cause.3': '套餐额度已用完（Token Plan：席位额度和共享用量包）。',
  'E27.fix.1': '检查 OpenClaw 配置中的 models、agents 和 gateway 是否与文档结构一致（{"models": {"providers": {"bailian": {…}}}}）。',
  'E27.fix.2': '在套餐页面查看用量和下次重置时间；国际站的 Lite 可以升级到 Pro。',
  'E27.fix.3': '最后再考虑重置密钥。',

  'E28.title': 'OpenClaw 无法获取套餐模型列表（不影响使用）',
  'E28.cause.1': 'OpenClaw 尝试查询模型列表，而 Coding Plan 不提供查询模型列表的接口。',
  'E28.fix.1': '无需处理：OpenClaw 可以正常使用。',
  'E28.fix.2': '如需隐藏该提示，把 ~/.openclaw/agents/main/agent/auth-profiles.json 中的 alibaba-cloud:default 改为 "profiles": {}。',

  'E29.title': 'openclaw.json 中的 auth.profiles 无效',
  'E29.cause.1': 'auth.profiles 被手动修改过：mode 值无效，或加了 apiKey 字段。auth.profiles 只存认证元数据，不存密钥。',
  'E29.cause.2': '把凭据存储格式的 profile（{type, provider, key}）粘贴进了 openclaw.json。',
  'E29.cause.3': 'Qwen 每日额度的 OAuth 登录自动添加了 qwen-portal:default，而 Coding Plan 并不需要它。',
  'E29.fix.1': '从 auth.profiles 中删除误加或改错的字段，以及不需要的 profile。',
  'E29.fix.2': '把 Coding Plan 密钥放在 models.providers.bailian.apiKey 中；可用 openclaw config validate 检查文件。',

  'E30.title': 'OpenClaw 显示已连接但对话无响应',
  'E30.cause.1': '本地代理或 VPN 拦截了发往 coding.dashscope.aliyuncs.com 的请求，或没有正确转发。',
  'E30.cause.2': '~/.openclaw/agents/main/agent/models.json 中缓存的 Base URL 指向了错误的地址。',
  'E30.fix.1': '关闭本地代理，或确保代理能访问 coding.dashscope.aliyuncs.com。',

  'E31.title': 'OpenClaw 调用了未配置的模型',
  'E31.cause.1': 'openclaw.json 没有限制可用模型（agents.defaults.models；OpenClaw 2026.9 中白名单是 agents.defaults.modelPolicy.allow）。',
  'E31.fix.1': '在 ~/.openclaw/openclaw.json 中声明允许的模型（agents.defaults.models；2026.9 及以后用 agents.defaults.modelPolicy.allow）。',

  'E32.title': 'qwen-portal/coder-model 不是百炼的模型',
  'E32.cause.1': 'qwen-portal/coder-model 是 Qwen Chat 网页版的免费模型，百炼和 Coding Plan 都不提供。',
  'E32.fix.1': '请选择套餐提供的模型。',

  'E33.title': 'Claude Code 首次启动时尝试连接 Anthropic',
  'E33.cause.1': '首次启动时，即使设置了 ANTHROPIC_BASE_URL，Claude Code 也会连接 api.anthropic.com 完成初始化；在 Claude Code 不提供服务的地区会失败。',
  'E33.fix.1': '在 ~/.claude.json 顶层加入 "hasCompletedOnboarding": true（保留文件其余内容），然后重启 Claude Code。',

  'E34.title': 'Claude Code 已改用原生安装方式（不影响使用）',
  'E34.cause.1': '这是 Claude Code 的提示信息，不影响正常使用。',
  'E34.fix.1': '可选：运行 claude install，按提示完成迁移。',

  'E35.title': '请求内容过大',
  'E35.cause.1': '请求内容（代码上下文和对话历史）超过了最大输入限制。',
  'E35.cause.2': 'OpenCode 版本低于 1.2.16（该版本修复了此问题）。',
  'E35.fix.2': '将 OpenCode 升级到 1.2.16 或更高版本。',

  'E36.title': '已订阅套餐却仍按量计费',
  'E36.cause.1': '工具使用的是按量付费的 sk- 密钥和通用 Base URL（不含 coding 或 token-plan）；这种配置本身是有效的，只有对照你声明的套餐才能发现。',
  'E36.cause.2': '同时配置了通用凭据和套餐凭据，工具走了通用凭据（OpenClaw 会这样）。',
  'E36.cause.3': '工具仍在使用缓存的旧凭据。',
  'E36.cause.4': '账单延迟：订阅前不久的调用会在几分钟或几小时后才出账。',
  'E36.fix.2': '从工具中删除通用 API 配置，并选择套餐中的模型（OpenCode：选择套餐提供方下的模型）。',
  'E36.fix.3': '清除工具缓存并重启。',

  'E37.title': '无权使用该模型',
  'E37.cause.1': '该模型仅限团队版，而密钥属于个人版。',
  'E37.cause.2': '国际站 Token Plan 只以带日期的名称提供该模型（例如 deepseek-v4-flash 与 deepseek-v4-flash-0731）。',
  'E37.fix.1': '请选择你所购版本提供的模型。',

  'E38.title': '该地域没有 Token Plan 接入点',
  'E38.cause.1': 'token-plan 地址中的地域没有开通该套餐（例如 eu-central-1）。',
  'E38.fix.1': '请使用 token-plan.cn-beijing.maas.aliyuncs.com（中国站）或 token-plan.ap-southeast-1.maas.aliyuncs.com（国际站）。',

  'RESPONSE_FORMAT_UNAVAILABLE.title': '该模型不支持此 response_format（结构化输出）',
  'RESPONSE_FORMAT_UNAVAILABLE.cause.1': '请求通过 response_format 的 json_schema 类型（严格 JSON Schema）要求结构化输出。据报告，Token Plan 地址上的 deepseek-v4.1-flash 拒绝 json_schema，但接受 json_object。',
  'RESPONSE_FORMAT_UNAVAILABLE.fix.1': '在工具中为该模型关闭结构化输出（JSON Schema）模式。',
  'RESPONSE_FORMAT_UNAVAILABLE.fix.2': '在自己的代码中改为发送 response_format {"type": "json_object"}，不要用 json_schema；此时不会按 Schema 校验，请自行检查返回内容。',
  'RESPONSE_FORMAT_UNAVAILABLE.fix.3': '或者换用据报告在 Token Plan 上接受 json_schema 的模型，例如 qwen3.6-plus 或 qwen3.7-max。',

  'OPENCLAW_AUTH_MIGRATION_REQUIRED.title': 'OpenClaw 需要先迁移旧凭据',
  'OPENCLAW_AUTH_MIGRATION_REQUIRED.cause.1': '代理目录中还有旧的 auth-profiles.json；OpenClaw 2026.9 把凭据存在 SQLite 中，导入之前会拒绝运行。',
  'OPENCLAW_AUTH_MIGRATION_REQUIRED.fix.1': '运行 openclaw doctor --fix：它会导入该文件并重命名。然后用 openclaw models auth list --provider bailian --json 检查。',
  'OPENCLAW_AUTH_MIGRATION_REQUIRED.fix.2': '之后已保存的 profile 优先于 openclaw.json 中的 apiKey：更换密钥时还要执行 openclaw models auth logout bailian:default --yes。',

  'OPENCLAW_PROVIDER_INCOMPLETE.title': 'OpenClaw 自定义提供方缺少 baseUrl 或 models',
  'OPENCLAW_PROVIDER_INCOMPLETE.cause.1': '自定义提供方（bailian、bailian-token-plan）缺少 baseUrl 或 models 列表；只有内置提供方可以省略。',
  'OPENCLAW_PROVIDER_INCOMPLETE.fix.1': '为该提供方填写套餐 baseUrl，并在 models 列表中至少列出你使用的模型（每项包含 id 和 name）。',

  'OPENCLAW_MODEL_NAME_MISSING.title': 'OpenClaw 的模型条目缺少 name',
  'OPENCLAW_MODEL_NAME_MISSING.cause.1': 'models.providers.<id>.models 中的某个条目缺少必填的 name 字段。',
  'OPENCLAW_MODEL_NAME_MISSING.fix.1': '为每个模型条目加上 "name"（例如与模型 ID 相同）。',

  'OPENCLAW_THINKING_FORMAT_REJECTED.title': '当前 OpenClaw 版本不接受 thinkingFormat "qwen"',
  'OPENCLAW_THINKING_FORMAT_REJECTED.cause.1': 'OpenClaw 2026.4.26 至 2026.5.7 的 thinkingFormat 不允许 "qwen"，2026.5.12 起恢复。',
  'OPENCLAW_THINKING_FORMAT_REJECTED.fix.1': '将 OpenClaw 升级到 2026.5.12 或更高版本。',
  'OPENCLAW_THINKING_FORMAT_REJECTED.fix.2': '或者删除 compat.thinkingFormat；这样思考参数就不会按千问的方式发送。',

  'OPENCLAW_ROUTE_INDETERMINATE.title': 'OpenClaw 无法路由主模型',
  'OPENCLAW_ROUTE_INDETERMINATE.cause.1': 'agents.defaults.model.primary 没有提供方前缀，OpenClaw 会把它当作 openai/ 模型。',
  'OPENCLAW_ROUTE_INDETERMINATE.cause.2': 'primary 指定的提供方没有在 models.providers 中定义。',
  'OPENCLAW_ROUTE_INDETERMINATE.fix.1': '把 primary 设为 "<提供方>/<模型>"，且该提供方已在 models.providers 中定义（例如 bailian/qwen3.6-plus）。',

  'OPENCLAW_INSECURE_TLS_REFUSED.title': 'OpenClaw 拒绝跳过 TLS 证书校验',
  'OPENCLAW_INSECURE_TLS_REFUSED.cause.1': '设置了 models.providers.<id>.request.tls.insecureSkipVerify；配置结构允许该字段，但模型提供方不能使用。通常是为了绕过拦截 HTTPS 的代理而加上的。',
  'OPENCLAW_INSECURE_TLS_REFUSED.fix.1': '删除 insecureSkipVerify；让 *.aliyuncs.com 绕过拦截代理，或通过 NODE_EXTRA_CA_CERTS 为 Node 提供代理的 CA 证书。',

  'OPENCLAW_AGENTS_LIST_MOVED.title': 'OpenClaw 已迁移 agents.list（不影响使用）',
  'OPENCLAW_AGENTS_LIST_MOVED.cause.1': '配置仍使用旧的 agents.list；OpenClaw 2026.9 会接受它并给出此警告。',
  'OPENCLAW_AGENTS_LIST_MOVED.fix.1': '可选：把代理移到 agents.entries 中（OpenClaw 2026.5 及更早版本不接受 agents.entries，只在新版本上这样做）。',

  'CODEX_WIRE_API_CHAT.title': '当前 Codex 已不支持 Chat Completions',
  'CODEX_WIRE_API_CHAT.cause.1': '配置中设置了 wire_api = "chat"，只有旧版 Codex（0.80.0）支持；新版 Codex 只使用 Responses API。',
  'CODEX_WIRE_API_CHAT.cause.2': 'Coding Plan 不提供 Responses API，因此只能配合 Codex 0.80.0 使用。',
  'CODEX_WIRE_API_CHAT.fix.1': 'Token Plan：设置 wire_api = "responses"，并使用支持 Responses 的模型（qwen3.7-max、qwen3.6-plus）。',
  'CODEX_WIRE_API_CHAT.fix.2': 'Coding Plan（或 Token Plan 的其他模型）：安装 npm i -g @openai/codex@0.80.0，或换用其他工具。',

  'CODEX_MISSING_ENV_VAR.title': 'Codex 找不到存放密钥的环境变量',
  'CODEX_MISSING_ENV_VAR.cause.1': 'config.toml 中的 env_key 指向的变量，在启动 Codex 的 shell 中没有导出。',
  'CODEX_MISSING_ENV_VAR.fix.1': '在 shell 配置文件中加入 export VAR=\'<你的密钥>\'，然后打开新终端（Codex 只读取已导出的变量）。',

  'CODEX_LEGACY_PROFILE.title': 'Codex 的 profile 已改为单独的文件',
  'CODEX_LEGACY_PROFILE.cause.1': 'config.toml 中仍有 profile = "…" 或 [profiles.…] 表；Codex 0.169 从 $CODEX_HOME/<名称>.config.toml 读取 profile。',
  'CODEX_LEGACY_PROFILE.fix.1': '把该 profile 的设置移到错误信息所指的文件中，并删除旧的表。',

  'CODEX_MODEL_METADATA_MISSING.title': 'Codex 没有该模型的元数据（不影响使用）',
  'CODEX_MODEL_METADATA_MISSING.cause.1': 'Codex 只内置了 OpenAI 的模型，百炼模型没有内置条目。',
  'CODEX_MODEL_METADATA_MISSING.fix.1': '可选：在 ~/.codex/model-catalog.local.json（model_catalog_json）中登记该模型，以消除提示并设置上下文窗口。',

  'CODEX_BUBBLEWRAP_MISSING.title': 'Codex 在 PATH 中找不到 bubblewrap（不影响使用）',
  'CODEX_BUBBLEWRAP_MISSING.cause.1': '在 Linux 上，Codex 用 bubblewrap（bwrap）把它执行的 shell 命令放进沙箱。PATH 中没有找到 bwrap（位于工作目录内的不算），所以 Codex 改用安装包自带的副本。这与密钥、Base URL 和模型无关。',
  'CODEX_BUBBLEWRAP_MISSING.fix.1': '套餐配置无需处理。若想消除提示，请用系统包管理器安装 bubblewrap（包名就是 bubblewrap，例如 sudo apt install bubblewrap），然后重新启动 Codex。',
  'CODEX_BUBBLEWRAP_MISSING.fix.2': '不要为了隐藏提示而关闭沙箱（--sandbox danger-full-access）：提示虽然消失，但命令会在沙箱之外运行。',

  'CLAUDE_SETTINGS_INVALID_JSON.title': 'Claude Code 无法读取 settings.json',
  'CLAUDE_SETTINGS_INVALID_JSON.cause.1': 'settings.json 必须是严格的 JSON：注释或末尾多余的逗号都会导致解析失败。',
  'CLAUDE_SETTINGS_INVALID_JSON.fix.1': '删除 ~/.claude/settings.json 中的注释和末尾多余的逗号。',

  'CLAUDE_MODEL_NOT_RECOGNIZED.title': 'Claude Code 不认识该模型（不影响使用）',
  'CLAUDE_MODEL_NOT_RECOGNIZED.cause.1': '该模型不在 Claude Code 自带的模型目录中，且未设置 CLAUDE_CODE_MAX_CONTEXT_TOKENS，所以 Claude Code 仍会使用它，但假定上下文窗口为 100 万 token，并在每次启动时提示。',
  'CLAUDE_MODEL_NOT_RECOGNIZED.cause.2': '对于窗口更小的模型，假定的 100 万 token（或大于模型窗口的 CLAUDE_CODE_MAX_CONTEXT_TOKENS）会推迟上下文压缩，最终可能出现输入长度超限错误。',
  'CLAUDE_MODEL_NOT_RECOGNIZED.fix.1': '重新运行 tp-setup，它会在 ~/.claude/settings.json 中写入 CLAUDE_CODE_MAX_CONTEXT_TOKENS（模型的真实窗口）。',

  'CLAUDE_CUSTOM_API_KEY_PROMPT.title': 'Claude Code 在环境中发现了 ANTHROPIC_API_KEY',
  'CLAUDE_CUSTOM_API_KEY_PROMPT.cause.1': 'shell 中导出了 ANTHROPIC_API_KEY；Claude Code 会把它作为 x-api-key 与套餐令牌一起发送。',
  'CLAUDE_CUSTOM_API_KEY_PROMPT.fix.1': '选择 No（推荐），把套餐密钥保留在 ANTHROPIC_AUTH_TOKEN 中，并从 shell 配置文件中删除 ANTHROPIC_API_KEY 的 export。',

  'TOOL_NATIVE_BINARY_MISSING.title': '工具安装时缺少原生二进制文件',
  'TOOL_NATIVE_BINARY_MISSING.cause.1': '安装时跳过了安装脚本（--ignore-scripts 或 pnpm 默认设置），留下的只是一个小的占位脚本而不是二进制文件（Claude Code、OpenCode）。',
  'TOOL_NATIVE_BINARY_MISSING.fix.1': '在允许执行安装脚本的情况下重新安装（例如不带 --ignore-scripts 执行 npm i -g <包名>）。',

  'NET_DNS_FAILURE.title': '无法解析主机名',
  'NET_DNS_FAILURE.cause.1': 'Base URL 中的主机名拼写错误或不存在。',
  'NET_DNS_FAILURE.cause.2': '当前网络的 DNS 不可用，或需要代理但没有设置。',
  'NET_DNS_FAILURE.fix.1': '检查主机名拼写；tp-setup doctor 会在不发送密钥的情况下解析套餐地址。',

  'NET_TLS_FAILURE.title': 'TLS 证书未被接受',
  'NET_TLS_FAILURE.cause.1': '代理或安全软件用自己的证书拦截 HTTPS，而 Node 不信任该证书。',
  'NET_TLS_FAILURE.cause.2': 'Base URL 指向的主机证书与域名不匹配。',
  'NET_TLS_FAILURE.fix.1': '让 *.aliyuncs.com 绕过拦截代理，或通过 NODE_EXTRA_CA_CERTS 为 Node 提供代理的 CA 证书；不要关闭证书校验。',

  'NET_CONNECTION_FAILED.title': '连接失败或被中断',
  'NET_CONNECTION_FAILED.cause.1': '代理、VPN 或防火墙拒绝或中断了到套餐地址的连接。',
  'NET_CONNECTION_FAILED.cause.2': 'Base URL 指向了错误的主机或端口（例如工具缓存中的旧地址）。',
  'NET_CONNECTION_FAILED.fix.1': '检查代理设置（HTTPS_PROXY、NO_PROXY）后重试；tp-setup doctor 会在不发送密钥的情况下测试连接。',
};
