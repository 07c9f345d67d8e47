package org.shangliang.commons.events;

import java.sql.SQLException;

/**
 * Tells a broken event from a broken environment. Only an event that can never be applied goes
 * to the dead-letter topic: a malformed one at once, one that hits a data error (SQL classes 22
 * and 23: bad value, constraint) after a few tries. Everything else — the database down, read-only
 * after a failover, too many connections, a deadlock, a cancelled query, a transaction timeout, a
 * bug waiting for its fix — pauses the partition and retries: the event is kept, in order.
 */
final class Failures {

    enum Kind {
        /** The event itself is unusable: dead-letter at once. */
        MALFORMED,
        /** The data does not fit (SQL classes 22/23): a few tries, then dead-letter. */
        DATA,
        /** Anything else: pause the partition and try again later. */
        RETRY_LATER
    }

    private Failures() {
    }

    static Kind classify(Throwable e) {
        boolean data = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MalformedEventException) return Kind.MALFORMED;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("22") || state.startsWith("23")) data = true;
            }
            if (t instanceof jakarta.validation.ConstraintViolationException) data = true;
        }
        return data ? Kind.DATA : Kind.RETRY_LATER;
    }

    static String describe(Throwable e) {
        if (e == null) return "unknown";
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = e.getClass().getName() + ": " + e.getMessage();
        if (root != e) text += " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
