import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useAuth } from '../../api/auth';
import { ErrorBanner, Field } from '../../components/ui';

/** Sign in, or create an account (the first account becomes the admin). */
export function SignIn() {
  const auth = useAuth();
  const [mode, setMode] = useState<'signin' | 'register'>('signin');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await (mode === 'signin' ? auth.signIn(email, password) : auth.register(email, password));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (f: string) => (error instanceof ApiError ? error.fieldError(f) : undefined);
  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={submit} aria-labelledby="auth-title">
        <h1 id="auth-title">
          {mode === 'signin' ? 'Sign in to LLM Benchmark Studio' : 'Create your account'}
        </h1>
        <Field label="Email" id="auth-email" error={fieldError('email')}>
          <input
            id="auth-email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field
          label="Password"
          id="auth-password"
          hint={mode === 'register' ? 'At least 8 characters.' : undefined}
          error={fieldError('password')}
        >
          <input
            id="auth-password"
            type="password"
            autoComplete={mode === 'signin' ? 'current-password' : 'new-password'}
            required
            minLength={mode === 'register' ? 8 : 1}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <ErrorBanner
          error={error}
          title={mode === 'signin' ? 'Could not sign in' : 'Could not create the account'}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {mode === 'signin' ? 'Sign in' : 'Create account'}
        </button>
        <p>
          {mode === 'signin' ? 'New here? ' : 'Have an account? '}
          <button
            type="button"
            className="btn-link"
            onClick={() => {
              setMode(mode === 'signin' ? 'register' : 'signin');
              setError(undefined);
            }}
          >
            {mode === 'signin' ? 'Create an account' : 'Sign in instead'}
          </button>
        </p>
      </form>
    </main>
  );
}
