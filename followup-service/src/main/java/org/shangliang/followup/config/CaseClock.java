package org.shangliang.followup.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time follow-up runs on. Deadlines, due-soon and overdue are judged by it; tests move it
 * forward instead of sleeping (in production it is never moved).
 */
@ApplicationScoped
public class CaseClock {

    /** Working days and due dates are the county's: Beijing time. */
    public static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public Instant now() {
        return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return now().atZone(COUNTY_ZONE).toLocalDate();
    }

    /** Moves this instance's time forward (tests, and a demo's time travel where enabled). */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Sets this instance's time to {@code instant} (tests). */
    public void set(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
