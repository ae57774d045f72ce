// Browser-test helpers shared by the apps: Debian's chromium through playwright-core, and a
// built app served on 127.0.0.1 with its first-load JavaScript measured.
export { buildAndServe, firstLoadJs } from './built-app.ts';
export { launchChromium } from './chromium.ts';
