import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Where user-supplied URLs (provider base URLs) may point. Internal addresses — loopback, private
 * ranges, link-local (cloud metadata at 169.254.169.254), unique-local IPv6 — are refused unless an
 * operator allows the exact host:port (`OUTBOUND_ALLOW`), as for a local LLM server; the sandbox's
 * own URL is always allowed. Hostnames are resolved and every address is checked (a name that does
 * not resolve from here is accepted: it cannot be shown to be internal).
 */
export class OutboundPolicy {
  private readonly internal = new BlockList();
  private readonly allowed: Set<string>;

  constructor(allow: readonly string[]) {
    for (const [net, prefix] of [
      ['0.0.0.0', 8],
      ['10.0.0.0', 8],
      ['100.64.0.0', 10],
      ['127.0.0.0', 8],
      ['169.254.0.0', 16],
      ['172.16.0.0', 12],
      ['192.168.0.0', 16],
    ] as const)
      this.internal.addSubnet(net, prefix, 'ipv4');
    this.internal.addAddress('::1', 'ipv6');
    this.internal.addAddress('::', 'ipv6');
    this.internal.addSubnet('fc00::', 7, 'ipv6');
    this.internal.addSubnet('fe80::', 10, 'ipv6');
    this.allowed = new Set(allow.map((a) => a.trim().toLowerCase()).filter(Boolean));
  }

  private isInternal(address: string): boolean {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const ip = mapped ?? address;
    return this.internal.check(ip, isIP(ip) === 6 ? 'ipv6' : 'ipv4');
  }

  /** @returns why the URL is refused, or null when it may be called */
  async check(raw: string): Promise<string | null> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return 'not a URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs';
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    if (this.allowed.has(`${host}:${port}`) || this.allowed.has(host)) return null;
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      // Not resolvable from here (offline setup, private DNS): nothing internal is proven.
      return null;
    }
    const bad = addresses.find((a) => this.isInternal(a));
    return bad
      ? `${host} resolves to an internal address (${bad}); an operator can allow it with OUTBOUND_ALLOW=${host}:${port}`
      : null;
  }
}
