package org.shangliang.topics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhooks (事件推送, {@code shangliang.webhooks.*}): who may be called back, and how hard we try. */
@ConfigMapping(prefix = "shangliang.webhooks")
public interface WebhooksConfig {

    /** Run the fan-out and the dispatcher on this replica (the API works either way). */
    @WithDefault("true")
    boolean enabled();

    /** Accept {@code http://} callback URLs: local development only; everywhere else only https. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Hosts and address ranges a callback may reach although they are loopback, link-local or
     * private (a township system inside the government network), e.g. {@code 10.20.0.0/16,hooks.township.local}.
     */
    Optional<List<String>> allowedHosts();

    /** The first retry's delay; each next one doubles it (with full jitter), up to {@link #maxRetryInterval()}. */
    @WithDefault("PT10S")
    Duration firstRetry();

    @WithDefault("PT1H")
    Duration maxRetryInterval();

    /** How long a delivery is retried, from its first attempt (or its replay), before it is parked. */
    @WithDefault("P1D")
    Duration retryPeriod();

    /** One attempt's whole time: connect, send, the receiver's answer. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Attempts in flight at once per subscription and replica: a slow receiver holds only these. */
    @WithDefault("4")
    int perSubscriptionConcurrency();

    /** Attempts in flight at once per replica, all subscriptions together. */
    @WithDefault("64")
    int concurrency();

    /** Deliveries a subscription may have queued; beyond it new ones are parked ("queue full") until a replay. */
    @WithDefault("10000")
    int maxPending();

    /** How long a delivered delivery stays in the log; parked ones stay until replayed or their subscription is deleted. */
    @WithDefault("P30D")
    Duration keepDelivered();

    /** How often the dispatcher looks for due deliveries when it has not been woken. */
    @WithDefault("PT1S")
    Duration pollInterval();
}
