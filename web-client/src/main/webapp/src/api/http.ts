import { ApiError, toApiError } from './problem';
import { validToken } from '../auth/tokenStore';

type Renew = () => Promise<boolean>;

let renew: Renew = async () => false;
let onExpired: () => void = () => {};

/** The auth layer tells the API client how to get a fresh token and what to do when none can be had. */
export function configureApiAuth(renewToken: Renew, expired: () => void): void {
  renew = renewToken;
  onExpired = expired;
}

async function tokenOrRenew(): Promise<string | null> {
  return validToken() ?? ((await renew()) ? validToken() : null);
}

function expired(): ApiError {
  onExpired();
  return new ApiError(401, { status: 401, type: 'urn:rapport:problem:unauthenticated', title: 'Signed out' });
}

/** A call to /api with the bearer token; renews once on 401, then reports the session as expired. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = attempt === 0 ? await tokenOrRenew() : (await renew()) ? validToken() : null;
    if (!token) throw expired();
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    const response = await fetch(path, { ...init, headers });
    if (response.status !== 401) return response;
  }
  throw expired();
}

export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function init(request: JsonRequest): RequestInit {
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  return {
    method: request.method ?? 'GET',
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  };
}

/** JSON in, JSON out; a failure is an ApiError with the problem's fields. */
export async function api<T>(path: string, request: JsonRequest = {}): Promise<T> {
  return readJson<T>(await apiFetch(path, init(request)));
}

/** For the public feedback link: no account, no token. */
export async function publicApi<T>(path: string, request: JsonRequest = {}): Promise<T> {
  return readJson<T>(await fetch(path, init(request)));
}
