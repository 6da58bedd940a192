import type { Persona } from '../access/persona.js';
import type { ExampleOperation } from './example-operations.js';

/** What the page's script reads from the page itself (a JSON data block, not a script). */
export interface ConsolePageData {
  endpoint: string;
  examples: ExampleOperation[];
  signIn: { query: string; operationName: string; defaultEmail: string };
  charts: Array<{ title: string; href: string; file: string; personas: readonly Persona[] }>;
}

/**
 * The page runs only the bundled script of this service, styles only from its stylesheet (fonts and icons are
 * data: URLs inside it), talks only to this service, shows charts fetched with the token as blob: images, and
 * cannot be framed. No inline script, no eval, nothing from another host.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON safe inside an HTML data block: no "</script>", no HTML comment or CDATA openers. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Asset URLs are relative, so the console also works behind a proxy that mounts the service under a path. */
export function consolePage(data: ConsolePageData, assetVersion: string): string {
  const v = encodeURIComponent(assetVersion);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Pathways API console</title>
<link rel="stylesheet" href="console/console.css?v=${v}">
</head>
<body>
<div id="console"><noscript>The Pathways API console needs JavaScript. The API itself answers GraphQL POSTs at /graphql.</noscript></div>
<script id="console-data" type="application/json">${jsonForHtml(data)}</script>
<script src="console/console.js?v=${v}"></script>
</body>
</html>
`;
}

/** GET /graphql from a browser (Apollo's landing page slot): a link to the console, or how to turn it on. */
export function graphqlLandingPage(consoleEnabled: boolean): string {
  const body = consoleEnabled
    ? '<p>This is the Pathways GraphQL API. Open the <a href="console">API console</a> to explore it.</p>'
    : '<p>This is the Pathways GraphQL API: send GraphQL operations as POST requests with <code>Content-Type: application/json</code>. The API console is off here (set <code>CONSOLE_ENABLED=true</code> to serve it at <code>/console</code>).</p>';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pathways GraphQL API</title>${consoleEnabled ? '<meta http-equiv="refresh" content="0; url=console">' : ''}</head>
<body>${body}</body>
</html>
`;
}
