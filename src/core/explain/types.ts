/**
 * Shapes of the error catalog. `data.ts` holds the facts (`…Data`: ids, patterns, check codes,
 * plans, sources); the words live in the explain tables of src/i18n; `catalog.ts` joins the two into
 * the `ErrorEntry` shape the matcher and the commands read.
 */

import type { ToolId } from '../adapters/types.js';
import type { Localised, PlanId, Source } from '../catalog/types.js';
import type { FindingCode } from '../findings.js';
import type { KeyKind } from '../keys.js';

export type { ToolId };

/** Finding codes of tp-setup's offline checks (doctor and adapters) that can confirm a cause. */
export type CheckCode = FindingCode;

/** Which catalog limit a `{limit}` number in the message refers to. */
export type LimitKind = 'thinking' | 'output' | 'context';

interface CauseFacts {
  /** Finding codes whose presence confirms this cause offline. */
  readonly checks?: readonly CheckCode[];
  /**
   * KEY_WRONG_KIND confirms this cause only for a key of these kinds (the finding's `kind`): a
   * plan key on a general URL and a general key on a plan URL are different causes.
   */
  readonly keyKinds?: readonly KeyKind[];
  /** Only these plans document this cause; absent means every plan of the entry. */
  readonly plans?: readonly PlanId[];
  /** Where this particular cause is stated, when not every source of the entry says it. */
  readonly sources?: readonly Source[];
}

interface FixFacts {
  readonly plans?: readonly PlanId[];
}

/** A key shared by fixes that several entries list word for word. */
export type SharedFixKey = `fix.${string}`;

/** A cause as `data.ts` holds it: its words are `<entry id>.cause.<text>` in the explain tables. */
export interface ErrorCauseData extends CauseFacts {
  readonly text: number;
}

/** A fix as `data.ts` holds it: its words are `<entry id>.fix.<text>`, or the shared key itself. */
export interface ErrorFixData extends FixFacts {
  readonly text: number | SharedFixKey;
}

export interface ErrorCause extends Localised, CauseFacts {}

export interface ErrorFix extends Localised, FixFacts {}

interface EntryFacts {
  readonly id: string;
  readonly http?: number;
  /** The tool that prints the message, when it is not the Model Studio API itself. */
  readonly tool?: ToolId;
  /** True for messages that need no action (informational notices). */
  readonly harmless?: boolean;
  readonly patterns: readonly string[];
  readonly weakPatterns?: readonly string[];
  /** Texts that contain one of these are someone else's error that merely shares words. */
  readonly unless?: readonly string[];
  readonly limit?: LimitKind;
  readonly plans: readonly PlanId[];
  readonly sources: readonly Source[];
  readonly decisions?: readonly string[];
}

/** An entry as `data.ts` holds it; its title is `<entry id>.title` in the explain tables. */
export interface ErrorEntryData extends EntryFacts {
  readonly causes: readonly ErrorCauseData[];
  readonly fixes: readonly ErrorFixData[];
}

export interface ErrorEntry extends EntryFacts {
  readonly title: Localised;
  readonly causes: readonly ErrorCause[];
  readonly fixes: readonly ErrorFix[];
}

export interface ErrorCatalogData {
  /** The day the entries were last checked against their sources (YYYY-MM-DD). */
  readonly date: string;
  readonly entries: readonly ErrorEntryData[];
}

export interface ErrorCatalog {
  readonly date: string;
  readonly entries: readonly ErrorEntry[];
}
