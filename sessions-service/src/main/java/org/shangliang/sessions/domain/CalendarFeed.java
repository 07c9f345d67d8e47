package org.shangliang.sessions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** CalendarFeed — 个人日程订阅: a person's feed token, kept only as its hash. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    private String subject;
    @Column(name = "token_hash")
    private String tokenHash;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CalendarFeed() {
    }

    public CalendarFeed(String subject, String tokenHash) {
        this.subject = subject;
        rotate(tokenHash);
    }

    public void rotate(String newTokenHash) {
        this.tokenHash = newTokenHash;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public String subject() { return subject; }
    public Instant createdAt() { return createdAt; }
}
