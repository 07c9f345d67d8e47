package org.shangliang.commons.http;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Human-readable numbers like YT-2026-0042, counted per kind and calendar year of the county
 * (Asia/Shanghai), from one PostgreSQL sequence per kind and year ({@code yearly_number_yt_2026}).
 * {@code nextval} takes no row lock, so concurrent creates no longer queue behind one counter row
 * (the former {@code yearly_counter} upsert held its lock until commit). A rolled-back create
 * leaves a gap, as before: a reference number, not a count. See docs/decisions/0004-yearly-numbers.md.
 */
@ApplicationScoped
public class YearlyNumbers {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern KIND = Pattern.compile("[A-Z]{2,8}");

    @Inject EntityManager em;

    /** Sequences known to exist in this database (per application instance; a test's clean start makes a new one). */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String kind) {
        if (!KIND.matcher(kind).matches()) throw new IllegalArgumentException("number kind must be 2-8 capital letters: " + kind);
        int year = ZonedDateTime.now(COUNTY_ZONE).getYear();
        String sequence = ("yearly_number_" + kind + "_" + year).toLowerCase();
        if (!known.contains(sequence)) {
            ensure(sequence, kind, year);
            known.add(sequence);
        }
        Number n = (Number) em.createNativeQuery("select nextval('" + sequence + "')").getSingleResult();
        return String.format("%s-%d-%04d", kind, year, n.longValue());
    }

    /**
     * Creates the year's sequence once, in its own transaction under an advisory lock so replicas
     * never race on it; it starts after the last number the old counter row gave, so numbers issued
     * before this change are never issued again. DDL is transactional: nobody sees the sequence
     * before it starts at the right value.
     */
    private void ensure(String sequence, String kind, int year) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, sequence).getSingleResult();
            Number exists = (Number) em.createNativeQuery("select count(*) from pg_class where relkind = 'S' and relname = ?1 "
                    + "and relnamespace = current_schema()::regnamespace").setParameter(1, sequence).getSingleResult();
            if (exists.intValue() > 0) return;
            Number last = (Number) em.createNativeQuery("select coalesce((select last from yearly_counter where kind = ?1 and year = ?2), 0)")
                    .setParameter(1, kind).setParameter(2, year).getSingleResult();
            em.createNativeQuery("create sequence " + sequence + " start with " + (last.longValue() + 1)).executeUpdate();
        });
    }
}
