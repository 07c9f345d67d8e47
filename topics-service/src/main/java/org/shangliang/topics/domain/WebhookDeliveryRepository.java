package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.persistence.SqlValues;

/**
 * The deliveries' table: the log and replays through the entity, the dispatcher's claim and
 * outcome as single statements (they run for many rows, often, from several replicas).
 */
@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** A delivery handed to the dispatcher: what to send where, and how many tries it has had. */
    public record Claimed(UUID id, UUID subscriptionId, String eventId, String body, int attempts, Instant retryFrom,
                          String callbackUrl, String secret) {
    }

    /**
     * Queues one event for one subscription, once: a redelivered event finds its row and adds
     * nothing. When the subscription already has {@code maxPending} queued, the delivery is
     * written PARKED (queue full) instead, so a dead receiver's backlog stays bounded and nothing is lost.
     * @return whether a row was written
     */
    public boolean enqueue(UUID subscriptionId, String eventId, String eventType, Instant eventTime, String body, Instant now, int maxPending) {
        return getEntityManager().createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, event_id, event_type, event_time, body, status, next_attempt_at,
                                              parked_reason, retry_from, created_at)
                select ?1, ?2, ?3, ?4, ?5, ?6, case when is_full then 'PARKED' else 'PENDING' end, case when is_full then null else cast(?7 as timestamptz) end,
                       case when is_full then 'queue full' else null end, ?7, ?7
                from (select count(*) >= ?8 as is_full from (select 1 from webhook_delivery
                      where subscription_id = ?2 and status = 'PENDING' limit ?8) q) f
                on conflict (subscription_id, event_id) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscriptionId).setParameter(3, eventId)
                .setParameter(4, eventType).setParameter(5, eventTime).setParameter(6, body).setParameter(7, now)
                .setParameter(8, maxPending)
                .executeUpdate() == 1;
    }

    /**
     * Claims due deliveries: at most {@code perSubscription} of each active subscription not in
     * {@code busy}, oldest first, skipping rows another replica holds. A claimed row is leased
     * (its next attempt moved {@code lease} ahead), so if this replica dies mid-send it is sent again.
     */
    @SuppressWarnings("unchecked")
    public List<Claimed> claim(Collection<UUID> busy, int perSubscription, int max, java.time.Duration lease) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                update webhook_delivery d set next_attempt_at = now() + cast(?1 as interval), attempts = d.attempts + 1,
                       last_attempt_at = now()
                from webhook_subscription s
                where s.id = d.subscription_id and d.id in (
                    select x.id from webhook_subscription s2
                    cross join lateral (select w.id from webhook_delivery w
                                        where w.subscription_id = s2.id and w.status = 'PENDING' and w.next_attempt_at <= now()
                                        order by w.next_attempt_at limit ?2 for update skip locked) x
                    where s2.active and not (s2.id = any (cast(string_to_array(?3, ',') as uuid[])))
                    limit ?4)
                returning d.id, d.subscription_id, d.event_id, d.body, d.attempts, d.retry_from, s.callback_url, s.secret""")
                .setParameter(1, lease.toMillis() + " milliseconds").setParameter(2, perSubscription)
                .setParameter(3, String.join(",", busy.stream().map(UUID::toString).toList())).setParameter(4, max)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            claimed.add(new Claimed((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    SqlValues.instant(r[5]), (String) r[6], (String) r[7]));
        }
        return claimed;
    }

    public void delivered(UUID id, int status) {
        getEntityManager().createNativeQuery("""
                update webhook_delivery set status = 'DELIVERED', delivered_at = now(), next_attempt_at = null,
                       last_status_code = ?2, last_error = null where id = ?1 and status = 'PENDING'""")
                .setParameter(1, id).setParameter(2, status).executeUpdate();
    }

    /** A failed attempt: due again at {@code next}, or parked when that is past the retry period. */
    public void failed(UUID id, Integer status, String error, Instant next, boolean park) {
        getEntityManager().createNativeQuery("""
                update webhook_delivery set status = case when ?5 then 'PARKED' else 'PENDING' end,
                       next_attempt_at = case when ?5 then null else cast(?4 as timestamptz) end,
                       parked_reason = case when ?5 then 'retry period over' else null end,
                       last_status_code = ?2, last_error = ?3 where id = ?1 and status = 'PENDING'""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, error).setParameter(4, next).setParameter(5, park)
                .executeUpdate();
    }

    /** Drops delivered deliveries older than {@code before}, a batch at a time; @return how many of this batch */
    public int deleteDelivered(Instant before, int batch) {
        return getEntityManager().createNativeQuery("""
                delete from webhook_delivery where id in (select id from webhook_delivery
                where status = 'DELIVERED' and delivered_at < ?1 limit ?2)""")
                .setParameter(1, before).setParameter(2, batch).executeUpdate();
    }

    /** A subscription's log, newest first; {@code status} null for all. */
    public List<WebhookDelivery> log(UUID subscriptionId, DeliveryStatus status, Cursor after, int limit) {
        StringBuilder q = new StringBuilder("subscriptionId = :s");
        Map<String, Object> p = new java.util.HashMap<>(Map.of("s", subscriptionId));
        if (status != null) {
            q.append(" and status = :status");
            p.put("status", status);
        }
        if (after != null) {
            q.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            p.put("at", after.at());
            p.put("id", after.id());
        }
        return find(q + " order by createdAt desc, id desc", p).page(0, limit).list();
    }

    public List<WebhookDelivery> withStatus(UUID subscriptionId, DeliveryStatus status, int limit) {
        return find("subscriptionId = ?1 and status = ?2 order by createdAt", subscriptionId, status).page(0, limit).list();
    }

    /** How many deliveries of a subscription stand in each status. */
    public Map<DeliveryStatus, Long> counts(UUID subscriptionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "select status, count(*) from webhook_delivery where subscription_id = ?1 group by status")
                .setParameter(1, subscriptionId).getResultList();
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus s : DeliveryStatus.values()) counts.put(s, 0L);
        for (Object[] r : rows) counts.put(DeliveryStatus.valueOf((String) r[0]), ((Number) r[1]).longValue());
        return counts;
    }
}
