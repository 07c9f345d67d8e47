package org.shangliang.topics.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.topics.domain.Level;
import org.shangliang.topics.domain.TopicStatus;

/** What the change feed (变更流) returns: compact summaries, so that a phone syncs a day in one small request. */
public final class TopicSync {

    private TopicSync() {
    }

    /** What happened to a topic, as the feed tells it. */
    @Schema(name = "TopicChangeKind", description = "UPSERT: keep or replace your copy with `topic`; MERGED: merged into `mergedInto`, drop your copy; "
            + "MOVED: it now belongs to a territory outside this feed (received at another level), drop it; DELETED: gone, drop it")
    public enum Kind { UPSERT, MERGED, MOVED, DELETED }

    @Schema(name = "TopicSummary", description = "The fields a list shows; read the topic itself for the rest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TopicSummary(
            @Schema(example = "YT-2026-0042") String number,
            @Schema(example = "第三轮土地确权") String title,
            TopicStatus status,
            Level level,
            @Schema(example = "330421003201") String territoryCode,
            @Schema(description = "Supports (附议) so far") int supportCount,
            @Schema(description = "The ETag's version: If-Match for a change") long version,
            Instant updatedAt) {
    }

    @Schema(name = "TopicChange", description = "One topic's latest change: a summary, or a tombstone (MERGED, MOVED, DELETED) without one")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TopicChange(
            UUID id,
            Kind change,
            @Schema(description = "For UPSERT only") TopicSummary topic,
            @Schema(description = "For MERGED only: the topic it lives on in") UUID mergedInto) {
    }

    @Schema(name = "TopicChanges", description = "A page of the change feed")
    public record TopicChanges(
            @Schema(description = "Each changed topic once, in its latest state, oldest change first", required = true) List<TopicChange> changes,
            @Schema(description = "Pass as `since` next time (also when `changes` is empty: keep it)", required = true,
                    example = "YzF8NzQ0MTJ8MTgyMw") String nextCursor,
            @Schema(description = "true: more changes are waiting, ask again at once with `nextCursor`", required = true) boolean more) {
    }
}
