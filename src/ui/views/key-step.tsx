import { Box, Text } from 'ink';
import { useCallback, useState } from 'react';
import { planKeyVar } from '../../core/adapters/key-vars.js';
import type { PlanId, RegionId } from '../../core/catalog/types.js';
import { keyOriginCode, maskKey } from '../../core/keys.js';
import { renderFinding } from '../../presenters/view.js';
import type { Finding } from '../../core/findings.js';
import type { Translate } from '../../i18n/index.js';
import { keyProblem, keyProblemWhileTyping, type KeyAnswer } from '../questions-reducer.js';
import { MaskedInput } from './masked-input.js';
import { SelectView, type Choice } from './select-view.js';

interface Props {
  readonly plan: PlanId;
  readonly region: RegionId;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly previous: KeyAnswer | undefined;
  /** After a key reset: the prompt asks for the new key. */
  readonly rotate?: boolean;
  readonly onSubmit: (key: KeyAnswer) => void;
  readonly t: Translate;
}

/** Keys that are already there and fit this plan: a variable the user exported, or the earlier answer. */
export function readyKeys(plan: PlanId, region: RegionId, env: Props['env'], previous: KeyAnswer | undefined): KeyAnswer[] {
  const names = [...new Set(['TP_SETUP_API_KEY', planKeyVar(plan)])];
  const fromEnv: KeyAnswer[] = names.flatMap((name) => {
    const value = env[name];
    return value && !keyProblem(value, plan, region) ? [{ source: 'env' as const, name, value }] : [];
  });
  const kept = previous && !keyProblem(previous.value, plan, region) && !fromEnv.some((k) => k.value === previous.value) ? [previous] : [];
  return [...kept, ...fromEnv];
}

const say = (f: Finding | undefined, t: Translate): string | null => (f ? renderFinding(f, t).message : null);

/**
 * The key: masked input, or a ready key to pick. The prefix is checked against the plan while
 * typing, with the reason in words; Enter with a key that cannot work says why and stays.
 */
export function KeyStep({ plan, region, env, previous, rotate = false, onSubmit, t }: Props) {
  const ready = readyKeys(plan, region, env, previous);
  const [typing, setTyping] = useState(ready.length === 0);
  const [problem, setProblem] = useState<string | null>(null);
  // While typing only a prefix that can never become right is named; Enter names any reason.
  const checkWhileTyping = useCallback((value: string) => setProblem(say(keyProblemWhileTyping(value, plan, region), t)), [plan, region, t]);
  if (!typing) {
    const choices: Choice<string>[] = [
      ...ready.map((k, i) => ({
        value: String(i),
        label:
          k.source === 'env'
            ? t('wizard.key.useEnv', { name: k.name, masked: maskKey(k.value) })
            : t(k.source === 'configured' ? 'wizard.key.configured' : 'wizard.key.keep', { masked: maskKey(k.value) }),
      })),
      { value: 'type', label: t('wizard.key.type') },
    ];
    return (
      <Box flexDirection="column">
        <Text bold>{`? ${t('wizard.key.source')}`}</Text>
        <SelectView choices={choices} onSubmit={(v) => (v === 'type' ? setTyping(true) : onSubmit(ready[Number(v)]!))} />
        <Text dimColor>{`  ${t('wizard.hint.select')}`}</Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold>{`? ${t(rotate ? 'prompt.newKey' : 'prompt.key')}`}</Text>
      <Text dimColor>{`  ${t(keyOriginCode(plan, region))}`}</Text>
      <Box>
        <Text>{'  '}</Text>
        <MaskedInput
          onChange={checkWhileTyping}
          onSubmit={(value) => {
            const f = keyProblem(value, plan, region);
            if (f) setProblem(say(f, t));
            else onSubmit({ source: 'typed', value });
          }}
        />
      </Box>
      {problem ? <Text color="red">{`✖ ${problem}`}</Text> : null}
      <Text dimColor>{`  ${t('wizard.hint.key')}`}</Text>
    </Box>
  );
}
