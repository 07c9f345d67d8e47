package org.shangliang.commons.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every service's metrics share: an {@code application} tag (one Prometheus query across the
 * replicas of a service, whatever the scrape labels are), and latency buckets on the HTTP server
 * timer, so that latency per route (p50, p99) is a {@code histogram_quantile} over
 * {@code http_server_requests_seconds_bucket} in the dashboard and the alerts.
 */
@Singleton
public class MeterSettings {

    /** Bucket bounds: the targets of docs/benchmarks.md (lists ≤ 50 ms at p99) sit between two of them. */
    static final double[] HTTP_BUCKETS_NANOS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000)
            .mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter application(@ConfigProperty(name = "quarkus.application.name") String name) {
        return MeterFilter.commonTags(Tags.of("application", name));
    }

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) return config;
                return DistributionStatisticConfig.builder().serviceLevelObjectives(HTTP_BUCKETS_NANOS).build().merge(config);
            }
        };
    }
}
