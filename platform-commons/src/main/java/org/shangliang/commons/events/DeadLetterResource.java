package org.shangliang.commons.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.CurrentCaller;
import org.shangliang.commons.security.Roles;

/**
 * Dead letters of this service, for the county CPPCC office's operators: what was given up on and
 * why, and a replay once the cause is fixed (a handler deployed, a reference created).
 */
@org.shangliang.commons.http.RateLimited
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "死信 — events this service could not apply: inspect and replay")
public class DeadLetterResource {

    @Schema(name = "DeadLetter", description = "An event this service gave up on")
    public record DeadLetterView(
            @Schema(description = "Partition of the dead-letter topic", required = true) int partition,
            @Schema(description = "Offset in that partition; with the partition, names the letter for a replay", required = true) long offset,
            @Schema(description = "When it was dead-lettered", required = true) Instant deadLetteredAt,
            @Schema(description = "CloudEvents id (ce_id), absent when that was what was wrong", nullable = true) String eventId,
            @Schema(description = "CloudEvents type", nullable = true, example = "OutcomeRecorded") String type,
            @Schema(description = "CloudEvents source", nullable = true, example = "/shangliang/sessions-service") String source,
            @Schema(description = "Kafka topic it first arrived on", nullable = true) String originalTopic,
            @Schema(description = "Partition it first arrived on", nullable = true) Integer originalPartition,
            @Schema(description = "Offset it first arrived at", nullable = true) Long originalOffset,
            @Schema(description = "malformed (cannot be read or lacks what it must carry), untrusted (wrong stream or source) or data (the database refused its values)",
                    nullable = true, example = "malformed") String reason,
            @Schema(description = "The error, as the consumer saw it", nullable = true) String error,
            @Schema(description = "Tries before it was given up on", nullable = true) Integer attempts,
            @Schema(description = "The payload as it arrived (JSON text)", nullable = true) String payload,
            @Schema(description = "Whether an event with this id has been applied since (by a replay or a later copy)", required = true) boolean applied) {

        static DeadLetterView of(DeadLetters.Letter l) {
            return new DeadLetterView(l.partition(), l.offset(), l.deadLetteredAt(), l.eventId(), l.type(), l.source(), l.originalTopic(),
                    l.originalPartition(), l.originalOffset(), l.reason(), l.error(), l.attempts(), l.payload(), l.applied());
        }
    }

    @Schema(name = "DeadLetterPage", description = "One page of dead letters, newest first")
    public record DeadLetterPage(
            @Schema(required = true) List<DeadLetterView> items,
            @Schema(description = "Pass as `cursor` to get the next page; absent on the last page")
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String nextCursor) {
    }

    @Schema(name = "Replay", description = "What a replay did")
    public record ReplayView(
            @Schema(required = true) String eventId,
            @Schema(required = true) String type,
            @Schema(description = "APPLIED: the event took effect now; ALREADY_APPLIED: it had taken effect before, nothing changed; "
                    + "NOT_HANDLED: this service takes no such event", required = true) EventConsumer.Replayed result) {
    }

    @Inject DeadLetters deadLetters;
    @Inject CurrentCaller caller;
    @Inject Audit audit;
    @Inject jakarta.persistence.EntityManager em;

    @GET
    @RolesAllowed({Roles.CPPCC_STAFF, Roles.LEADER})
    @Operation(operationId = "listDeadLetters", summary = "List dead letters",
            description = "Events this service gave up on, newest first, with the reason and error. Counted in metrics as "
                    + "`shangliang_events_dead_lettered_total`. Only cppcc_staff and leader may read them.")
    @APIResponse(responseCode = "200", description = "One page of dead letters")
    public DeadLetterPage listDeadLetters(
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        List<DeadLetters.Letter> all = deadLetters.all();
        int from = 0;
        if (cursor != null && !cursor.isBlank()) {
            String at = decode(cursor);
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if ((all.get(i).partition() + ":" + all.get(i).offset()).equals(at)) from = i + 1;
            }
            if (from < 0) throw ApiException.badRequest("cursor", Text.of("cursor 无效：请使用上一页返回的 nextCursor", "cursor is not valid: pass the nextCursor of the previous page"));
        }
        List<DeadLetters.Letter> page = all.subList(from, Math.min(all.size(), from + limit));
        String next = from + limit < all.size() && !page.isEmpty() ? encode(page.get(page.size() - 1)) : null;
        return new DeadLetterPage(page.stream().map(DeadLetterView::of).toList(), next);
    }

    @POST
    @Path("/{partition}/{offset}/replay")
    @Transactional
    @RolesAllowed(Roles.CPPCC_STAFF)
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter",
            description = "Applies the dead letter again, as the event it was, with the same checks and handler as when it arrived "
                    + "(after the cause is fixed: a handler deployed, a missing record created). Idempotent: an event already applied "
                    + "is not applied again. The replay is in the audit trail. Only cppcc_staff may replay.")
    @APIResponse(responseCode = "200", description = "What the replay did")
    @APIResponse(responseCode = "404", description = "No dead letter at that partition and offset")
    @APIResponse(responseCode = "422", description = "The event still cannot be applied; the problem says why")
    public ReplayView replayDeadLetter(
            @Parameter(description = "Partition of the dead-letter topic", example = "0") @PathParam("partition") @Min(0) int partition,
            @Parameter(description = "Offset in that partition", example = "12") @PathParam("offset") @Min(0) long offset) {
        ConsumerRecord<String, byte[]> dead = deadLetters.find(partition, offset)
                .orElseThrow(() -> ApiException.notFound(Text.of("死信 " + partition + ":" + offset, "dead letter " + partition + ":" + offset)));
        DeadLetters.Letter letter = deadLetters.letter(dead);
        EventConsumer.Replayed result;
        try {
            result = deadLetters.replay(dead);
            em.flush(); // the handler's writes meet the database's checks here, not after we answered
        } catch (RuntimeException e) {
            if (Failures.classify(e) == Failures.Kind.RETRY_LATER) throw e; // an outage or a bug: not the event's fault
            String why = Failures.describe(e);
            throw ApiException.unprocessable(Text.of("事件仍无法处理：" + why, "The event still cannot be applied: " + why));
        }
        audit.record(caller.get(), "event.replay", "Event", String.valueOf(letter.eventId()),
                letter.type() + " " + partition + ":" + offset + " → " + result);
        return new ReplayView(letter.eventId(), letter.type(), result);
    }

    private static String encode(DeadLetters.Letter l) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((l.partition() + ":" + l.offset()).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor", Text.of("cursor 无效：请使用上一页返回的 nextCursor", "cursor is not valid: pass the nextCursor of the previous page"));
        }
    }
}
