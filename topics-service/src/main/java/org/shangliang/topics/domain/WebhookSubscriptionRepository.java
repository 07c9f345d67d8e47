package org.shangliang.topics.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.http.Cursor;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** One owner's subscriptions, newest first, from a keyset position. */
    public List<WebhookSubscription> ownedBy(String owner, Cursor after, int limit) {
        if (after == null) {
            return find("owner = ?1 order by createdAt desc, id desc", owner).page(0, limit).list();
        }
        return find("owner = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                owner, after.at(), after.id()).page(0, limit).list();
    }

    public List<WebhookSubscription> active() {
        return list("active", true);
    }
}
