// Adds the bearer token. Ours rather than the client's AuthenticationHandler, which skips http:// base URLs
// (the local store) and would attach tokens by host list rather than by the one origin we configured.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { AuthError } from '../errors';
import { setHeader } from './headers';
import { requestMethod, requestState, requestUrl } from './request-state';

export interface AccessTokenSource {
  getAccessToken(): Promise<string>;
  /** Forget a cached token; called once when Graph answers 401 so a rotated or expired token is replaced. */
  invalidate?(): void;
}

export class AuthMiddleware implements Middleware {
  private next: Middleware | undefined;

  /** @param origin the only origin the token may be sent to (the Graph base URL's). */
  constructor(
    private readonly tokens: AccessTokenSource,
    private readonly origin: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('AuthMiddleware needs a next middleware');
    const url = requestUrl(context);
    if (new URL(url).origin !== this.origin) {
      throw this.fail(context, new AuthError({ status: 0, code: 'foreignOrigin', message: `refusing to send the Graph token to ${new URL(url).origin} (configured origin ${this.origin})`, method: requestMethod(context), path: new URL(url).pathname }));
    }
    await this.sendWithToken(context);
    if (context.response?.status === 401 && this.tokens.invalidate) {
      this.tokens.invalidate();
      await context.response.body?.cancel().catch(() => undefined);
      await this.sendWithToken(context);
    }
  }

  private async sendWithToken(context: Context): Promise<void> {
    let token: string;
    try {
      token = await this.tokens.getAccessToken();
    } catch (error) {
      throw this.fail(context, error);
    }
    const options = context.options ?? (context.options = {});
    setHeader(options, 'Authorization', `Bearer ${token}`);
    await (this.next as Middleware).execute(context);
  }

  private fail(context: Context, error: unknown): unknown {
    if (error instanceof Error) requestState(context).failure = error;
    return error;
  }
}
