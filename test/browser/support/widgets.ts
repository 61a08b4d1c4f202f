// The registered widgets (src/widgets.json), for tests that go through every one of them.
import registry from '../../../src/widgets.json' with { type: 'json' };

export const WIDGETS = registry.widgets;
export const WIDGET_TAGS: readonly string[] = WIDGETS.map((w) => w.tag);
/** The widgets that show one client (`client-id`), for tests about switching and reloading clients. */
export const CLIENT_WIDGET_TAGS: readonly string[] = WIDGETS.filter((w) => w.clientScoped).map((w) => w.tag);
