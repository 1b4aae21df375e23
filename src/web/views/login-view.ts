// Sign-in form: posts the credentials once; the server answers with an HttpOnly session cookie and a CSRF token.
import { h } from 'preact';
import { useState } from 'preact/hooks';
import { api, setCsrfToken } from '../api-client.js';
import { setState } from '../app-state.js';
import type { SessionView } from '../api-types.js';
import { translate, type Lang } from '../i18n.js';

export function LoginView({ lang }: { lang: Lang }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    setBusy(true);
    setError(undefined);
    try {
      const session = await api<SessionView>('/session', {
        method: 'POST',
        body: { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') },
      });
      setCsrfToken(session.csrfToken);
      setState({ session });
    } catch {
      setError(t('login.failed'));
    } finally {
      setBusy(false);
    }
  };
  return h(
    'main',
    { class: 'login' },
    h(
      'form',
      { onSubmit: submit, 'data-testid': 'login-form' },
      h('h1', null, 'VIGIL'),
      h('h2', null, t('login.title')),
      h(
        'label',
        null,
        t('login.username'),
        h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true }),
      ),
      h(
        'label',
        null,
        t('login.password'),
        h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
      ),
      error ? h('p', { class: 'error', role: 'alert' }, error) : null,
      h('button', { type: 'submit', class: 'primary', disabled: busy }, t('login.submit')),
      h(
        'button',
        { type: 'button', class: 'lang', onClick: () => setState({ lang: lang === 'en' ? 'zh-Hant' : 'en' }) },
        lang === 'en' ? '中文' : 'English',
      ),
    ),
  );
}
