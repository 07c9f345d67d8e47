package org.shangliang.topics.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.commons.security.Territories;
import org.shangliang.topics.domain.DeliveryStatus;
import org.shangliang.topics.domain.WebhookDelivery;
import org.shangliang.topics.domain.WebhookSubscription;

/** Requests and views of webhooks (事件推送). */
public final class Webhooks {

    private Webhooks() {
    }

    @Schema(name = "SubscriptionRequest", description = "What to call back, for which events, of which territory")
    public record SubscriptionRequest(
            @NotBlank @Size(max = 2000)
            @Schema(description = "Where deliveries are POSTed: https, reachable from the internet (or in shangliang.webhooks.allowed-hosts)",
                    example = "https://hooks.dongfeng.gov.cn/shangliang")
            String callbackUrl,
            @NotEmpty @Size(max = 50)
            @Schema(description = "CloudEvents types to receive (GET /api/v1/webhooks/event-types lists them)",
                    example = "[\"TopicAccepted\", \"SessionScheduled\", \"CaseClosed\"]")
            List<@NotBlank @Size(max = 100) String> eventTypes,
            @Pattern(regexp = Territories.CODE_REGEX, message = "{shangliang.territory}")
            @Schema(description = "Events of this territory and everything below it; defaults to the caller's territory, and may not be outside it",
                    example = "330421003", nullable = true)
            String territory,
            @Size(max = 200) @Schema(description = "A note for the people who run the integration", example = "东风镇基层治理平台", nullable = true)
            String description,
            @Schema(description = "false pauses deliveries (events are not queued while paused); default true", nullable = true)
            Boolean active) {
    }

    @Schema(name = "Subscription", description = "A webhook subscription (事件推送订阅)")
    public record SubscriptionView(
            UUID id,
            String callbackUrl,
            List<String> eventTypes,
            @Schema(example = "330421003") String territory,
            @Schema(nullable = true) String description,
            boolean active,
            @Schema(description = "Deliveries per status", example = "{\"PENDING\": 0, \"DELIVERED\": 42, \"PARKED\": 1}")
            Map<DeliveryStatus, Long> deliveries,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "Pass back in If-Match to change it") long version) {

        public static SubscriptionView of(WebhookSubscription s, Map<DeliveryStatus, Long> counts) {
            return new SubscriptionView(s.id(), s.callbackUrl(), s.eventTypes(), s.territoryCode(), s.description(), s.active(), counts,
                    s.createdAt(), s.updatedAt(), s.version());
        }
    }

    @Schema(name = "SubscriptionWithSecret", description = "A subscription and its signing secret, shown only here: when it is created or its secret rotated")
    public record SubscriptionWithSecret(
            @NotNull SubscriptionView subscription,
            @Schema(description = "The key of the deliveries' HMAC-SHA256 signature (Standard Webhooks format); keep it secret",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {
    }

    @Schema(name = "EventType", description = "An event a webhook can receive")
    public record EventTypeView(
            @Schema(example = "TopicAccepted") String type,
            @Schema(description = "The service that publishes it", example = "/shangliang/topics-service") String source) {
    }

    @Schema(name = "Delivery", description = "One event's delivery to a subscription (推送记录)")
    public record DeliveryView(
            UUID id,
            @Schema(description = "The CloudEvent's id: the same on every attempt and replay (webhook-id); receivers apply each once")
            String eventId,
            @Schema(example = "TopicAccepted") String eventType,
            Instant eventTime,
            DeliveryStatus status,
            @Schema(description = "Attempts so far") int attempts,
            @Schema(nullable = true) Instant lastAttemptAt,
            @Schema(description = "The receiver's HTTP status at the last attempt", nullable = true, example = "503") Integer lastResponseCode,
            @Schema(description = "Why the last attempt failed, when it got no answer", nullable = true, example = "timed out after PT10S")
            String lastError,
            @Schema(description = "PENDING: when the next attempt is due", nullable = true) Instant nextAttemptAt,
            @Schema(nullable = true) Instant deliveredAt,
            @Schema(description = "PARKED: why (retry period over, queue full)", nullable = true) String parkedReason,
            Instant createdAt) {

        public static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.eventTime(), d.status(), d.attempts(), d.lastAttemptAt(),
                    d.lastStatusCode(), d.lastError(), d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(),
                    d.parkedReason(), d.createdAt());
        }
    }

    @Schema(name = "ReplayResult", description = "How many deliveries a replay queued again")
    public record ReplayResult(@Schema(example = "3") int replayed) {
    }
}
