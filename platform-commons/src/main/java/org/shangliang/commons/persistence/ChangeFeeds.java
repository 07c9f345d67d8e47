package org.shangliang.commons.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.shangliang.commons.http.ChangeCursor;
import org.shangliang.commons.security.Territories;

/**
 * Reading a change feed table (变更流: {@code territory_code, txid, position}, written by a trigger):
 * one page of a territory's subtree after a cursor, settled transactions only, in one statement so
 * that the rows and the settled rule share a snapshot.
 */
public final class ChangeFeeds {

    private ChangeFeeds() {
    }

    /**
     * @param selectFrom the select list and from clause, the feed table aliased {@code c}, e.g.
     *                   {@code select c.case_id, c.txid, c.position, k.number from case_change c join handling_case k on k.id = c.case_id}
     * @return up to {@code limit} rows, oldest change first
     */
    @SuppressWarnings("unchecked")
    public static List<Object[]> page(EntityManager em, String selectFrom, String territory, ChangeCursor since, int limit) {
        return em.createNativeQuery(selectFrom
                        + " where " + Territories.withinPositional("c.territory_code", 1, territory)
                        + " and " + ChangeCursor.afterCondition("c", 2, 3)
                        + " order by c.txid, c.position limit ?4")
                .setParameter(1, Territories.subtreeKey(territory)).setParameter(2, since.txid()).setParameter(3, since.position())
                .setParameter(4, limit).getResultList();
    }

    /** The cursor of a row whose {@code txid} and {@code position} are at these indexes. */
    public static ChangeCursor cursor(Object[] row, int txidIndex) {
        return new ChangeCursor(((Number) row[txidIndex]).longValue(), ((Number) row[txidIndex + 1]).longValue());
    }
}
