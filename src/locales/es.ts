// The Spanish pack's shared part: the catalogs of no single widget (common text, problems). Each
// widget's Spanish lives in its own folder (`<tag>.translations.es.ts`) and is fetched beside this
// one for the widgets a page defines. The published `portal-widgets/locales/es` and
// `locales/es.iife.js` bundle this part with every widget's (rollup.config.mjs, from src/widgets.json).
import { registerTranslations } from '../i18n/messages.js';
import { commonMessagesEs as common, problemMessagesEs as problems } from '../i18n/common.messages.es.js';

registerTranslations('es', { common, problems });
