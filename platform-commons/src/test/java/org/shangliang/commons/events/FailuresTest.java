package org.shangliang.commons.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.Failures.Kind;

/** Which failures pause a partition (the environment, or our code, is not ready) and which dead-letter an event (it is broken). */
class FailuresTest {

    private static RuntimeException sql(String state) {
        return new RuntimeException("commit failed", new SQLException("boom", state));
    }

    @Test
    void a_database_that_is_down_or_busy_pauses_the_partition() {
        for (String state : new String[] {"08001", "08006", "57P01", "53300", "25006", "57014", "53100", "40001", "40P01", "XX000"}) {
            assertEquals(Kind.RETRY_LATER, Failures.classify(sql(state)), state);
        }
        assertEquals(Kind.RETRY_LATER, Failures.classify(new IllegalStateException(new SQLTransientConnectionException("pool"))));
        assertEquals(Kind.RETRY_LATER, Failures.classify(new RuntimeException(new ConnectException("Connection refused"))));
        assertEquals(Kind.RETRY_LATER, Failures.classify(new SQLException("Sorry, acquisition timeout!")));
        assertEquals(Kind.RETRY_LATER, Failures.classify(new jakarta.transaction.RollbackException("ARJUNA016102: The transaction is not active")));
    }

    @Test
    void a_bug_is_retried_not_thrown_away() {
        // The fix is deployed, then the event applies: nothing is lost in the meantime.
        assertEquals(Kind.RETRY_LATER, Failures.classify(new NullPointerException("agenda")));
    }

    @Test
    void a_broken_event_or_bad_data_is_dead_lettered() {
        assertEquals(Kind.MALFORMED, Failures.classify(new MalformedEventException("no ce_id")));
        assertEquals(Kind.MALFORMED, Failures.classify(new RuntimeException(new MalformedEventException("does not fit"))));
        assertEquals(Kind.DATA, Failures.classify(sql("23505")));
        assertEquals(Kind.DATA, Failures.classify(sql("22001")));
        assertEquals(Kind.DATA, Failures.classify(sql("22P02")));
    }
}
