package org.shangliang.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.Housekeeping;
import org.shangliang.commons.testing.JwtTestResource;

/** Old plumbing rows go; unpublished events, recent ids and the audit trail stay. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class HousekeepingTest {

    @Inject Housekeeping housekeeping;
    @Inject EntityManager em;

    @Test
    void drops_only_what_nobody_can_need_any_more() {
        String old = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        String unpublished = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox(old, "now() - interval '8 days'", "now() - interval '8 days'");
            outbox(fresh, "now()", "now()");
            outbox(unpublished, "now() - interval '9 days'", null);
            em.createNativeQuery("insert into inbox_event (event_id, event_type, topic, partition_no, offset_no, applied_at) values "
                    + "('" + old + "', 'X', 't', 0, 0, now() - interval '31 days'), ('" + fresh + "', 'X', 't', 0, 1, now())").executeUpdate();
            em.createNativeQuery("insert into idempotency_key (scope, key, request_hash, created_at) values "
                    + "('s', '" + old + "', 'h', now() - interval '2 days'), ('s', '" + fresh + "', 'h', now())").executeUpdate();
        });
        housekeeping.runOnce();
        assertEquals(0, count("select count(*) from outbox_event where id = '" + old + "'"));
        assertEquals(1, count("select count(*) from outbox_event where id = '" + fresh + "'"));
        assertEquals(1, count("select count(*) from outbox_event where id = '" + unpublished + "'"), "an unpublished event is never dropped");
        assertEquals(0, count("select count(*) from inbox_event where event_id = '" + old + "'"));
        assertEquals(1, count("select count(*) from inbox_event where event_id = '" + fresh + "'"));
        assertEquals(0, count("select count(*) from idempotency_key where key = '" + old + "'"));
        assertEquals(1, count("select count(*) from idempotency_key where key = '" + fresh + "'"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update outbox_event set published_at = now() where id = '" + unpublished + "'").executeUpdate());
    }

    private void outbox(String id, String occurred, String published) {
        em.createNativeQuery("insert into outbox_event (id, aggregate_type, aggregate_id, event_type, topic, payload, occurred_at, published_at) values ('"
                + id + "', 'Probe', 'p', 'HousekeepingProbe', 'housekeeping-probe', '{}', " + occurred + ", " + published + ")").executeUpdate();
    }

    private int count(String sql) {
        return ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getSingleResult())).intValue();
    }
}
