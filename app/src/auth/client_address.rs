//! Who is signing in, by network address: the peer that connected, or,
//! when that peer is a reverse proxy the server was told to trust, the
//! client the proxy says it forwards for. The sign-in throttle counts by
//! this address, and the audit log names it.

use std::net::IpAddr;
use std::str::FromStr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// A reverse proxy whose `X-Forwarded-For` is believed: one address
/// (`10.0.0.5`) or a range (`10.0.0.0/8`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrustedProxy(IpNet);

impl FromStr for TrustedProxy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        s.parse::<IpNet>()
            .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
            .map(Self)
            .map_err(|_| {
                format!("'{s}' is not an IP address or range (e.g. 10.0.0.5 or 10.0.0.0/8)")
            })
    }
}

impl std::fmt::Display for TrustedProxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The reverse proxies in front of the server; none by default, when
/// `X-Forwarded-For` is anyone's to write and so is ignored.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Vec<TrustedProxy>);

impl TrustedProxies {
    pub fn new(proxies: Vec<TrustedProxy>) -> Self {
        Self(proxies)
    }

    fn trusts(&self, address: IpAddr) -> bool {
        let address = address.to_canonical();
        self.0.iter().any(|p| p.0.contains(&address))
    }

    /// The client behind a request from `peer` carrying `headers`. Each
    /// proxy appends the address it heard from, so the list is read from
    /// the right: the first address no trusted proxy wrote is the client.
    /// Anything further left was written by the client itself and proves
    /// nothing.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let mut client = peer.to_canonical();
        if !self.trusts(client) {
            return client;
        }
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .collect::<Vec<_>>();
        for hop in forwarded.iter().rev() {
            // A hop a trusted proxy garbled leaves the proxy as the client.
            let Some(address) = parse_hop(hop) else {
                return client;
            };
            client = address.to_canonical();
            if !self.trusts(client) {
                return client;
            }
        }
        client
    }
}

/// One entry of `X-Forwarded-For`: an address, maybe with a port
/// (`203.0.113.7:5100`, `[2001:db8::1]:5100`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(list: &[&str]) -> TrustedProxies {
        TrustedProxies::new(list.iter().map(|p| p.parse().unwrap()).collect())
    }

    fn headers(values: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for v in values {
            headers.append("x-forwarded-for", v.parse().unwrap());
        }
        headers
    }

    #[test]
    fn the_client_is_the_nearest_address_no_trusted_proxy_wrote() {
        let trusted = proxies(&["127.0.0.1", "10.0.0.0/8"]);
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        let cases: [(&[&str], &str, &str); 9] = [
            (&[], "127.0.0.1", "no header: the proxy itself"),
            (&["203.0.113.7"], "203.0.113.7", "one proxy"),
            (
                &["192.0.2.1, 203.0.113.7, 10.1.2.3"],
                "203.0.113.7",
                "the client's own claim is skipped",
            ),
            (
                &["192.0.2.1", "203.0.113.7"],
                "203.0.113.7",
                "several headers read as one list",
            ),
            (
                &["10.0.0.9, 10.0.0.8"],
                "10.0.0.9",
                "only proxies: the farthest",
            ),
            (&["not-an-address"], "127.0.0.1", "garbled: the proxy"),
            (&["203.0.113.7:5100"], "203.0.113.7", "a port is dropped"),
            (&["[2001:db8::1]:5100"], "2001:db8::1", "IPv6 with a port"),
            (
                &["::ffff:203.0.113.7"],
                "203.0.113.7",
                "IPv4 mapped into IPv6",
            ),
        ];
        for (values, client, why) in cases {
            assert_eq!(
                trusted.client(local, &headers(values)).to_string(),
                client,
                "{why}"
            );
        }
    }

    #[test]
    fn a_peer_that_is_no_trusted_proxy_is_the_client_whatever_it_says() {
        let forged = headers(&["203.0.113.7"]);
        let peer: IpAddr = "198.51.100.4".parse().unwrap();
        assert_eq!(proxies(&[]).client(peer, &forged), peer);
        assert_eq!(proxies(&["10.0.0.0/8"]).client(peer, &forged), peer);
    }

    #[test]
    fn proxies_are_addresses_or_ranges() {
        let shown = |s: &str| s.parse::<TrustedProxy>().map(|p| p.to_string());
        assert_eq!(shown("10.0.0.5").unwrap(), "10.0.0.5/32");
        assert_eq!(shown(" 10.0.0.0/8 ").unwrap(), "10.0.0.0/8");
        assert_eq!(shown("fd00::/8").unwrap(), "fd00::/8");
        assert!(shown("proxy.contoso.com")
            .unwrap_err()
            .contains("not an IP address or range"));
    }
}
