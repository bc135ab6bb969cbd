// the login page: kept in a file so the Content-Security-Policy needs no inline scripts
applyLang();
document.getElementById('lang').addEventListener('click', toggleLang);
// already logged in: straight to the role's page
fetch('/api/v1/me', {credentials: 'same-origin'}).then(r => r.ok ? r.json() : null).then(me => { if (me) location.href = homeOf(me.role); });
document.getElementById('login-form').addEventListener('submit', async e => {
  e.preventDefault();
  try {
    const me = await api('POST', '/api/v1/login', {user: document.getElementById('user').value.trim(),
      password: document.getElementById('password').value});
    location.href = homeOf(me.role);
  } catch (err) {
    say('login-message', err.status === 401 ? t('loginFailed') : describe(err), true);
  }
});
