/** An RFC 9457 problem as the Rapport services answer it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  incidentId?: string;
}

/** A failed API call, carrying what the form next to it needs: a message per field. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }

  /** The problem type without its URN prefix, e.g. `double-booking`. */
  get kind(): string {
    return (this.problem.type ?? '').replace(/^urn:rapport:problem:/, '');
  }

  /** Messages keyed by the field the server named (`first.start`, `groups[sessions].channels[1]`, …). */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      out[e.field] = out[e.field] ? `${out[e.field]}; ${e.message}` : e.message;
    }
    return out;
  }

  /**
   * The message for one form field. A server path matches the field when it is the field itself, ends with
   * it (`first.start` → `start`) or is inside it (`groups[sessions].channels[1]` → `groups[sessions]`).
   */
  forField(field: string): string | undefined {
    const matches = Object.entries(this.fieldErrors).filter(([path]) => fieldMatches(path, field));
    return matches.length ? matches.map(([, m]) => m).join('; ') : undefined;
  }

  /** What is not tied to any of the given fields: shown above the form. */
  generalMessage(fields: string[]): string | undefined {
    const unclaimed = Object.entries(this.fieldErrors).filter(([path]) => !fields.some((f) => fieldMatches(path, f)));
    if (this.problem.errors?.length && unclaimed.length === 0) return undefined;
    return humanMessage(this);
  }
}

function fieldMatches(path: string, field: string): boolean {
  if (path === field) return true;
  if (path.endsWith(`.${field}`)) return true;
  return path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}

/** A sentence for a person, from the problem type and status. */
export function humanMessage(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return error instanceof Error && error.message ? `Something went wrong: ${error.message}` : 'Something went wrong.';
  }
  switch (error.status) {
    case 401:
      return 'Your sign-in has expired. Please sign in again.';
    case 403:
      return error.problem.detail ?? 'Your role does not allow this.';
    case 404:
      return 'Not found, or you do not have access to it.';
    case 410:
      return error.problem.detail ?? 'This is no longer available.';
    case 412:
      return 'Someone else changed this meanwhile. Reload and try again.';
    case 502:
    case 503:
      return 'A service is not answering right now. Try again in a moment.';
    default:
      if (error.status >= 500) {
        return `Something went wrong on our side${error.problem.incidentId ? ` (incident ${error.problem.incidentId})` : ''}. Nothing was changed.`;
      }
      return error.problem.detail ?? error.problem.title ?? `The request was refused (${error.status}).`;
  }
}

/** Reads a failed response into an ApiError, whatever its body. */
export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status, title: response.statusText };
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = { ...problem, ...(await response.json()) };
    } catch {
      // An unreadable body still gives a status-based message.
    }
  }
  return new ApiError(response.status, problem);
}
