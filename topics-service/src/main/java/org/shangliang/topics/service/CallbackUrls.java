package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.topics.config.WebhooksConfig;

/**
 * Which callback URLs the platform may call (回调地址校验), against server-side request forgery: https
 * (http only in local development), no credentials in the URL, and no address inside the
 * platform's own network — loopback, link-local (cloud metadata), private, carrier-grade NAT,
 * unique-local, multicast, unspecified — unless {@code shangliang.webhooks.allowed-hosts} names the
 * host or its range. Checked when a subscription is saved and again before every attempt, so a
 * name that later resolves inside (DNS rebinding) is refused then.
 */
@ApplicationScoped
public class CallbackUrls {

    public static final String FIELD = "callbackUrl";

    @Inject WebhooksConfig config;

    /** Resolves names with the system resolver; tests replace it. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    Resolver resolver = InetAddress::getAllByName;

    /** @return the URL, normalized; 422 naming {@code callbackUrl} and the rule it breaks */
    public String check(String url) {
        URI uri = parse(url);
        String why = refusal(uri);
        if (why != null) throw ApiException.unprocessable(FIELD, Text.of("回调地址不可用：" + why, "The callback URL cannot be used: " + why));
        return uri.toString();
    }

    /** Before an attempt: null when the URL may be called now, else why not. */
    public String refusalAtSend(String url) {
        try {
            return refusal(new URI(url));
        } catch (URISyntaxException e) {
            return "not a URL";
        }
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            if (!uri.isAbsolute() || uri.getHost() == null) throw new URISyntaxException(url, "no host");
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.unprocessable(FIELD, Text.of("回调地址不是一个完整的网址（如 https://hooks.example.gov.cn/shangliang）",
                    "The callback URL is not an absolute URL (e.g. https://hooks.example.gov.cn/shangliang)"));
        }
    }

    private String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && config.allowHttp())) {
            return config.allowHttp() ? "only http and https are allowed" : "only https is allowed";
        }
        if (uri.getRawUserInfo() != null) return "credentials in the URL are not allowed; the signature authenticates the platform";
        if (uri.getRawFragment() != null) return "a fragment (#...) is never sent; leave it out";
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        List<String> allowed = config.allowedHosts().orElse(List.of());
        if (allowed.stream().anyMatch(host::equalsIgnoreCase)) return null;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return "the host " + host + " does not resolve";
        }
        for (InetAddress a : addresses) {
            if (internal(a) && allowed.stream().noneMatch(range -> inRange(a, range))) {
                return "the host " + host + " is an internal address (" + a.getHostAddress() + "); only public addresses, "
                        + "or those in shangliang.webhooks.allowed-hosts, may be called";
            }
        }
        return null;
    }

    /** Addresses inside a network rather than on the internet. */
    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int o0 = b[0] & 0xff, o1 = b[1] & 0xff;
            return o0 == 0 || o0 == 127 || (o0 == 100 && o1 >= 64 && o1 <= 127) // this network, loopback, carrier-grade NAT
                    || (o0 == 192 && o1 == 0 && (b[2] & 0xff) == 0) || (o0 == 198 && (o1 == 18 || o1 == 19)) || o0 >= 240;
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return true; // unique local fc00::/7
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an address is in a range written as an address or CIDR ({@code 10.20.0.0/16}); host names never match. */
    static boolean inRange(InetAddress a, String range) {
        String[] parts = range.strip().split("/", 2);
        if (!parts[0].matches("[0-9.]+|[0-9a-fA-F:]+")) return false;
        try {
            byte[] net = InetAddress.getByName(parts[0]).getAddress();
            byte[] addr = a.getAddress();
            if (net.length != addr.length) return false;
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
            for (int i = 0; i < net.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((net[i] & mask) != (addr[i] & mask)) return false;
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
