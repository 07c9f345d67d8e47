package org.shangliang.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.KeysetQuery;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.security.Territories;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<ConsultationSession, UUID> {

    /** Newest first after {@code cursor}; one row more than {@code limit} tells whether a next page exists. */
    public List<ConsultationSession> page(SessionFilter f, Cursor cursor, int limit, Caller caller) {
        KeysetQuery q = new KeysetQuery().eq("status", f.status()).eq("type", f.type()).within("territoryCode", f.territory()).after(cursor, "createdAt", "id");
        if (f.from() != null) q.where("startsAt >= :from", Map.of("from", f.from()));
        if (f.to() != null) q.where("startsAt < :to", Map.of("to", f.to()));
        if (f.topicId() != null) q.where("id in (select i.session.id from AgendaItem i where i.topicId = :topic)", Map.of("topic", f.topicId()));
        if (f.participant() != null) q.where("id in (select y.sessionId from Participant y where y.subject = :participant)", Map.of("participant", f.participant()));
        if (!caller.isSystem()) {
            // Internal sessions only for the staff of their territory and their participants.
            Map<String, Object> p = new HashMap<>(Map.of("public", Visibility.PUBLIC, "me", caller.subject()));
            String staff = SessionAccess.staffTerritory(caller);
            String asStaff = "";
            if (Territories.isDivisionCode(staff)) {
                asStaff = " or " + Territories.within("territoryCode", "staffOf", staff);
                p.put("staffOf", Territories.subtreeKey(staff));
            }
            q.where("(visibility = :public" + asStaff + " or id in (select x.sessionId from Participant x where x.subject = :me))", p);
        }
        return find(q.query(), Sort.descending("createdAt", "id"), q.params()).range(0, limit).list();
    }

    /** The rounds that continue {@code sessionId} (usually one), earliest first. */
    public List<ConsultationSession> continuing(UUID sessionId) {
        return list("previousRoundId", Sort.ascending("startsAt", "id"), sessionId);
    }

    /** Public sessions starting in [from, to) in a territory's subtree (all when null), by start; their agendas fetched with them. */
    public List<ConsultationSession> published(java.time.Instant from, java.time.Instant to, String territory) {
        Map<String, Object> p = new HashMap<>(Map.of("public", Visibility.PUBLIC, "from", from, "to", to));
        String where = "s.visibility = :public and s.startsAt >= :from and s.startsAt < :to";
        if (territory != null) {
            where += " and " + Territories.within("s.territoryCode", "scope", territory);
            p.put("scope", Territories.subtreeKey(territory));
        }
        return find("select distinct s from ConsultationSession s left join fetch s.agenda where " + where + " order by s.startsAt, s.id", p).list();
    }
}
