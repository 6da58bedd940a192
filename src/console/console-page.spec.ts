import { consolePage, jsonForHtml } from './console-page.js';
import { exampleVariables, parseExample } from './example-operations.js';

describe('the console page', () => {
  it('embeds data that cannot close its script block or open markup', () => {
    const hostile = { query: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = jsonForHtml(hostile);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(hostile);
    const html = consolePage(
      { endpoint: 'graphql', examples: [], signIn: { query: hostile.query, operationName: 'SignIn', defaultEmail: '' }, charts: [] },
      'abc',
    );
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});

describe('example operations', () => {
  it('takes the name from the operation and the variables from the header comment', () => {
    const text =
      '# Sign in.\n# Variables: { "input": { "email": "a@b.c" } }\nmutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken } }\n';
    expect(parseExample('sign-in.graphql', text)).toEqual({
      file: 'sign-in.graphql',
      name: 'SignIn',
      query: text,
      variables: JSON.stringify({ input: { email: 'a@b.c' } }, null, 2),
    });
  });

  it('has no variables when the comment has none or they are not JSON, and falls back to the file name', () => {
    expect(exampleVariables('# Variables (optional): { roleId: <role id> }\nquery X { a }')).toBeNull();
    expect(exampleVariables('# Any signed-in persona.\nquery X { a }')).toBeNull();
    expect(parseExample('anonymous.graphql', '{ viewer { email } }').name).toBe('anonymous');
  });
});
