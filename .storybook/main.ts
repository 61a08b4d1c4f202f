import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // msw's service worker, kept current by msw's postinstall ("msw.workerDirectory" in package.json).
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Designers open this Storybook to review widgets, not to learn Storybook: no onboarding checklist.
  features: { sidebarOnboardingChecklist: false },
  addons: ['@storybook/addon-docs', 'msw-storybook-addon'],
};

export default config;
