package org.shangliang.commons.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * Per-address limit on public, anonymous reads (open data): a token bucket per client address,
 * {@code burst} requests at once and {@code per-minute} after that; past it, 429 with Retry-After.
 * The address is the connection's, or the one a trusted proxy forwarded
 * ({@code quarkus.http.proxy.*}: only a proxy the service trusts may say who the client is, else
 * anyone could choose their own bucket). Per replica, like {@link WriteRateLimit}: a brake on a
 * scraper, not a quota; the exports are cacheable, so a portal's CDN takes the load.
 */
@AddressLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class AddressRateLimit {

    private static final TokenBucket.Buckets BUCKETS = new TokenBucket.Buckets(100_000);

    @Inject HttpServerRequest request;

    @ConfigProperty(name = "shangliang.http.public-rate-limit.burst", defaultValue = "60") int burst;
    @ConfigProperty(name = "shangliang.http.public-rate-limit.per-minute", defaultValue = "120") int perMinute;

    @AroundInvoke
    Object limit(InvocationContext ctx) throws Exception {
        if (burst > 0 && perMinute > 0) {
            String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
            int retry = BUCKETS.take(address, burst, perMinute);
            if (retry > 0) {
                throw ApiException.tooManyRequests(Text.of("请求过于频繁，请 " + retry + " 秒后重试（每个地址每分钟 " + perMinute + " 次）",
                        "Too many requests from your address; retry in " + retry + " s (limit " + perMinute + " per minute)"), retry);
            }
        }
        return ctx.proceed();
    }
}
