package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Territories;
import org.shangliang.followup.api.CaseViews.BoardRow;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.domain.CaseAccess;
import org.shangliang.followup.config.FollowupConfig;
import org.shangliang.followup.domain.CaseStatus;

/** Staff's board: the cases of a territory by township and unit, overdue first. One grouped query. */
@ApplicationScoped
public class BoardService {

    private static final String RUNNING = "('ASSIGNED', 'RETURN_REQUESTED', 'SIGNED', 'IN_PROGRESS')";

    @Inject EntityManager em;
    @Inject ReferenceCopy copy;
    @Inject CaseClock clock;
    @Inject FollowupConfig config;

    public List<BoardRow> board(String territory, Caller caller) {
        String scope = CaseAccess.scope(territory, caller);
        LocalDate today = clock.today();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select left(territory_code, 9), lead_unit_code, max(lead_unit), status, count(*), "
                        + "count(*) filter (where status in " + RUNNING + " and deadline < ?1), "
                        + "count(*) filter (where status in " + RUNNING + " and deadline >= ?1 and deadline <= ?2) "
                        + "from handling_case where " + Territories.withinPositional("territory_code", 3, scope) + " group by 1, 2, 4")
                .setParameter(1, today).setParameter(2, today.plusDays(config.dueSoonDays())).setParameter(3, Territories.subtreeKey(scope)).getResultList();
        Map<String, Acc> byKey = new LinkedHashMap<>();
        for (Object[] r : rows) {
            String township = (String) r[0];
            String unit = (String) r[1];
            Acc a = byKey.computeIfAbsent(township + "|" + unit, k -> new Acc(township, unit, (String) r[2]));
            CaseStatus status = CaseStatus.valueOf((String) r[3]);
            long n = ((Number) r[4]).longValue();
            a.byStatus.merge(status, n, Long::sum);
            if (status.isOpen()) a.open += n;
            a.overdue += ((Number) r[5]).longValue();
            a.dueSoon += ((Number) r[6]).longValue();
        }
        List<BoardRow> out = new ArrayList<>();
        for (Acc a : byKey.values()) {
            String name = copy.find(CaseService.DIRECTORY, "territory:" + a.township).map(t -> t.path("name").asText(a.township)).orElse(a.township);
            out.add(new BoardRow(a.township, name, a.unit, a.unitName, a.byStatus, a.open, a.overdue, a.dueSoon));
        }
        out.sort(Comparator.comparingLong(BoardRow::overdue).reversed().thenComparing(Comparator.comparingLong(BoardRow::dueSoon).reversed())
                .thenComparing(BoardRow::townshipCode).thenComparing(r -> r.unitCode() == null ? "" : r.unitCode()));
        return out;
    }

    private static final class Acc {
        final String township;
        final String unit;
        final String unitName;
        final Map<CaseStatus, Long> byStatus = new EnumMap<>(CaseStatus.class);
        long open;
        long overdue;
        long dueSoon;

        Acc(String township, String unit, String unitName) {
            this.township = township;
            this.unit = unit;
            this.unitName = unitName;
        }
    }
}
