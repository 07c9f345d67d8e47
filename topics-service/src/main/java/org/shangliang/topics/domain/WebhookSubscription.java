package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A webhook subscription (事件推送订阅): an integration client's callback URL, the secret that signs
 * what is sent to it, and the event types and territory it wants.
 */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    private UUID id;
    private String owner;
    private String description;
    @Column(name = "callback_url")
    private String callbackUrl;
    private String secret;
    @Column(name = "event_types")
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> eventTypes = new ArrayList<>();
    @Column(name = "territory_code")
    private String territoryCode;
    private boolean active;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected WebhookSubscription() {
    }

    public WebhookSubscription(String owner, String description, String callbackUrl, String secret, List<String> eventTypes,
                               String territoryCode, Instant now) {
        this.id = UUID.randomUUID();
        this.owner = owner;
        this.description = description;
        this.callbackUrl = callbackUrl;
        this.secret = secret;
        this.eventTypes = new ArrayList<>(eventTypes);
        this.territoryCode = territoryCode;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void change(String description, String callbackUrl, List<String> eventTypes, String territoryCode, boolean active, Instant now) {
        this.description = description;
        this.callbackUrl = callbackUrl;
        this.eventTypes = new ArrayList<>(eventTypes);
        this.territoryCode = territoryCode;
        this.active = active;
        this.updatedAt = now;
    }

    public void rotateSecret(String secret, Instant now) {
        this.secret = secret;
        this.updatedAt = now;
    }

    /** Whether an event of this type and territory (null: county-wide) goes to this subscription. */
    public boolean wants(String type, String territory) {
        return active && eventTypes.contains(type) && territory != null && territory.startsWith(territoryCode);
    }

    public UUID id() { return id; }
    public String owner() { return owner; }
    public String description() { return description; }
    public String callbackUrl() { return callbackUrl; }
    public String secret() { return secret; }
    public List<String> eventTypes() { return List.copyOf(eventTypes); }
    public String territoryCode() { return territoryCode; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
