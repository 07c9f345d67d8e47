package org.shangliang.commons.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Human-readable numbers like YT-2026-0042, counted per kind and calendar year of the county
 * (Asia/Shanghai). The counter row's lock serializes concurrent creates; a rolled-back create
 * leaves a gap, which is fine for a reference number.
 */
@ApplicationScoped
public class YearlyNumbers {

    private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String kind) {
        int year = ZonedDateTime.now(COUNTY_ZONE).getYear();
        Number n = (Number) em.createNativeQuery("insert into yearly_counter (kind, year, last) values (?1, ?2, 1) "
                        + "on conflict (kind, year) do update set last = yearly_counter.last + 1 returning last")
                .setParameter(1, kind).setParameter(2, year).getSingleResult();
        return String.format("%s-%d-%04d", kind, year, n.intValue());
    }
}
