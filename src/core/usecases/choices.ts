import { planIds } from '../catalog/index.js';

/** The plan ids as a usage message lists them. */
export function planChoices(): string {
  return planIds.join(', ');
}
