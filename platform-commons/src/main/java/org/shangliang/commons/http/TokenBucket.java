package org.shangliang.commons.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket: {@code burst} at once, then {@code perMinute} spread over the minute. */
final class TokenBucket {
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(int burst) {
        tokens = burst;
    }

    /**
     * Buckets by key (a caller, an address) in this replica's memory; full ones are dropped when
     * there are more than {@code max}, so a crowd of one-time keys cannot grow it for ever.
     */
    static final class Buckets {
        private final Map<String, TokenBucket> byKey = new ConcurrentHashMap<>();
        private final int max;

        Buckets(int max) {
            this.max = max;
        }

        /** Takes one token of {@code key}'s bucket; @return 0, or the whole seconds until one is there */
        int take(String key, int burst, int perMinute) {
            if (byKey.size() > max) byKey.values().removeIf(b -> b.isFull(burst, perMinute));
            return (int) Math.ceil(byKey.computeIfAbsent(key, k -> new TokenBucket(burst)).take(burst, perMinute));
        }
    }

    /** Takes one token; @return 0, or how many seconds until one is there */
    synchronized double take(int burst, int perMinute) {
        refill(burst, perMinute);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (1 - tokens) * 60.0 / perMinute;
    }

    synchronized boolean isFull(int burst, int perMinute) {
        refill(burst, perMinute);
        return tokens >= burst;
    }

    private void refill(int burst, int perMinute) {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perMinute / 60.0);
        last = now;
    }
}
