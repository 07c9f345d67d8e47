package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * What every directory entry (名录条目) has: a version for If-Match, and retirement instead of
 * deletion, because topics, sessions and cases keep referring to it. A retired entry is kept and
 * shown, but nothing new may refer to it.
 */
@MappedSuperclass
public abstract class DirectoryEntry {

    @Column(name = "retired_at")
    private Instant retiredAt;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected void created() {
        createdAt = now();
        updatedAt = createdAt;
    }

    /** Before a change: a retired entry is read-only. */
    protected void changing(Text what) {
        if (retiredAt != null) {
            throw ApiException.illegalTransition(Text.of(what.zh() + "已停用，不能修改。已停用的条目只能查看",
                    "The " + what.en() + " is retired and cannot be changed; a retired entry can only be read"));
        }
        updatedAt = now();
    }

    /** 停用: kept for what refers to it, refused for anything new. */
    public void retire(Text what) {
        changing(what);
        retiredAt = updatedAt;
    }

    public boolean retired() { return retiredAt != null; }
    public Instant retiredAt() { return retiredAt; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }

    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
