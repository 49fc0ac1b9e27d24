import {
  exchangeCode,
  refreshAccessToken,
  revokeRefreshToken,
} from '../support/oauth-token-client';

/** One answer of the sign-in endpoints, with what differs on every run (ids, tokens) masked. */
export interface TranscriptLine {
  step: string;
  status: number;
  contentType: string | null;
  body: string;
}

const mask = (text: string) =>
  text
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, '<jwt>')
    .replace(/\b[0-9a-f]{128}\b/g, '<refresh token>')
    .replace(/\b[0-9a-f]{32}\b/g, '<id>');

/**
 * The same requests, in the same order, against any Home Assistant (the simulator or a real one):
 * every sign-in endpoint's answer to a good request and to each kind of refusal, as text, so two
 * transcripts compare key order and all. `login` must be a user of that Home Assistant.
 */
export async function signInTranscript(
  origin: string,
  pair: { clientId: string; redirectUri: string; foreignRedirectUri: string },
  login: { username: string; password: string },
): Promise<TranscriptLine[]> {
  const lines: TranscriptLine[] = [];
  const record = async (step: string, res: Response | Promise<Response>) => {
    const answer = await res;
    const body = await answer.text();
    lines.push({
      step,
      status: answer.status,
      contentType: answer.headers.get('content-type'),
      body: mask(body),
    });
    return body;
  };
  const post = (path: string, body: unknown) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const start = (redirectUri: string) =>
    post('/auth/login_flow', {
      client_id: pair.clientId,
      handler: ['homeassistant', null],
      redirect_uri: redirectUri,
    });
  const step = (flowId: string, input: Record<string, unknown>) =>
    post(`/auth/login_flow/${flowId}`, { ...input, client_id: pair.clientId });

  await record('providers', fetch(`${origin}/auth/providers`));
  await record('flow index', fetch(`${origin}/auth/login_flow`));
  await record('invalid JSON', post('/auth/login_flow', '{x'));
  // One missing key only: voluptuous reports the first of several in set order, which varies.
  await record(
    'no handler',
    post('/auth/login_flow', { client_id: pair.clientId, redirect_uri: pair.redirectUri }),
  );
  // A provider that does not exist: a KeyError in the flow manager, aiohttp's 500.
  await record(
    'unknown handler',
    post('/auth/login_flow', {
      client_id: pair.clientId,
      handler: ['nope', null],
      redirect_uri: pair.redirectUri,
    }),
  );
  await record(
    'bad client id',
    post('/auth/login_flow', {
      client_id: 'ftp://x/',
      handler: ['homeassistant', null],
      redirect_uri: 'ftp://x/',
    }),
  );
  const flowId = (JSON.parse(await record('form', start(pair.redirectUri))) as { flow_id: string })
    .flow_id;
  await record('flow read', fetch(`${origin}/auth/login_flow/${flowId}`));
  await record('no password', step(flowId, { username: login.username }));
  await record('wrong password', step(flowId, { username: login.username, password: 'wrong' }));
  const code = (JSON.parse(await record('entry', step(flowId, login))) as { result: string })
    .result;
  await record('flow over', step(flowId, login));

  const token = async (name: string, answer: ReturnType<typeof exchangeCode>) => {
    const { status, body, headers } = await answer;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    lines.push({ step: name, status, contentType: headers.get('content-type'), body: mask(text) });
    lines.push({
      step: `${name}: cache`,
      status,
      contentType: headers.get('cache-control'),
      body: '',
    });
    return body as { refresh_token?: string };
  };
  await token('code, other client', exchangeCode(origin, code, 'http://127.0.0.1:1/'));
  const session = await token('code', exchangeCode(origin, code, pair.clientId));
  await token('code again', exchangeCode(origin, code, pair.clientId));
  await token('refresh', refreshAccessToken(origin, session.refresh_token!, pair.clientId));
  await token(
    'refresh, other client',
    refreshAccessToken(origin, session.refresh_token!, 'http://127.0.0.1:1/'),
  );
  await token('revoke', revokeRefreshToken(origin, session.refresh_token!));
  await token('refresh revoked', refreshAccessToken(origin, session.refresh_token!, pair.clientId));

  const foreign = (
    JSON.parse(await record('form, foreign redirect', start(pair.foreignRedirectUri))) as {
      flow_id: string;
    }
  ).flow_id;
  await record('entry, foreign redirect', step(foreign, login));
  const aborted = (
    JSON.parse(await record('form to abort', start(pair.redirectUri))) as { flow_id: string }
  ).flow_id;
  await record('abort', fetch(`${origin}/auth/login_flow/${aborted}`, { method: 'DELETE' }));
  await record('abort again', fetch(`${origin}/auth/login_flow/${aborted}`, { method: 'DELETE' }));
  return lines;
}
