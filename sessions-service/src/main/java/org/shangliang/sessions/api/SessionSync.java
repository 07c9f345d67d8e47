package org.shangliang.sessions.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.sessions.domain.SessionMode;
import org.shangliang.sessions.domain.SessionStatus;
import org.shangliang.sessions.domain.SessionType;
import org.shangliang.sessions.domain.Visibility;

/** What the sessions' change feed (变更流) returns: compact summaries, for an organizer's phone that keeps an offline copy. */
public final class SessionSync {

    private SessionSync() {
    }

    @Schema(name = "SessionSummary", description = "The fields a list or calendar shows; read the session itself for the rest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionSummary(
            @Schema(example = "惠通村民生议事堂2026年第8次协商") String title,
            SessionType type,
            SessionMode mode,
            SessionStatus status,
            Visibility visibility,
            @Schema(example = "330421003201") String territoryCode,
            Instant startsAt,
            Instant endsAt,
            @Schema(example = "惠通村文化礼堂") String venue,
            @Schema(description = "The ETag's version: If-Match for a change") long version,
            Instant updatedAt) {
    }

    @Schema(name = "SessionChange", description = "One session's latest state (a session is never deleted: a cancelled one says CANCELLED)")
    public record SessionChange(UUID id, SessionSummary session) {
    }

    @Schema(name = "SessionChanges", description = "A page of the sessions' change feed")
    public record SessionChanges(
            @Schema(description = "Each changed session once, in its latest state, oldest change first", required = true) List<SessionChange> changes,
            @Schema(description = "Pass as `since` next time (also when `changes` is empty: keep it)", required = true, example = "YzF8NzQ0MTJ8MTgyMw")
            String nextCursor,
            @Schema(description = "true: more changes are waiting, ask again at once with `nextCursor`", required = true) boolean more) {
    }
}
