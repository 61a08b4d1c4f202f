import { css } from 'lit';

/**
 * Design tokens. Hosts theme widgets by setting `--portal-*` custom properties on any ancestor;
 * the defaults inherit the host's font and follow its `color-scheme` (light or dark). Every pair
 * of text and background colors here passes WCAG AA contrast in both schemes.
 */
export const tokenStyles = css`
  :host {
    --_font: var(--portal-font-family, inherit);
    --_font-size: var(--portal-font-size, 0.9375rem);
    --_radius: var(--portal-radius, 6px);
    --_space: var(--portal-space, 0.75rem);
    --_text: var(--portal-color-text, light-dark(#1f2933, #e5e7eb));
    --_muted: var(--portal-color-muted, light-dark(#52606d, #a3acb9));
    --_surface: var(--portal-color-surface, light-dark(#ffffff, #111827));
    --_surface-alt: var(--portal-color-surface-alt, light-dark(#f5f7fa, #1f2937));
    --_border: var(--portal-color-border, light-dark(#cbd2d9, #4b5563));
    --_primary: var(--portal-color-primary, light-dark(#1d4ed8, #93c5fd));
    --_on-primary: var(--portal-color-on-primary, light-dark(#ffffff, #0b1220));
    --_danger: var(--portal-color-danger, light-dark(#b91c1c, #fca5a5));
    --_on-danger: var(--portal-color-on-danger, light-dark(#ffffff, #1f0a0a));
    --_warning-bg: var(--portal-color-warning-bg, light-dark(#fef3c7, #422006));
    --_warning-text: var(--portal-color-warning-text, light-dark(#78350f, #fde68a));
    --_success-bg: var(--portal-color-success-bg, light-dark(#dcfce7, #052e16));
    --_success-text: var(--portal-color-success-text, light-dark(#166534, #86efac));
    --_info-bg: var(--portal-color-info-bg, light-dark(#e0f2fe, #082f49));
    --_info-text: var(--portal-color-info-text, light-dark(#075985, #bae6fd));
    --_danger-bg: var(--portal-color-danger-bg, light-dark(#fee2e2, #450a0a));
    --_danger-text: var(--portal-color-danger-text, light-dark(#991b1b, #fecaca));
    --_focus: var(--portal-color-focus, light-dark(#1d4ed8, #93c5fd));

    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.45;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;
