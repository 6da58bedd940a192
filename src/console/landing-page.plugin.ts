import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlLandingPage } from './console-page.js';

/**
 * What a browser opening /graphql gets instead of Apollo's landing pages (which load from a CDN, and without which
 * the browser's GET meets the CSRF refusal): a page pointing to the console, or saying how to turn it on.
 */
export function consoleLandingPagePlugin(consoleEnabled: boolean): ApolloServerPlugin {
  const html = graphqlLandingPage(consoleEnabled);
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}
