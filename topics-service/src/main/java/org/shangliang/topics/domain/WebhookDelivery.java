package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event's delivery to one subscription (推送记录): the CloudEvent as sent and signed, and how
 * its attempts went. Written by the fan-out, advanced by the dispatcher's statements
 * ({@link WebhookDeliveryRepository}); mapped here for the delivery log and replays.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    private UUID id;
    @Column(name = "subscription_id")
    private UUID subscriptionId;
    @Column(name = "event_id")
    private String eventId;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "event_time")
    private Instant eventTime;
    private String body;
    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;
    @Column(name = "last_status_code")
    private Integer lastStatusCode;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    @Column(name = "parked_reason")
    private String parkedReason;
    @Column(name = "retry_from")
    private Instant retryFrom;
    @Column(name = "created_at")
    private Instant createdAt;

    protected WebhookDelivery() {
    }

    /** Sent again from now, with a fresh retry period (重新推送). */
    public void replay(Instant now) {
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.retryFrom = now;
        this.parkedReason = null;
    }

    public UUID id() { return id; }
    public UUID subscriptionId() { return subscriptionId; }
    public String eventId() { return eventId; }
    public String eventType() { return eventType; }
    public Instant eventTime() { return eventTime; }
    public String body() { return body; }
    public DeliveryStatus status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant lastAttemptAt() { return lastAttemptAt; }
    public Integer lastStatusCode() { return lastStatusCode; }
    public String lastError() { return lastError; }
    public Instant deliveredAt() { return deliveredAt; }
    public String parkedReason() { return parkedReason; }
    public Instant retryFrom() { return retryFrom; }
    public Instant createdAt() { return createdAt; }
}
