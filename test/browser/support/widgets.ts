// The registered widgets (src/widgets.json), for tests that go through every one of them.
import registry from '../../../src/widgets.json' with { type: 'json' };

export const WIDGETS = registry.widgets;
export const WIDGET_TAGS: readonly string[] = WIDGETS.map((w) => w.tag);
