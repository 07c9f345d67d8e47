package org.shangliang.commons.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read by native queries, whose Java types depend on the driver and Hibernate's mapping. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an instant, whichever type the row brought it in; null stays null. */
    public static Instant instant(Object value) {
        if (value == null) return null;
        if (value instanceof Instant i) return i;
        if (value instanceof OffsetDateTime o) return o.toInstant();
        if (value instanceof java.sql.Timestamp t) return t.toInstant();
        if (value instanceof CharSequence s) return Instant.parse(s);
        throw new IllegalArgumentException("not a point in time: " + value.getClass().getName());
    }
}
