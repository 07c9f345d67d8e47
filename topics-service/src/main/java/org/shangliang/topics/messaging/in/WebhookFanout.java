package org.shangliang.topics.messaging.in;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.shangliang.topics.config.WebhooksConfig;
import org.shangliang.topics.domain.WebhookCatalog;
import org.shangliang.topics.domain.WebhookDeliveryRepository;
import org.shangliang.topics.domain.WebhookSubscription;
import org.shangliang.topics.domain.WebhookSubscriptionRepository;

/**
 * Turns published events into webhook deliveries (推送分发): one row per event and subscription
 * that wants it, in one transaction per batch. The (subscription, event id) key is the inbox: a
 * batch applied again after a crash or a rebalance adds nothing.
 */
@ApplicationScoped
public class WebhookFanout {

    /** One published event, its CloudEvents attributes read from the Kafka headers. */
    public record FeedEvent(String id, String type, String source, String subject, Instant time, String territory, boolean internal, byte[] data) {
    }

    @Inject WebhookSubscriptionRepository subscriptions;
    @Inject WebhookDeliveryRepository deliveries;
    @Inject WebhooksConfig config;
    @Inject ObjectMapper json;

    /** @return how many deliveries were queued */
    @Transactional
    public int apply(List<FeedEvent> events) {
        List<WebhookSubscription> active = subscriptions.active();
        if (active.isEmpty()) return 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int queued = 0;
        for (FeedEvent e : events) {
            // An internal session's events are for its territory's staff; an integration is not staff.
            if (e.internal()) continue;
            String body = null;
            for (WebhookSubscription s : active) {
                // A subscription receives what happens from its creation on, not the stream's past.
                if (!s.wants(e.type(), e.territory()) || e.time().isBefore(s.createdAt())) continue;
                if (body == null) body = cloudEvent(e);
                if (deliveries.enqueue(s.id(), e.id(), e.type(), e.time(), body, now, config.maxPending())) queued++;
            }
        }
        return queued;
    }

    /** The CloudEvent in structured JSON mode: the attributes and the payload as {@code data}, less what is withheld from integrations. */
    private String cloudEvent(FeedEvent e) {
        ObjectNode ce = json.createObjectNode();
        ce.put("specversion", "1.0");
        ce.put("id", e.id());
        ce.put("source", e.source());
        ce.put("type", e.type());
        if (e.subject() != null) ce.put("subject", e.subject());
        ce.put("time", e.time().toString());
        ce.put("datacontenttype", "application/json");
        ce.put("territory", e.territory());
        try {
            com.fasterxml.jackson.databind.JsonNode data = json.readTree(e.data());
            if (data instanceof ObjectNode fields) fields.remove(WebhookCatalog.withheld(e.type()));
            ce.set("data", data);
            return json.writeValueAsString(ce);
        } catch (java.io.IOException ex) {
            // The publisher validated it against its contract; a payload that is not JSON goes as a string rather than not at all.
            ce.put("data", new String(e.data(), java.nio.charset.StandardCharsets.UTF_8));
            try {
                return json.writeValueAsString(ce);
            } catch (JsonProcessingException never) {
                throw new IllegalStateException(never);
            }
        }
    }
}
