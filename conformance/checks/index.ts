/** Every check, in the order the groups run (schema first: later groups reuse what it made). */
import type { Check } from '../check.js';
import { authChecks } from './auth.js';
import { concurrencyChecks } from './concurrency.js';
import { corsChecks } from './cors.js';
import { idempotencyChecks } from './idempotency.js';
import { privacyChecks } from './privacy.js';
import { ruleChecks } from './rules.js';
import { schemaChecks } from './schema.js';

export const CHECKS: readonly Check[] = [...schemaChecks, ...authChecks, ...concurrencyChecks, ...idempotencyChecks, ...ruleChecks, ...privacyChecks, ...corsChecks];
