package org.shangliang.topics.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.topics.domain.Level;
import org.shangliang.topics.domain.TopicHopRepository.Direction;
import org.shangliang.topics.domain.TopicHopRepository.HopStatus;
import org.shangliang.topics.domain.TopicHopRepository.TopicHop;

/** Requests and views of 上报 / 下转. */
public final class Escalation {

    private Escalation() {
    }

    @Schema(name = "SendTopic", description = "Send a topic waiting for screening to another level: up (上报) to a territory above, or down (下转) to one below")
    public record SendTopic(
            @NotNull @Pattern(regexp = "[0-9]{6}([0-9]{3}){0,3}", message = "{shangliang.territory}")
            @Schema(description = "The receiving territory: one above the topic's (up) or inside it (down)", example = "330421003")
            String toTerritory,
            @NotBlank @Size(max = 2000) @Schema(description = "Why", example = "涉及跨村土地调整，超出村级协商范围") String reason) {
    }

    @Schema(name = "ReturnTopic", description = "The receiving level returns a topic sent to it, with the reason")
    public record ReturnTopic(@NotBlank @Size(max = 2000) @Schema(example = "属村内事务，请村民生议事堂协商") String reason) {
    }

    @Schema(name = "TopicHop", description = "One 上报 / 下转 of a topic and its answer")
    public record HopView(UUID id, UUID topicId, Direction direction, String fromTerritory, Level fromLevel, String toTerritory, Level toLevel,
                          String reason, HopStatus status,
                          @Schema(description = "The receiving level answers by this date (working days, Asia/Shanghai)") LocalDate dueOn,
                          @Schema(description = "Pending past its due date") boolean overdue,
                          Instant sentAt, @Schema(nullable = true) Instant answeredAt,
                          @Schema(description = "The receiving level's reason for a return", nullable = true) String answer) {

        public static HopView of(TopicHop h, LocalDate today) {
            return new HopView(h.id(), h.topicId(), h.direction(), h.fromCode(), h.fromLevel(), h.toCode(), h.toLevel(), h.reason(), h.status(),
                    h.dueOn(), h.status() == HopStatus.PENDING && today.isAfter(h.dueOn()), h.sentAt(), h.answeredAt(), h.answer());
        }
    }
}
