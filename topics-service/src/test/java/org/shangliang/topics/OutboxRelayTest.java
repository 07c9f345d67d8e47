package org.shangliang.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.EventsTestKit.header;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.shangliang.commons.testing.JwtTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.events.OutboxRelay;
import org.shangliang.commons.testing.EventsTestKit;

/** The outbox relay against the real database and broker. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class OutboxRelayTest {

    /** A probe event; its marker tells this test's events from everything else on the topic. */
    record Probe(String marker, String aggregate, int n) implements DomainEvent {
        @Override public String eventType() { return "RelayProbe"; }
        @Override public String aggregateType() { return "Probe"; }
        @Override public String aggregateId() { return aggregate; }
    }

    @Inject Outbox outbox;
    @Inject OutboxRelay relay;
    @Inject EntityManager em;

    @Test
    void replicas_draining_at_once_publish_each_row_exactly_once_and_in_order() throws Exception {
        String marker = UUID.randomUUID().toString();
        int rows = 300;
        List<String> aggregates = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < rows; i++) outbox.publish(new Probe(marker, aggregates.get(i % 3), i));
        });
        // Four drainers race with the service's own relay thread, as replicas of the service would.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> drained = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            drained.add(pool.submit(() -> {
                int total = 0;
                for (int i = 0; i < 20; i++) total += relay.drainOnce();
                return total;
            }));
        }
        for (Future<Integer> f : drained) f.get();
        pool.shutdown();

        {
            EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
            java.util.function.Predicate<ConsumerRecord<String, byte[]>> ours =
                    r -> "RelayProbe".equals(header(r, "ce_type")) && new String(r.value()).contains(marker);
            assertEquals(rows, kafka.read(kafka.topic("topics"), ours, rows, Duration.ofSeconds(20)).size(), "every row published");
            // Read again, hoping for one more: a row published twice would show here.
            List<ConsumerRecord<String, byte[]>> seen = kafka.read(kafka.topic("topics"), ours, rows + 1, Duration.ofSeconds(3));
            assertEquals(rows, seen.size(), "none twice");
            Set<String> ids = new HashSet<>();
            seen.forEach(r -> ids.add(header(r, "ce_id")));
            assertEquals(rows, ids.size());
            for (String aggregate : aggregates) {
                List<Integer> order = seen.stream().filter(r -> aggregate.equals(r.key()))
                        .sorted((a, b) -> Long.compare(a.offset(), b.offset()))
                        .map(r -> n(r)).toList();
                List<Integer> sorted = new ArrayList<>(order);
                sorted.sort(Integer::compare);
                assertEquals(sorted, order, "one aggregate's events keep their order");
            }
        }
        Number left = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from outbox_event where published_at is null and payload->>'marker' = ?1").setParameter(1, marker).getSingleResult());
        assertEquals(0, left.intValue());
    }

    private static int n(ConsumerRecord<String, byte[]> r) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.value()).get("n").asInt();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_event_of_a_rolled_back_transaction_is_never_published() {
        String marker = UUID.randomUUID().toString();
        String aggregate = UUID.randomUUID().toString();
        QuarkusTransaction.begin();
        outbox.publish(new Probe(marker, aggregate, 1));
        QuarkusTransaction.rollback();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(new Probe(marker, aggregate, 2)));
        {
            EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
            List<ConsumerRecord<String, byte[]>> seen = kafka.read(kafka.topic("topics"),
                    r -> aggregate.equals(r.key()), 2, Duration.ofSeconds(4));
            assertEquals(1, seen.size());
            assertEquals(2, n(seen.get(0)));
        }
    }
}
