package org.shangliang.followup.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.ChangeCursor;
import org.shangliang.commons.persistence.ChangeFeeds;
import org.shangliang.commons.persistence.SqlValues;

/**
 * The change feed of cases (变更流), written by the {@code case_change_feed} trigger in the
 * transaction of every change of a case (V12__change_feed.sql); one statement per page, so that the
 * settled-transaction rule and the rows come from one snapshot.
 */
@ApplicationScoped
public class CaseChangeRepository {

    /** A changed case in its current state. */
    public record Change(UUID caseId, ChangeCursor cursor, String number, String topicNumber, String topicTitle, String leadUnit, String leadUnitCode,
                         CaseStatus status, LocalDate dueDate, String territoryCode, long version, Instant updatedAt) {
    }

    @Inject EntityManager em;

    /** Up to {@code limit} changes in the subtree of {@code territory} after {@code since}, oldest first. */
    public List<Change> after(String territory, ChangeCursor since, int limit) {
        List<Object[]> rows = ChangeFeeds.page(em, "select c.case_id, c.txid, c.position, k.number, k.topic_number, k.topic_title, k.lead_unit,"
                        + " k.lead_unit_code, k.status, k.due_date, k.territory_code, k.version, k.updated_at"
                        + " from case_change c join handling_case k on k.id = c.case_id", territory, since, limit);
        return rows.stream().map(r -> new Change((UUID) r[0], ChangeFeeds.cursor(r, 1),
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7], CaseStatus.valueOf((String) r[8]),
                r[9] == null ? null : (r[9] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[9]), (String) r[10],
                ((Number) r[11]).longValue(), SqlValues.instant(r[12]))).toList();
    }
}
