package org.shangliang.topics.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.topics.domain.Member;
import org.shangliang.topics.domain.MemberActivity;
import org.shangliang.topics.domain.ServiceDayItem;

/** Requests and views of the 双联 record (五个一). */
public final class ServiceDays {

    private ServiceDays() {
    }

    @Schema(name = "NewServiceDayActivity", description = "One of the five things (五个一) done on a grid service day")
    public record NewActivity(
            @NotNull ServiceDayItem kind,
            @NotNull @Schema(description = "The day it was done (China date); the month it counts for follows from it", example = "2026-11-25") LocalDate occurredOn,
            @NotBlank @Size(max = 1000) @Schema(example = "走访惠通村三组，收集到关于土地确权的意见三条") String summary,
            @Min(1) @Max(100_000) @Schema(description = "How many (contact cards handed out); absent for the others", nullable = true, example = "40") Integer quantity) {
    }

    @Schema(name = "ServiceDayActivity", description = "A recorded grid-service-day activity")
    public record ActivityView(UUID id, UUID memberId, @Schema(example = "2026-11") String month, ServiceDayItem kind, LocalDate occurredOn,
                               @Schema(nullable = true) String gridCode, String summary, @Schema(nullable = true) Integer quantity, Instant recordedAt) {

        public static ActivityView of(MemberActivity a) {
            return new ActivityView(a.id(), a.memberId(), a.month(), a.kind(), a.occurredOn(), a.gridCode(), a.summary(), a.quantity(), a.recordedAt());
        }
    }

    @Schema(name = "MemberMonth", description = "One member's month: which of the five are done")
    public record MemberMonth(UUID memberId, @Schema(example = "沈建华") String name, @Schema(example = "农业界") String sector,
                              @Schema(nullable = true) String gridCode, String month,
                              @Schema(description = "Which of the five are done, in the order of the five") List<ServiceDayItem> done,
                              List<ServiceDayItem> missing,
                              @Schema(description = "Records this month") int activities,
                              @Schema(description = "Every record of the month; only in the answer about one member", nullable = true) List<ActivityView> records) {

        public static MemberMonth of(Member m, String month, List<MemberActivity> acts, boolean withRecords) {
            List<ServiceDayItem> done = java.util.Arrays.stream(ServiceDayItem.values()).filter(k -> acts.stream().anyMatch(a -> a.kind() == k)).toList();
            List<ServiceDayItem> missing = java.util.Arrays.stream(ServiceDayItem.values()).filter(k -> !done.contains(k)).toList();
            return new MemberMonth(m.id(), m.name(), m.sector(), m.gridCode(), month, done, missing, acts.size(),
                    withRecords ? acts.stream().map(ActivityView::of).toList() : null);
        }
    }

    @Schema(name = "TownshipMonth", description = "A township's members in a month")
    public record TownshipMonth(@Schema(example = "330421003") String townshipCode, int members,
                                @Schema(description = "Members who did all five") int allFive,
                                @Schema(description = "Members who did none") int none,
                                @Schema(description = "Members who did each of the five, in the order of the five") List<Integer> byItem) {
    }

    @Schema(name = "ServiceDayReport", description = "双联 report of a territory for a month: every member, every township, and who has done none")
    public record Report(String territory, String month, int members, List<TownshipMonth> townships, List<MemberMonth> memberMonths,
                         @Schema(description = "Members who have done none of the five this month") List<MemberMonth> doneNone) {
    }
}
