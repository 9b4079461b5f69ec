/**
 * better-auth's HTTP endpoints (/api/auth/*), for callers outside our pages (API clients, future OAuth callbacks).
 * Our own forms go through Astro Actions, which call the same service.
 */
import type { APIRoute } from 'astro';
import { CLIENT_ADDRESS_HEADER } from '~/features/accounts/accounts.server';
import { getAccounts } from '~/services.server';

export const prerender = false;

export const ALL: APIRoute = async ({ request, clientAddress }) => {
  const accounts = await getAccounts();
  // The address header is ours alone: replace whatever the client sent with the address the server saw.
  const headers = new Headers(request.headers);
  headers.set(CLIENT_ADDRESS_HEADER, clientAddress);
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    init.body = request.body;
    init.duplex = 'half';
  }
  return accounts.auth.handler(new Request(request.url, init));
};
