// The API console's browser code: GraphiQL with a sign-in bar and the chart viewer. Bundled by
// src/scripts/build-console.mjs (esbuild) into dist/console/, served by the console controller; it loads
// nothing from anywhere but this service. Plain JSX (no TypeScript): the bundler strips nothing but JSX.
import { GraphiQL } from 'graphiql';
import { Kind, parse } from 'graphql';
import 'graphiql/style.css';
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './console.css';

/** What the server put into the page: endpoint, example operations, the sign-in operation and the charts. */
const page = JSON.parse(document.getElementById('console-data').textContent);

/**
 * GraphiQL can send the operation name of the tab it showed before (seen when switching between preloaded tabs);
 * a name the document does not define is replaced by its only operation's name, or dropped.
 */
function withKnownOperationName(params) {
  if (!params.operationName) return params;
  let names;
  try {
    names = parse(params.query).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).map((d) => d.name?.value);
  } catch {
    return params;
  }
  if (names.includes(params.operationName)) return params;
  const { operationName, ...rest } = params;
  return names.length === 1 && names[0] ? { ...rest, operationName: names[0] } : rest;
}

const hasAuthorization = (headers) => Object.keys(headers ?? {}).some((k) => k.toLowerCase() === 'authorization');

/**
 * Every request is a POST with `Content-Type: application/json`, which Apollo's CSRF prevention accepts (a browser
 * cannot send it cross-site without a preflight); `Apollo-Require-Preflight` says the same explicitly.
 */
async function postGraphql(body, headers = {}) {
  const res = await fetch(page.endpoint, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'apollo-require-preflight': 'true', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 200)}` }] };
  }
}

const firstError = (body) => {
  const e = body?.errors?.[0];
  if (!e) return null;
  return e.extensions?.code ? `${e.message} (${e.extensions.code})` : e.message;
};

function SignIn({ session, onSignedIn, onSignedOut }) {
  const [email, setEmail] = useState(page.signIn.defaultEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);

  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = await postGraphql({ query: page.signIn.query, operationName: page.signIn.operationName, variables: { input: { email, password } } });
      const result = body?.data?.signIn;
      if (!result) setError(firstError(body) ?? 'Sign-in failed');
      else {
        setPassword('');
        onSignedIn(result);
      }
    } catch (err) {
      setError(`The service did not answer: ${err.message}`);
    } finally {
      setBusy(false);
    }
  };

  if (session) {
    const until = new Date(session.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return (
      <div className="pw-signin" data-testid="signed-in">
        <span>
          Signed in as <strong>{session.viewer.email}</strong> ({session.viewer.personas.join(', ')}) until {until}; the bearer token
          is in the request headers.
        </span>
        <button type="button" onClick={onSignedOut}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <form className="pw-signin" onSubmit={submit} aria-label="Sign in">
      <label>
        Email <input name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in...' : 'Sign in'}
      </button>
      {error ? (
        <span className="pw-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}

/** Charts need the bearer token, so they are fetched here and shown as images (an <img> runs no script). */
function Charts({ session }) {
  const [shown, setShown] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => () => shown && URL.revokeObjectURL(shown.url), [shown]);

  const open = async (chart) => {
    setError(null);
    const res = await fetch(chart.href, { credentials: 'omit', headers: session ? { authorization: `Bearer ${session.accessToken}` } : {} });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      setShown(null);
      setError(`${chart.title}: ${firstError(body) ?? `HTTP ${res.status}`}`);
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    setShown({ chart, url });
  };

  return (
    <>
      <nav className="pw-charts" aria-label="Charts">
        Charts:
        {page.charts.map((chart) => (
          <button type="button" key={chart.href} onClick={() => open(chart)} title={`GET ${chart.href} (${chart.personas.join(' or ')})`}>
            {chart.title}
          </button>
        ))}
        {error ? (
          <span className="pw-error" role="alert">
            {error}
          </span>
        ) : null}
      </nav>
      {shown ? (
        <figure className="pw-chart" data-testid="chart">
          <figcaption>
            {shown.chart.title} <code>GET {shown.chart.href}</code>
            <a href={shown.url} download={shown.chart.file}>
              Save SVG
            </a>
            <button type="button" onClick={() => setShown(null)}>
              Close
            </button>
          </figcaption>
          <img src={shown.url} alt={shown.chart.title} />
        </figure>
      ) : null}
    </>
  );
}

function Console() {
  const [session, setSession] = useState(null);
  const [headers, setHeaders] = useState(undefined);
  // The fetcher stays the same function (GraphiQL re-reads the schema when it changes); it sees the token via a ref.
  const token = useRef(null);
  const fetcher = useCallback((params, options) => {
    const extra = { ...(options?.headers ?? {}) };
    // Headers typed into the editor win; otherwise the signed-in token goes along from every tab.
    if (token.current && !hasAuthorization(extra)) extra.authorization = `Bearer ${token.current}`;
    return postGraphql(withKnownOperationName(params), extra);
  }, []);

  const signedIn = (result) => {
    token.current = result.accessToken;
    setSession(result);
    setHeaders(JSON.stringify({ Authorization: `Bearer ${result.accessToken}` }, null, 2));
  };
  const signedOut = () => {
    token.current = null;
    setSession(null);
    setHeaders('{}');
  };

  return (
    <div className="pw-console">
      <header className="pw-bar">
        <strong className="pw-title">Pathways API console</strong>
        <SignIn session={session} onSignedIn={signedIn} onSignedOut={signedOut} />
        <Charts session={session} />
      </header>
      <main className="pw-graphiql">
        <GraphiQL
          fetcher={fetcher}
          defaultTabs={page.examples.map((e) => ({ query: e.query, variables: e.variables }))}
          headers={headers}
          defaultEditorToolsVisibility={page.examples.length ? 'variables' : false}
          shouldPersistHeaders={false}
        >
          <GraphiQL.Logo>Pathways</GraphiQL.Logo>
        </GraphiQL>
      </main>
    </div>
  );
}

createRoot(document.getElementById('console')).render(
  <StrictMode>
    <Console />
  </StrictMode>,
);
