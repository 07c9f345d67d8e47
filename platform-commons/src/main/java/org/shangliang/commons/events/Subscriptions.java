package org.shangliang.commons.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a service takes from the event backbone (订阅清单): per stream, the one publisher trusted on
 * it and the event types it applies or deliberately ignores. An event of a handled type that
 * arrives on another stream or from another source is refused (dead-lettered), so a service
 * that can write to a topic cannot speak for another; a type named nowhere is counted as unknown.
 */
public final class Subscriptions {

    /** One stream: its publisher (CloudEvents source and service name) and the types we take from it. */
    public record Route(String stream, String source, String publisher, Set<String> handles, Set<String> ignores) {
    }

    /** How the consumer treats one event. */
    public enum Verdict { HANDLE, IGNORE, UNKNOWN, UNTRUSTED }

    private final Map<String, Route> byStream;

    private Subscriptions(Map<String, Route> byStream) {
        this.byStream = byStream;
    }

    public static Builder stream(String stream, String source) {
        return new Builder().stream(stream, source);
    }

    public static Subscriptions none() {
        return new Subscriptions(Map.of());
    }

    public List<String> streams() {
        return new ArrayList<>(byStream.keySet());
    }

    public Optional<Route> route(String stream) {
        return Optional.ofNullable(byStream.get(stream));
    }

    public Verdict judge(String stream, String type, String source) {
        Route route = byStream.get(stream);
        if (route != null && route.ignores().contains(type)) return Verdict.IGNORE;
        if (route != null && route.handles().contains(type)) {
            return route.source().equals(source) ? Verdict.HANDLE : Verdict.UNTRUSTED;
        }
        // A type we apply, but on a stream that does not own it: somebody else speaking for its owner.
        for (Route other : byStream.values()) {
            if (other.handles().contains(type)) return Verdict.UNTRUSTED;
        }
        return Verdict.UNKNOWN;
    }

    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();
        private String current;

        public Builder stream(String stream, String source) {
            String publisher = source.substring(source.lastIndexOf('/') + 1);
            routes.put(stream, new Route(stream, source, publisher, new LinkedHashSet<>(), new LinkedHashSet<>()));
            current = stream;
            return this;
        }

        public Builder handles(String... types) {
            routes.get(current).handles().addAll(List.of(types));
            return this;
        }

        public Builder ignores(String... types) {
            routes.get(current).ignores().addAll(List.of(types));
            return this;
        }

        public Subscriptions build() {
            Map<String, Route> frozen = new LinkedHashMap<>();
            routes.forEach((k, r) -> frozen.put(k, new Route(r.stream(), r.source(), r.publisher(), Set.copyOf(r.handles()), Set.copyOf(r.ignores()))));
            return new Subscriptions(frozen);
        }
    }
}
