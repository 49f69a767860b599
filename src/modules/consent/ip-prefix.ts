import { isIPv4, isIPv6 } from "node:net";

/**
 * The visitor's address cut down to its network, as proof of where a choice came from without
 * pointing at one device: IPv4 with the last octet zeroed (203.0.113.0), IPv6 cut to its /48
 * (2001:db8:1234::/48), the prefix a provider hands one site. An IPv4 address seen through an
 * IPv6 socket (::ffff:203.0.113.7) is treated as the IPv4 address it is. Anything else: null.
 */
export function ipPrefix(ip: string | undefined): string | null {
  if (!ip) return null;
  const address = ip.split("%")[0] ?? "";
  if (isIPv4(address)) return ipv4Prefix(address);
  if (!isIPv6(address)) return null;
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return ipv4Prefix(mapped);
  const network = [...groups.slice(0, 3), 0, 0, 0, 0, 0].map((group) => group.toString(16));
  // The URL parser writes IPv6 in its canonical, compressed form (RFC 5952).
  const canonical = new URL(`http://[${network.join(":")}]`).hostname.slice(1, -1);
  return `${canonical}/48`;
}

function ipv4Prefix(address: string): string {
  return `${address.split(".").slice(0, 3).join(".")}.0`;
}

/** The eight 16-bit groups of a valid IPv6 address, a trailing dotted IPv4 part included. */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.split(".").map(Number);
    text = `${text.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right].map((group) =>
    Number.parseInt(group, 16),
  );
  return groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff)
    ? groups
    : undefined;
}
