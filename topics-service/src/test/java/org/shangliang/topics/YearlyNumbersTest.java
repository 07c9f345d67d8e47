package org.shangliang.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.http.YearlyNumbers;
import org.shangliang.commons.testing.JwtTestResource;

/** Yearly numbers against the real database: unique under concurrency, no create waiting on another's commit. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class YearlyNumbersTest {

    @Inject YearlyNumbers numbers;
    @Inject EntityManager em;

    private static int year() {
        return ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getYear();
    }

    @Test
    void numbering_continues_after_the_last_number_the_old_counter_gave() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into yearly_counter (kind, year, last) values ('ZZ', ?1, 41)")
                .setParameter(1, year()).executeUpdate());
        assertEquals("ZZ-" + year() + "-0042", QuarkusTransaction.requiringNew().call(() -> numbers.next("ZZ")));
        assertEquals("ZZ-" + year() + "-0043", QuarkusTransaction.requiringNew().call(() -> numbers.next("ZZ")));
    }

    @Test
    void a_create_does_not_wait_for_another_create_to_commit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(9);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // One create takes its number and stays open (a slow transaction)...
        Future<String> slow = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            String n = numbers.next("QQ");
            taken.countDown();
            release.await(30, TimeUnit.SECONDS);
            return n;
        }));
        assertTrue(taken.await(30, TimeUnit.SECONDS));
        // ...while eight others take theirs and commit at once.
        long start = System.nanoTime();
        List<Future<String>> fast = new ArrayList<>();
        for (int i = 0; i < 8; i++) fast.add(pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> numbers.next("QQ"))));
        List<String> all = new ArrayList<>();
        for (Future<String> f : fast) all.add(f.get(30, TimeUnit.SECONDS));
        long waited = (System.nanoTime() - start) / 1_000_000;
        release.countDown();
        all.add(slow.get(30, TimeUnit.SECONDS));
        pool.shutdown();
        assertTrue(waited < 2_000, "the others were not held up by the open transaction: " + waited + " ms");
        assertEquals(9, new HashSet<>(all).size(), "every number once: " + all);
    }
}
