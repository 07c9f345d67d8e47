package org.shangliang.sessions.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shangliang.commons.security.Territories;

/**
 * 统计: per township (the first nine digits of the territory code; a county session counts under the
 * county's six) and session type, for sessions starting in [from, to): how many were held and
 * cancelled, attendance of the held ones, contributions by kind, outcomes in force and how many of
 * them were agreed by consensus. Four grouped queries, whatever the number of sessions.
 */
@ApplicationScoped
public class SessionStatistics {

    /** One township × type; the counts the view turns into rates. */
    public static final class Row {
        public final String township;
        public final SessionType type;
        public long scheduled, held, cancelled, expected, present, speeches, departmentResponses, writtenSubmissions, outcomes, consensus;

        Row(String township, SessionType type) {
            this.township = township;
            this.type = type;
        }
    }

    @Inject EntityManager em;

    public List<Row> of(String territory, Instant from, Instant to) {
        Map<String, Row> rows = new TreeMap<>();
        String where = " where s.starts_at >= ?1 and s.starts_at < ?2 and " + Territories.withinPositional("s.territory_code", 3, territory);
        for (Object[] r : query("select left(s.territory_code, 9), s.type, count(*) filter (where s.status <> 'CANCELLED'), "
                + "count(*) filter (where s.status = 'CONCLUDED'), count(*) filter (where s.status = 'CANCELLED') from consultation_session s"
                + where + " group by 1, 2", territory, from, to)) {
            Row row = row(rows, r);
            row.scheduled = n(r[2]);
            row.held = n(r[3]);
            row.cancelled = n(r[4]);
        }
        for (Object[] r : query("select left(s.territory_code, 9), s.type, count(*) filter (where p.rsvp <> 'DECLINED'), count(p.checked_in_at) "
                + "from participant p join consultation_session s on s.id = p.session_id" + where + " and s.status = 'CONCLUDED' group by 1, 2", territory, from, to)) {
            Row row = row(rows, r);
            row.expected = n(r[2]);
            row.present = n(r[3]);
        }
        for (Object[] r : query("select left(s.territory_code, 9), s.type, count(*) filter (where c.kind = 'SPEECH'), "
                + "count(*) filter (where c.kind = 'DEPARTMENT_RESPONSE'), count(*) filter (where c.kind = 'WRITTEN_SUBMISSION') "
                + "from contribution c join consultation_session s on s.id = c.session_id" + where + " group by 1, 2", territory, from, to)) {
            Row row = row(rows, r);
            row.speeches = n(r[2]);
            row.departmentResponses = n(r[3]);
            row.writtenSubmissions = n(r[4]);
        }
        for (Object[] r : query("select left(s.territory_code, 9), s.type, count(*), "
                + "count(*) filter (where o.decision_rule = 'CONSENSUS' and o.decision_met is not false) "
                + "from outcome o join agenda_item i on i.id = o.agenda_item_id join consultation_session s on s.id = i.session_id" + where
                + " and o.version = (select max(o2.version) from outcome o2 where o2.agenda_item_id = o.agenda_item_id) group by 1, 2", territory, from, to)) {
            Row row = row(rows, r);
            row.outcomes = n(r[2]);
            row.consensus = n(r[3]);
        }
        return List.copyOf(rows.values());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> query(String sql, String territory, Instant from, Instant to) {
        return em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).setParameter(3, Territories.subtreeKey(territory)).getResultList();
    }

    private static Row row(Map<String, Row> rows, Object[] r) {
        return rows.computeIfAbsent(r[0] + "/" + r[1], k -> new Row((String) r[0], SessionType.valueOf((String) r[1])));
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
