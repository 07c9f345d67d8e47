package org.shangliang.commons.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures pause a partition (the environment is down) and which dead-letter an event (it is broken). */
class FailuresTest {

    @Test
    void a_database_that_is_down_pauses_the_partition() {
        assertTrue(Failures.isInfrastructure(new RuntimeException("commit failed", new SQLException("connection refused", "08001"))));
        assertTrue(Failures.isInfrastructure(new IllegalStateException(new SQLTransientConnectionException("pool"))));
        assertTrue(Failures.isInfrastructure(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(Failures.isInfrastructure(new RuntimeException(new ConnectException("Connection refused"))));
        assertTrue(Failures.isInfrastructure(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void a_broken_event_is_not_an_outage() {
        assertFalse(Failures.isInfrastructure(new MalformedEventException("no ce_id")));
        assertFalse(Failures.isInfrastructure(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertTrue(Failures.isPermanent(new RuntimeException(new MalformedEventException("does not fit"))));
        assertFalse(Failures.isPermanent(new IllegalStateException("a bug that a retry may not fix but that we retry")));
    }
}
