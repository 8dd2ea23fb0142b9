import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DevelopmentAuth, OidcAuth, loadConfig, type AppConfig, type AuthProvider } from './provider';
import { currentSession, setToken, subscribe, type Session } from './tokenStore';
import { renewAt } from './jwt';
import { configureApiAuth } from '../api/http';

interface AuthState {
  config: AppConfig | null;
  provider: AuthProvider | null;
  session: Session | null;
  /** Still finding out whether a session can be restored (first render after a reload). */
  restoring: boolean;
  /** Why the person was signed out, shown on the sign-in page. */
  notice: string | null;
  signedIn: () => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProviderRoot({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [provider, setProvider] = useState<AuthProvider | null>(null);
  const [session, setSession] = useState<Session | null>(currentSession());
  const [restoring, setRestoring] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => subscribe(setSession), []);

  useEffect(() => {
    let cancelled = false;
    loadConfig()
      .then(async (loaded) => {
        const chosen = loaded.authMode === 'development' ? new DevelopmentAuth() : new OidcAuth(loaded);
        configureApiAuth(
          () => chosen.renew(),
          () => {
            setToken(null);
            setNotice('Your session has expired. Please sign in again.');
          },
        );
        if (cancelled) return;
        setConfig(loaded);
        setProvider(chosen);
        await chosen.restore();
      })
      .catch(() => setNotice('The app could not start: its configuration is not available.'))
      .finally(() => !cancelled && setRestoring(false));
    return () => {
      cancelled = true;
    };
  }, []);

  // Renew shortly before expiry; if renewal fails the person goes back to sign-in with a message.
  useEffect(() => {
    window.clearTimeout(timer.current);
    if (!session || !provider) return;
    const delay = renewAt(session.claims.exp, Date.now()) - Date.now();
    timer.current = window.setTimeout(async () => {
      if (!(await provider.renew())) {
        setToken(null);
        setNotice('Your session has expired. Please sign in again.');
      }
    }, delay);
    return () => window.clearTimeout(timer.current);
  }, [session, provider]);

  const signOut = useCallback(async () => {
    setNotice('You have signed out.');
    await provider?.signOut();
  }, [provider]);

  const signedIn = useCallback(() => setNotice(null), []);

  const value = useMemo(
    () => ({ config, provider, session, restoring, notice, signedIn, signOut }),
    [config, provider, session, restoring, notice, signedIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProviderRoot');
  return state;
}

/** The signed-in person; only for screens behind the sign-in guard. */
export function useSession(): Session {
  const { session } = useAuth();
  if (!session) throw new Error('Not signed in');
  return session;
}
