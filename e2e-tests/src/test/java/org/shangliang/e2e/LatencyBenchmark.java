package org.shangliang.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shangliang.e2e.Demo.Loop;

/**
 * Latency of the loop's slowest hop: from an outcome's 201 to its case being readable in
 * followup-service, over 20 runs after 3 warm-up loops, with all services, Kafka and PostgreSQL on
 * this machine. A benchmark, not a test: it runs only with {@code -Pbenchmark}
 * ({@code deploy/local/benchmark.sh}); figures are in docs/benchmarks.md.
 */
class LatencyBenchmark extends OnRunningPlatform {

    @Test
    void median_time_from_outcome_recorded_to_case_visible_over_20_runs() {
        for (int i = 0; i < 3; i++) { // warm-up (JIT, connection pools), not counted
            Loop warmUp = new Loop();
            warmUp.acceptTopic().scheduleSession().recordOutcome();
            warmUp.awaitCase();
        }
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
            Loop loop = new Loop();
            loop.acceptTopic().scheduleSession();
            loop.recordOutcome();
            long recorded = System.nanoTime(); // the outcome's transaction has committed when the 201 arrives
            loop.awaitCase();
            millis.add((System.nanoTime() - recorded) / 1_000_000.0);
        }
        List<Double> sorted = new ArrayList<>(millis);
        sorted.sort(Double::compare);
        double median = (sorted.get(9) + sorted.get(10)) / 2;
        System.out.printf("%nE2E outcome recorded -> case visible over %d runs: median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n%n",
                sorted.size(), median, sorted.get(17), sorted.get(0), sorted.get(19));
        System.out.printf("E2E runs in order (ms): %s%n%n", millis.stream().map(m -> String.format("%.0f", m)).toList());
        assertTrue(median < 2_000, "median " + median + " ms is far off the 200 ms aim");
    }
}
