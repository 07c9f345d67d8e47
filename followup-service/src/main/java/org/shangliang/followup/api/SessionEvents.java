package org.shangliang.followup.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.shangliang.followup.domain.HandlingMode;

/**
 * The parts of sessions-service's events that followup-service reads (our own view of the
 * contract). What we need is required: an event without it is malformed and dead-lettered at
 * once; a missing {@code version} is not "version 0".
 */
public final class SessionEvents {

    private SessionEvents() {
    }

    /** OutcomeRecorded — 协商成果已记录. */
    public record OutcomeRecorded(@NotNull UUID outcomeId, @NotNull @Min(1) Integer version, @NotNull UUID sessionId, @NotNull String territoryCode,
                                  @NotNull UUID topicId, @NotNull String topicNumber, @NotNull String topicTitle,
                                  @NotNull List<@Valid @NotNull Recommendation> recommendations, List<String> participantSubjects) {
        /**
         * {@code unitCode}: the unit's directory code (absent in events recorded before units had codes); {@code suggestedUnit}: its name;
         * {@code coHandlerCodes} and {@code workingDays} absent in events published before they existed.
         */
        public record Recommendation(@NotNull UUID recommendationId, @NotNull String text, String unitCode, @NotNull String suggestedUnit, LocalDate dueDate,
                                     List<@NotNull String> coHandlerCodes, @Min(1) Integer workingDays, HandlingMode handlingMode) {
            public List<String> coHandlers() {
                return coHandlerCodes == null ? List.of() : coHandlerCodes;
            }

            /** The mode as given, or implied by the co-handlers. */
            public HandlingMode mode() {
                return HandlingMode.implied(handlingMode, !coHandlers().isEmpty());
            }
        }

        public List<String> participants() {
            return participantSubjects == null ? List.of() : participantSubjects;
        }
    }

    /**
     * OutcomeCorrected — 协商成果已更正: which recommendations (by stable id) the new version changed,
     * added and withdrew, and the whole list in force after it.
     */
    public record OutcomeCorrected(@NotNull UUID outcomeId, @NotNull @Min(2) Integer version, @NotNull UUID sessionId, @NotNull String territoryCode,
                                   @NotNull UUID topicId, @NotNull String topicNumber, @NotNull String topicTitle, @NotNull String reason,
                                   @NotNull List<@NotNull UUID> changed, @NotNull List<@NotNull UUID> added, @NotNull List<@NotNull UUID> withdrawn,
                                   @NotNull List<OutcomeRecorded.@Valid @NotNull Recommendation> recommendations, List<String> participantSubjects) {
        public List<String> participants() {
            return participantSubjects == null ? List.of() : participantSubjects;
        }
    }
}
