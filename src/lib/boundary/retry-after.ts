/**
 * How a throttled action tells the error boundary to answer 429 with a Retry-After header: the action notes the
 * wait against its request, and src/middleware.ts reads it when the response leaves (an action's result carries a
 * code and a message only). Form pages read it too, to say when to try again. Keyed by the request object, so it
 * is gone with the request.
 */
const waits = new WeakMap<Request, number>();

/** Notes that this request was refused for `seconds` (whole seconds, at least 1). */
export function noteRetryAfter(request: Request, seconds: number): void {
  waits.set(request, Math.max(1, Math.ceil(seconds)));
}

/** The seconds a refused request was told to wait, or null when it was not refused. */
export function retryAfterFor(request: Request): number | null {
  return waits.get(request) ?? null;
}
