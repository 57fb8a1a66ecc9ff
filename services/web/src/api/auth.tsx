import type { AuthResponse, UserView } from '@llmbench/contracts';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError } from './client';
import { onSessionChange, readSession, writeSession, type Session } from './session';

type Auth = {
  user: UserView | null;
  signIn: (email: string, password: string) => Promise<void>;
  register: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

const keep = (auth: AuthResponse): Session => ({
  user: auth.user,
  access_token: auth.access_token,
  refresh_token: auth.refresh_token,
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readSession);
  useEffect(() => onSessionChange(setSession), []);
  const value: Auth = {
    user: session?.user ?? null,
    signIn: async (email, password) => {
      writeSession(keep(await api.post<AuthResponse>('/api/auth/login', { email, password })));
    },
    register: async (email, password) => {
      writeSession(keep(await api.post<AuthResponse>('/api/auth/register', { email, password })));
    },
    signOut: async () => {
      const refresh = readSession()?.refresh_token;
      await api.post('/api/auth/logout', refresh ? { refresh_token: refresh } : {}).catch((e: unknown) => {
        if (!(e instanceof ApiError)) throw e;
      });
      writeSession(null);
    },
  };
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}
