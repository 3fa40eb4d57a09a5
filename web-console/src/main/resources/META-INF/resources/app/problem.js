/**
 * One error type for every failed call: an RFC 7807 problem ({type, title, status, detail, errors}) from an API,
 * or a failure to reach it. Views show `message`, which is the problem's detail when there is one.
 */
export class ApiError extends Error {
  constructor(status, problem, fallbackMessage) {
    super(problem?.detail || problem?.title || fallbackMessage || `The request failed (HTTP ${status}).`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? null;
    this.type = problem?.type ?? null;
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  }

  static async from(response) {
    let problem = null;
    if ((response.headers.get('Content-Type') ?? '').includes('json')) {
      try {
        problem = await response.json();
      } catch {
        problem = null; // a proxy's HTML error page, say: the status still tells what happened
      }
    }
    return new ApiError(response.status, problem);
  }

  static unreachable(what) {
    return new ApiError(0, null, `${what} could not be reached. Check your connection and try again.`);
  }

  /** The message of one invalid field (validation problems name them, e.g. "title"). */
  fieldError(field) {
    return this.fieldErrors.find((error) => error.field === field)?.message ?? null;
  }

  get notFound() {
    return this.status === 404;
  }
}

/** What to tell the user about any error. */
export function messageOf(error) {
  return error?.message || 'Something went wrong. Please try again.';
}
