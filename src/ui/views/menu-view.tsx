import { Box, Text } from 'ink';
import { adapters, type ToolId } from '../../core/adapters/index.js';
import { getPlan, regionName } from '../../core/catalog/index.js';
import type { HostFamily } from '../../core/catalog/types.js';
import type { Translate } from '../../i18n/index.js';
import type { Detection, MenuChoice } from '../detect.js';
import { wordList } from '../../presenters/view.js';
import { SelectView, type Choice } from './select-view.js';

/** The plan family a host belongs to, named as the plan screen names it, in the user's language. */
const familyName = (family: HostFamily, t: Translate): string =>
  family === 'token-plan' ? t('wizard.family.token') : getPlan(family).name[t.lang];

/** What was found, in a few lines: installed tools, which use Model Studio already, doctor's count. */
export function detectionLines(d: Detection, t: Translate): string[] {
  const installed = Object.entries(d.installed)
    .filter(([, v]) => Boolean(v))
    .map(([id, v]) => `${adapters[id as ToolId].label} ${/\d+\.\d+\.\d+/.exec(v ?? '')?.[0] ?? ''}`.trim());
  const configured = d.configured.map((c) => {
    const region = c.region ? regionName(c.region, t.lang) : undefined;
    const where = [c.family ? familyName(c.family, t) : null, region].filter((w): w is string => Boolean(w));
    return where.length > 0 ? t('wizard.configured.item', { tool: adapters[c.tool].label, where: wordList(t, where) }) : adapters[c.tool].label;
  });
  return [
    installed.length > 0 ? t('wizard.installed', { list: wordList(t, installed) }) : t('wizard.installedNone'),
    configured.length > 0 ? t('wizard.configured', { list: wordList(t, configured) }) : t('wizard.configuredNone'),
    d.errors + d.warnings > 0 ? t('wizard.problems', { errors: d.errors, warnings: d.warnings }) : t('wizard.problemsNone'),
    ...(d.caches.length > 0 ? [t('wizard.cachesFound', { count: d.caches.length })] : []),
  ];
}

export function MenuView({ detection, choices, onChoose, t }: { detection: Detection; choices: readonly MenuChoice[]; onChoose: (c: MenuChoice) => void; t: Translate }) {
  const items: Choice<MenuChoice>[] = choices.map((c) => ({ value: c, label: t(`wizard.menu.${c}`, { errors: detection.errors, warnings: detection.warnings }), description: t(`wizard.menu.${c}.desc`) }));
  return (
    <Box flexDirection="column">
      {detectionLines(detection, t).map((line) => (
        <Text key={line}>{`  ${line}`}</Text>
      ))}
      <Text bold>{`? ${t('wizard.menu')}`}</Text>
      <SelectView choices={items} onSubmit={onChoose} />
      <Text dimColor>{`  ${t('wizard.hint.selectFirst')}`}</Text>
    </Box>
  );
}
