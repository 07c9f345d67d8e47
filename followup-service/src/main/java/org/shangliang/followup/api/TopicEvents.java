package org.shangliang.followup.api;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** The parts of topics-service's events that followup-service reads: who proposed and co-signed a topic. */
public final class TopicEvents {

    private TopicEvents() {
    }

    /** TopicAccepted — 议题已受理: {@code proposer} and {@code coSigners} absent in events published before they existed. */
    public record TopicAccepted(@NotNull UUID topicId, String proposer, List<String> coSigners) {
        public List<String> coSignerList() {
            return coSigners == null ? List.of() : coSigners;
        }
    }

    /** TopicMerged — 议题已合并: the merged topic's proposer and co-signers join the survivor's evaluators. */
    public record TopicMerged(@NotNull UUID topicId, @NotNull UUID survivorId) {
    }
}
