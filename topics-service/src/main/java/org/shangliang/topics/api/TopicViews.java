package org.shangliang.topics.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.topics.domain.Channel;
import org.shangliang.topics.domain.Level;
import org.shangliang.topics.domain.TimelineEntry;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicStatus;

/** What the topic API returns. Entities never leave the service; these records do. */
public final class TopicViews {

    private TopicViews() {
    }

    @Schema(name = "Topic", description = "A topic (议题) and where it stands in the consultation loop")
    public record TopicView(
            UUID id,
            @Schema(description = "Human-readable number", example = "YT-2026-0042") String number,
            String title,
            String description,
            List<String> themes,
            @Schema(example = "330421003201") String territoryCode,
            Level level,
            Channel channel,
            @Schema(description = "DRAFT → SUBMITTED → ACCEPTED | REJECTED | CONVERTED | WITHDRAWN; ACCEPTED → SCHEDULED → DELIBERATED → IN_FOLLOW_UP → CONCLUDED (every case closed or withdrawn, one at least closed), or WITHDRAWN before scheduling") TopicStatus status,
            @Schema(description = "Screening note or rejection reason", nullable = true) String screeningNote,
            @Schema(nullable = true) Instant screenedAt,
            @Schema(description = "What may be done to the topic now (by someone allowed to)", example = "[\"EDIT\", \"ACCEPT\", \"REJECT\"]") List<TopicStatus.Action> allowedActions,
            @Schema(description = "Who proposed it. Absent for callers who may not see personal data", nullable = true) ProposerView proposer,
            @Schema(description = "The proposer's name as others see it: absent when they asked to stay anonymous (staff always see it under `proposer`)", example = "王建国", nullable = true) String proposerName,
            @Schema(description = "Supports (附议) so far") int supportCount,
            @Schema(description = "When supports reached the level's threshold: the topic is screened first", nullable = true) Instant flaggedAt,
            @Schema(description = "Where a pending 上报 / 下转 goes", nullable = true) String pendingHopTo,
            @Schema(description = "The topic it was merged into (合并)", nullable = true) UUID mergedInto,
            @Schema(description = "The level that accepted it in the end (after any hops)", nullable = true) Level handledLevel,
            @Schema(description = "Also sent as the ETag header; send it back in If-Match to update") long version,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "In the answer to a submission only: topics of the same territory that look like this one (查重), best first, "
                    + "so the proposer can support one of them instead", nullable = true)
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            List<SimilarTopicView> similarTopics) {

        /** The same view with the similar topics found at submission. */
        public TopicView withSimilar(List<SimilarTopicView> similar) {
            return new TopicView(id, number, title, description, themes, territoryCode, level, channel, status, screeningNote, screenedAt,
                    allowedActions, proposer, proposerName, supportCount, flaggedAt, pendingHopTo, mergedInto, handledLevel, version, createdAt,
                    updatedAt, similar);
        }

        /**
         * @param withProposer whether the caller may see the proposer's personal data
         * @param withName     whether the caller may see the proposer's name (not when they stay anonymous)
         */
        public static TopicView of(Topic t, boolean withProposer, boolean withName) {
            return new TopicView(t.id(), t.number(), t.title(), t.description(), t.themes(), t.territoryCode(), t.level(),
                    t.channel(), t.status(), t.screeningNote(), t.screenedAt(),
                    t.status().allowed().stream().sorted().toList(),
                    withProposer ? new ProposerView(t.proposer(), t.proposerName(), t.contactPhone(), t.filedBy(), t.anonymous()) : null,
                    withName || withProposer ? t.proposerName() : null,
                    t.supportCount(), t.flaggedAt(), t.pendingHopTo(), t.mergedInto(), t.handledLevel(), t.version(), t.createdAt(), t.updatedAt(), null);
        }
    }

    @Schema(name = "SimilarTopic", description = "A topic that looks like another (查重), with how alike their titles are")
    public record SimilarTopicView(
            UUID id,
            @Schema(example = "YT-2026-0042") String number,
            @Schema(example = "第三轮土地确权") String title,
            TopicStatus status,
            @Schema(example = "330421003201") String territoryCode,
            @Schema(description = "Supports (附议) so far") int supportCount,
            Instant createdAt,
            @Schema(description = "Share of the two titles' character pairs in common (Dice coefficient): 1 is the same title", example = "0.55") double score) {

        public static SimilarTopicView of(Topic t, double score) {
            return new SimilarTopicView(t.id(), t.number(), t.title(), t.status(), t.territoryCode(), t.supportCount(), t.createdAt(),
                    Math.round(score * 100) / 100.0);
        }
    }

    @Schema(name = "Proposer", description = "Personal data of the proposer")
    public record ProposerView(@Schema(description = "Token subject (proxy:<topic id> for a resident without a login)") String subject,
                               @Schema(example = "王建国") String name,
                               @Schema(nullable = true) String contactPhone,
                               @Schema(description = "The grid worker who filed it for the proposer (代办)", nullable = true) String filedBy,
                               @Schema(description = "The proposer asked other residents not to see their name") boolean anonymous) {
    }

    @Schema(name = "Support", description = "A support (附议) recorded")
    public record SupportView(UUID topicId, @Schema(description = "Supports so far, this one included") int supportCount) {
    }

    @Schema(name = "TimelineEntry", description = "One step of a topic's life, in any of the three services")
    public record TimelineEntryView(
            Instant at,
            @Schema(example = "CASE_OPENED", enumeration = {"DRAFTED", "SUBMITTED", "EDITED", "FLAGGED", "COSIGNERS_INVITED", "COSIGNED", "COSIGN_DECLINED", "ATTACHED", "ESCALATED", "HANDED_DOWN", "ESCALATION_ACCEPTED", "ESCALATION_RETURNED", "MERGED", "MERGED_IN", "ACCEPTED", "REJECTED", "CONVERTED", "WITHDRAWN", "SCHEDULED", "AGENDA_REMOVED", "SESSION_POSTPONED", "SESSION_RESCHEDULED", "SESSION_CANCELLED", "SESSION_CONCLUDED", "DELIBERATED", "OUTCOME_CORRECTED", "CASE_OPENED", "CASE_SIGNED", "CASE_REPLIED", "CASE_CLOSED", "CASE_WITHDRAWN", "CONCLUDED"}) String kind,
            @Schema(example = "交办县农业农村局：办理件 BJ-2026-0007") String summary,
            @Schema(example = "followup-service") String service,
            @Schema(description = "The session, outcome or case the step refers to", nullable = true) UUID refId) {

        public static TimelineEntryView of(TimelineEntry e) {
            return new TimelineEntryView(e.at(), e.kind(), e.summary(), e.service(), e.refId());
        }
    }
}
