package org.shangliang.commons.audit;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEntry", description = "One recorded change: who, in which role, did what to which object, when, in which request")
public record AuditView(
        UUID id,
        Instant at,
        @Schema(description = "Token subject, or system:<service> for changes made by event handlers", example = "u-huimin-organizer") String actor,
        @Schema(example = "张敏", nullable = true) String actorName,
        @Schema(example = "organizer", nullable = true) String roles,
        @Schema(example = "topic.accept") String action,
        @Schema(example = "Topic") String targetType,
        String targetId,
        @Schema(description = "X-Request-Id of the request, or the event id", nullable = true) String requestId,
        @Schema(nullable = true) String detail) {
}
