import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { setToken } from './tokenStore';

/** What /config.json says about signing in. */
export interface AppConfig {
  authMode: 'development' | 'oidc';
  oidcAuthority?: string | null;
  clientId: string;
}

export interface DemoUser {
  username: string;
  name: string;
  roles: string;
}

/** One way of getting tokens: the development issuer (local run) or OpenID Connect (production). */
export interface AuthProvider {
  /** Restores a session without asking the person anything (reload, silent renew); false when not possible. */
  restore(): Promise<boolean>;
  /** Gets a fresh token for the current person; false when they must sign in again. */
  renew(): Promise<boolean>;
  signOut(): Promise<void>;
}

async function tokenFrom(response: Response): Promise<boolean> {
  if (!response.ok) return false;
  const body = (await response.json()) as { accessToken: string };
  setToken(body.accessToken);
  return true;
}

/** Local run: the server remembers the chosen demo user in an HttpOnly cookie and mints tokens on request. */
export class DevelopmentAuth implements AuthProvider {
  async users(): Promise<DemoUser[]> {
    const response = await fetch('/auth/dev/users');
    if (!response.ok) throw new Error('The demo users could not be loaded');
    return response.json();
  }

  async signIn(username: string): Promise<void> {
    const response = await fetch('/auth/dev/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    if (!(await tokenFrom(response))) throw new Error(`Could not sign in as ${username}`);
  }

  async restore(): Promise<boolean> {
    return tokenFrom(await fetch('/auth/dev/token', { method: 'POST' }));
  }

  renew(): Promise<boolean> {
    return this.restore();
  }

  async signOut(): Promise<void> {
    setToken(null);
    await fetch('/auth/dev/session', { method: 'DELETE' });
  }
}

/**
 * Production: authorization code with PKCE against the identity provider (realm client `rapport-web`).
 * Sign-in runs in a popup and renewal in a hidden frame, so the page that started them stays loaded and
 * both the user and the PKCE state can live in memory only.
 */
export class OidcAuth implements AuthProvider {
  private readonly manager: UserManager;

  constructor(config: AppConfig) {
    const origin = window.location.origin;
    this.manager = new UserManager({
      authority: config.oidcAuthority ?? '',
      client_id: config.clientId,
      redirect_uri: `${origin}/signin-callback`,
      popup_redirect_uri: `${origin}/signin-callback`,
      silent_redirect_uri: `${origin}/signin-callback`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      scope: 'openid profile email',
      automaticSilentRenew: true,
      userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      stateStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    });
    this.manager.events.addUserLoaded((user) => void setToken(user.access_token));
    this.manager.events.addUserUnloaded(() => void setToken(null));
    this.manager.events.addSilentRenewError(() => void setToken(null));
  }

  async signIn(): Promise<void> {
    const user = await this.manager.signinPopup();
    setToken(user.access_token);
  }

  async restore(): Promise<boolean> {
    try {
      const user = await this.manager.signinSilent();
      if (!user) return false;
      setToken(user.access_token);
      return true;
    } catch {
      return false;
    }
  }

  renew(): Promise<boolean> {
    return this.restore();
  }

  async signOut(): Promise<void> {
    setToken(null);
    await this.manager.signoutRedirect();
  }
}

/** In the popup or hidden frame the provider redirected back to: hand the answer to the opening page. */
export async function completeOidcCallback(config: AppConfig): Promise<void> {
  const manager = new UserManager({
    authority: config.oidcAuthority ?? '',
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}/signin-callback`,
  });
  if (window.opener) await manager.signinPopupCallback();
  else await manager.signinSilentCallback();
}

export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json');
  if (!response.ok) throw new Error('The app configuration could not be loaded');
  return response.json();
}
