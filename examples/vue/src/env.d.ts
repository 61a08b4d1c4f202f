// The SDK's elements in Vue templates: their props and @portal-* listeners, checked by vue-tsc.
import type {} from 'portal-widgets/vue';
