package org.shangliang.topics.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.topics.domain.CoSignStatus;
import org.shangliang.topics.domain.CoSignerRepository.CoSigner;

/** Requests and views of co-signing (联名). */
public final class CoSigning {

    private CoSigning() {
    }

    @Schema(name = "InviteCoSigners", description = "People the proposer asks to co-sign the topic: residents or members of its territory, by their login")
    public record InviteCoSigners(
            @NotEmpty @Size(max = 20) @Schema(description = "Their token subjects", example = "[\"li@huitong\", \"zhao@huitong\"]")
            List<@NotBlank @Size(max = 200) String> subjects) {
    }

    @Schema(name = "CoSigner", description = "An invitation to co-sign (联名) and its answer")
    public record CoSignerView(
            @Schema(description = "The person's login; shown to the proposer and the territory's staff only", nullable = true) String subject,
            @Schema(description = "Their name, from their token when they answered", example = "李秀英", nullable = true) String name,
            CoSignStatus status,
            Instant invitedAt,
            @Schema(nullable = true) Instant answeredAt) {

        public static CoSignerView of(CoSigner c, boolean withSubject) {
            return new CoSignerView(withSubject ? c.subject() : null, c.name(), c.status(), c.invitedAt(), c.answeredAt());
        }
    }
}
