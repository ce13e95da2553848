import type { RouterClient, RouterEndpoint } from './router-client.port';
import { RouterSession, type RouterSessionOptions } from './router-session';

/**
 * One {@link RouterSession} per router id. `update` replaces a router's endpoint (closing the
 * old session); `closeAll` is the app-shutdown path.
 */
export class RouterPool {
  private readonly sessions = new Map<
    string,
    { endpoint: RouterEndpoint; session: RouterSession }
  >();
  private closed = false;

  constructor(private readonly options: RouterSessionOptions) {}

  client(routerId: string, endpoint: RouterEndpoint): RouterClient {
    if (this.closed) throw new Error('the router pool is closed');
    const existing = this.sessions.get(routerId);
    if (existing && sameEndpoint(existing.endpoint, endpoint)) return existing.session;
    if (existing) void existing.session.close();
    const session = new RouterSession(endpoint, this.options);
    this.sessions.set(routerId, { endpoint, session });
    return session;
  }

  async remove(routerId: string): Promise<void> {
    const existing = this.sessions.get(routerId);
    this.sessions.delete(routerId);
    if (existing) await existing.session.close();
  }

  async closeAll(): Promise<void> {
    this.closed = true;
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((s) => s.session.close()));
  }
}

const sameEndpoint = (a: RouterEndpoint, b: RouterEndpoint): boolean =>
  JSON.stringify(a) === JSON.stringify(b);
