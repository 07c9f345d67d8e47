package org.shangliang.topics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.topics.config.WebhooksConfig;

/** The SSRF rules as production has them (https only, no allow-list), with a resolver standing in for DNS. */
class CallbackUrlsTest {

    static CallbackUrls urls(boolean allowHttp, List<String> allowed, Map<String, String> dns) {
        CallbackUrls urls = new CallbackUrls();
        urls.config = (WebhooksConfig) Proxy.newProxyInstance(WebhooksConfig.class.getClassLoader(), new Class<?>[] {WebhooksConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "allowHttp" -> allowHttp;
                    case "allowedHosts" -> Optional.of(allowed);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        urls.resolver = host -> {
            String ip = dns.get(host);
            if (ip != null) return new InetAddress[] {InetAddress.getByName(ip)};
            if (host.matches("[0-9.]+|[0-9a-f:]+")) return new InetAddress[] {InetAddress.getByName(host)};
            throw new UnknownHostException(host);
        };
        return urls;
    }

    static int status(CallbackUrls urls, String url) {
        try {
            urls.check(url);
            return 200;
        } catch (ApiException e) {
            return e.getResponse().getStatus();
        }
    }

    @Test
    void outside_local_development_only_https_to_public_addresses() {
        CallbackUrls urls = urls(false, List.of(), Map.of("hooks.township.gov.cn", "203.0.113.10", "rebind.example.org", "10.0.0.7",
                "metadata.example.org", "169.254.169.254"));
        assertEquals("https://hooks.township.gov.cn/shangliang", urls.check("https://hooks.township.gov.cn/shangliang"));
        assertEquals(422, status(urls, "http://hooks.township.gov.cn/shangliang"), "plain http");
        assertEquals(422, status(urls, "https://rebind.example.org/x"), "a name that resolves inside");
        assertEquals(422, status(urls, "https://metadata.example.org/latest"), "a name for the cloud metadata address");
        assertEquals(422, status(urls, "https://127.0.0.1/x"));
        assertTrue(urls.refusalAtSend("https://rebind.example.org/x").contains("internal address"), "checked again before sending");
        assertNull(urls.refusalAtSend("https://hooks.township.gov.cn/shangliang"));
    }

    @Test
    void an_allow_list_opens_named_hosts_and_ranges_only() {
        CallbackUrls urls = urls(false, List.of("hooks.intranet.local", "10.20.0.0/16"), Map.of("hooks.intranet.local", "10.9.9.9",
                "in-range.local", "10.20.3.4", "out-of-range.local", "10.21.0.1"));
        assertEquals(200, status(urls, "https://hooks.intranet.local/x"));
        assertEquals(200, status(urls, "https://in-range.local/x"));
        assertEquals(422, status(urls, "https://out-of-range.local/x"));
        assertEquals(422, status(urls, "https://10.9.9.9/x"), "the name is allowed, not its address");
    }

    @Test
    void internal_addresses() throws Exception {
        for (String ip : List.of("127.0.0.1", "10.0.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
                "224.0.0.1", "::1", "fe80::1", "fd12::1", "::ffff:192.168.1.1", "::")) {
            assertTrue(CallbackUrls.internal(InetAddress.getByName(ip)), ip);
        }
        for (String ip : List.of("203.0.113.10", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2001:db8::1")) {
            assertEquals(false, CallbackUrls.internal(InetAddress.getByName(ip)), ip);
        }
        assertThrows(ApiException.class, () -> urls(true, List.of(), Map.of()).check("gopher://example.org/"));
    }
}
