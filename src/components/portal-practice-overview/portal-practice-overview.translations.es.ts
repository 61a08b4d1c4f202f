// This widget's Spanish: every catalog it shows, fetched when a page shows Spanish (its define
// module says where it is) and bundled into the Spanish pack for script tags (rollup.config.mjs).
import type { Translations } from '../../i18n/messages.js';
import { messagesEs } from './portal-practice-overview.messages.es.js';
import { capabilityMessagesEs } from '../shared/capabilities.messages.es.js';

export default {
  'portal-practice-overview': messagesEs,
  capabilities: capabilityMessagesEs,
} satisfies Translations;
