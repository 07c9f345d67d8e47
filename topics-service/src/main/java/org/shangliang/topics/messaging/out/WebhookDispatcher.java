package org.shangliang.topics.messaging.out;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.shangliang.topics.config.WebhooksConfig;
import org.shangliang.topics.domain.WebhookDeliveryRepository;
import org.shangliang.topics.domain.WebhookDeliveryRepository.Claimed;
import org.shangliang.topics.service.CallbackUrls;

/**
 * Sends due webhook deliveries (推送): claims them from the table (any replica may), signs and POSTs
 * each without blocking a thread on the receiver, and records the answer — delivered on 2xx, else
 * due again after an exponential backoff with jitter, parked once the retry period is over. A
 * subscription has at most {@code per-subscription-concurrency} attempts in flight here, so a slow
 * or dead receiver uses its own slots and nobody else's; its backlog waits in the table.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR = 500;

    @Inject WebhooksConfig config;
    @Inject WebhookDeliveryRepository deliveries;
    @Inject CallbackUrls urls;
    @Inject MeterRegistry metrics;

    private final ConcurrentHashMap<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;
    private ExecutorService pool;
    private HttpClient http;
    private Counter delivered;
    private Counter failed;
    private Counter parked;

    void onStart(@Observes StartupEvent ignored) {
        delivered = Counter.builder("shangliang.webhooks.attempts").tag("outcome", "delivered").register(metrics);
        failed = Counter.builder("shangliang.webhooks.attempts").tag("outcome", "failed").register(metrics);
        parked = Counter.builder("shangliang.webhooks.attempts").tag("outcome", "parked").register(metrics);
        if (!config.enabled()) return;
        pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "webhook-http");
            t.setDaemon(true);
            return t;
        });
        // Redirects are not followed: a receiver could send us inside the network the URL check keeps us out of.
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).executor(pool).build();
        running = true;
        thread = new Thread(this::run, "webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** In-flight attempts are abandoned: their lease runs out and another replica (or this one, restarted) sends them again. */
    void onStop(@Observes ShutdownEvent ignored) {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool != null) pool.shutdownNow();
    }

    /** Something may be due now (a fan-out, a replay, an attempt finished): look without waiting for the poll. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                int sent = dispatchOnce();
                if (sent == 0) await();
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatch failed: %s", e.toString());
                await();
            }
        }
    }

    private void await() {
        synchronized (signal) {
            if (!woken) {
                try {
                    signal.wait(config.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** Claims what is due and this replica has room for, and starts sending it; @return how many */
    int dispatchOnce() {
        int room = config.concurrency() - total.get();
        if (room <= 0) return 0;
        // A subscription with attempts in flight waits for them: its receiver is busy or slow.
        Set<UUID> busy = Set.copyOf(inFlight.entrySet().stream().filter(e -> e.getValue().get() > 0).map(java.util.Map.Entry::getKey).toList());
        Duration lease = config.timeout().plusSeconds(30);
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(
                () -> deliveries.claim(busy, config.perSubscriptionConcurrency(), room, lease));
        for (Claimed c : claimed) send(c);
        return claimed.size();
    }

    private void send(Claimed c) {
        inFlight.computeIfAbsent(c.subscriptionId(), k -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        String refusal = urls.refusalAtSend(c.callbackUrl());
        if (refusal != null) {
            pool.execute(() -> finish(c, null, "refused: " + refusal));
            return;
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(c.callbackUrl()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("User-Agent", "Shangliang-Webhooks/1")
                    .header(WebhookSignature.ID, c.eventId())
                    .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(c.secret(), c.eventId(), timestamp, c.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.body()))
                    .build();
        } catch (RuntimeException e) {
            pool.execute(() -> finish(c, null, "invalid request: " + e.getMessage()));
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenCompleteAsync((response, error) -> {
            if (error != null) finish(c, null, describe(error));
            else finish(c, response.statusCode(), null);
        }, pool);
    }

    private void finish(Claimed c, Integer status, String error) {
        try {
            boolean ok = status != null && status >= 200 && status < 300;
            Instant now = Instant.now();
            Instant next = now.plus(backoff(c.attempts()));
            boolean park = !ok && next.isAfter(c.retryFrom().plus(config.retryPeriod()));
            String why = ok ? null : error != null ? error : "HTTP " + status;
            QuarkusTransaction.requiringNew().run(() -> {
                if (ok) deliveries.delivered(c.id(), status);
                else deliveries.failed(c.id(), status, truncate(why), next, park);
            });
            (ok ? delivered : park ? parked : failed).increment();
        } catch (RuntimeException e) {
            // Not recorded: the lease runs out and the delivery is attempted again.
            LOG.warnf("recording webhook delivery %s failed: %s", c.id(), e.toString());
        } finally {
            inFlight.get(c.subscriptionId()).decrementAndGet();
            total.decrementAndGet();
            wake();
        }
    }

    /** The wait before the next attempt: doubling from the first retry's delay up to the cap, half of it random (jitter). */
    Duration backoff(int attempts) {
        long first = config.firstRetry().toMillis();
        long cap = config.maxRetryInterval().toMillis();
        long exp = first << Math.min(30, Math.max(0, attempts - 1));
        long delay = Math.min(cap, exp <= 0 ? cap : exp);
        return Duration.ofMillis(delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1));
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof java.net.http.HttpTimeoutException) return "timed out";
        if (cause instanceof java.net.ConnectException) return "connection refused";
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }

    /** Attempts in flight on this replica. */
    public int inFlight() {
        return total.get();
    }
}
