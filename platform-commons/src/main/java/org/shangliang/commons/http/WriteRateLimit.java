package org.shangliang.commons.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.CurrentCaller;

/**
 * Per-caller limit on writes: a token bucket per subject, {@code burst} writes at once and
 * {@code writes-per-minute} after that; past it, 429 with Retry-After. Reads are not limited.
 * The buckets live in each replica's memory, so with N replicas behind a balancer a caller may
 * write up to N times the limit: a brake on a runaway client or script, not a quota.
 */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class WriteRateLimit {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final TokenBucket.Buckets BUCKETS = new TokenBucket.Buckets(50_000);

    @Inject CurrentCaller caller;
    @Inject HttpServerRequest request;

    @ConfigProperty(name = "shangliang.http.rate-limit.burst", defaultValue = "30") int burst;
    @ConfigProperty(name = "shangliang.http.rate-limit.writes-per-minute", defaultValue = "120") int perMinute;

    @AroundInvoke
    Object limit(InvocationContext ctx) throws Exception {
        if (WRITES.contains(request.method().name()) && burst > 0 && perMinute > 0) {
            String subject = caller.get().subject();
            int retry = BUCKETS.take(subject, burst, perMinute);
            if (retry > 0) {
                throw ApiException.tooManyRequests(Text.of("写操作过于频繁，请 " + retry + " 秒后重试（每分钟上限 " + perMinute + " 次）",
                        "Too many writes; retry in " + retry + " s (limit " + perMinute + " per minute)"), retry);
            }
        }
        return ctx.proceed();
    }
}
