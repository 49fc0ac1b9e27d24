/**
 * `GET /auth/authorize`: what Home Assistant's frontend serves there (authorize.html and its
 * `ha-authorize` element), cut down to what a sign-in needs. Its script does what the frontend's
 * does (its `ha-auth-flow` element, as shipped with 2026.2.3): reads
 * `client_id`, `redirect_uri` and `state` from the address, names the client in the consent line
 * ("You're about to give {clientId} access to your Home Assistant instance."), starts a login flow
 * with the first provider, posts the form with the client id, shows `message` on a 403 and
 * "Invalid username or password" on `invalid_auth`, and on `create_entry` goes to the redirect with
 * `code` and `state` appended (`&` or `?` as the redirect needs, each URI-encoded). No Content
 * Security Policy, as Home Assistant sends none.
 */
export const AUTHORIZE_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Home Assistant</title>
<style>
  :root { color-scheme: light dark; }
  html { background: #fafafa; color: #212121; font-family: Roboto, Noto, sans-serif; }
  @media (prefers-color-scheme: dark) { html { background: #111; color: #e1e1e1; } }
  main { max-width: 400px; margin: 32px auto; padding: 0 16px; }
  .consent { padding: 8px 12px; border-radius: 4px; background: rgba(3, 169, 244, 0.12); }
  label { display: block; margin-top: 16px; }
  input { display: block; width: 100%; box-sizing: border-box; padding: 8px; font: inherit; }
  button { margin-top: 24px; padding: 8px 24px; font: inherit; }
  .error { color: #db4437; }
</style>
</head>
<body>
<main>
  <h1>Welcome home!</h1>
  <p class="consent" id="consent"></p>
  <form id="login" novalidate>
    <label for="username">Username</label>
    <input id="username" name="username" autocomplete="username" required>
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <button type="submit">Log in</button>
  </form>
  <p class="error" id="error" role="alert"></p>
</main>
<script>
(() => {
  const params = new URLSearchParams(location.search);
  const clientId = params.get('client_id');
  const redirectUri = params.get('redirect_uri');
  const state = params.get('state');
  const form = document.getElementById('login');
  const button = form.querySelector('button');
  const error = document.getElementById('error');
  const fail = (message) => { error.textContent = message; };
  if (!clientId || !redirectUri) {
    form.hidden = true;
    fail('Invalid redirect URI');
    return;
  }
  const consent = document.getElementById('consent');
  const name = document.createElement('b');
  name.textContent = clientId;
  consent.append("You're about to give ", name, ' access to your Home Assistant instance.');

  const post = (url, body) => fetch(url, { method: 'POST', credentials: 'same-origin', body: JSON.stringify(body) });
  const redirect = (code) => {
    let url = redirectUri;
    if (url.includes('?')) { if (!url.endsWith('&')) url += '&'; } else url += '?';
    url += 'code=' + encodeURIComponent(code);
    if (state) url += '&state=' + encodeURIComponent(state);
    document.location.assign(url);
  };
  const startFlow = async () => {
    const answer = await (await fetch('/auth/providers', { credentials: 'same-origin' })).json();
    const provider = (Array.isArray(answer) ? answer : answer.providers)[0];
    const res = await post('/auth/login_flow', { client_id: clientId, handler: [provider.type, provider.id], redirect_uri: redirectUri });
    const step = await res.json();
    if (!res.ok) throw new Error(step.message);
    return step;
  };
  let step = startFlow();
  step.catch((err) => fail(err.message || 'Something went wrong'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    fail('');
    try {
      const current = await step;
      const res = await post('/auth/login_flow/' + current.flow_id, {
        username: form.username.value,
        password: form.password.value,
        client_id: clientId,
      });
      const answer = await res.json();
      if (!res.ok) return fail(answer.message);
      if (answer.type === 'create_entry') return redirect(answer.result);
      step = Promise.resolve(answer);
      if (answer.errors && answer.errors.base === 'invalid_auth') fail('Invalid username or password');
    } catch (err) {
      fail(err.message || 'Something went wrong');
    } finally {
      button.disabled = false;
    }
  });
})();
</script>
</body>
</html>
`;
