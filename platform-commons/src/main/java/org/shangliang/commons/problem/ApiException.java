package org.shangliang.commons.problem;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * A refusal that the client can act on: carries the HTTP status, the problem type and a
 * message in both languages. Services throw the factory methods; the mapper writes the body.
 */
public class ApiException extends WebApplicationException {

    private final int status;
    private final String type;
    private final Text title;
    private final Text detail;
    private final List<FieldError> violations;
    private Integer retryAfterSeconds;

    public ApiException(int status, String type, Text title, Text detail, List<FieldError> violations) {
        // A WebApplicationException, so that JAX-RS passes it through unchanged (e.g. from a ParamConverter).
        super(detail.en(), null, status);
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.violations = violations == null ? List.of() : violations;
    }

    public ApiException(int status, String type, Text title, Text detail) {
        this(status, type, title, detail, List.of());
    }

    public static ApiException badRequest(Text detail, List<FieldError> violations) {
        return new ApiException(400, "validation", Titles.VALIDATION, detail, violations);
    }

    public static ApiException badRequest(String field, Text detail) {
        return badRequest(detail, List.of(new FieldError(field, detail)));
    }

    public static ApiException notFound(Text what) {
        return new ApiException(404, "not-found", Titles.NOT_FOUND, what);
    }

    /** A move the object's state machine does not allow from where it stands. */
    public static ApiException illegalTransition(Text detail) {
        return new ApiException(409, "illegal-transition", Titles.ILLEGAL_TRANSITION, detail);
    }

    /**
     * The 409 of a state machine, naming what is allowed from where the object stands.
     *
     * @param object the kind of object, e.g. Text.of("议题", "topic")
     */
    public static ApiException illegalTransition(Text object, Enum<?> state, Enum<?> action, java.util.Collection<? extends Enum<?>> allowed) {
        String names = allowed.isEmpty() ? "none" : allowed.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(", "));
        return illegalTransition(Text.of(
                object.zh() + "状态为 " + state + "，不能执行 " + action + "。此状态允许：" + names,
                "The " + object.en() + " is " + state + "; " + action + " is not allowed. Allowed from " + state + ": " + names));
    }

    public static ApiException conflict(Text detail) {
        return new ApiException(409, "conflict", Titles.CONFLICT, detail);
    }

    public static ApiException unprocessable(Text detail) {
        return new ApiException(422, "unprocessable", Titles.UNPROCESSABLE, detail);
    }

    /** 422 naming the field whose value is well-formed but refers to nothing usable (an unknown or retired code). */
    public static ApiException unprocessable(String field, Text detail) {
        return new ApiException(422, "unprocessable", Titles.UNPROCESSABLE, detail, List.of(new FieldError(field, detail)));
    }

    /** A body, or one file of it, over its limit (413); {@code field} names the file's part, or null for the whole body. */
    public static ApiException tooLarge(String field, Text detail) {
        return new ApiException(413, "too-large", Titles.TOO_LARGE, detail, field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    /** Content of a kind the operation does not take (415), e.g. a file that is not one of the allowed types. */
    public static ApiException unsupportedMediaType(String field, Text detail) {
        return new ApiException(415, "unsupported-media-type", Text.of("不支持的媒体类型", "Unsupported media type"), detail,
                List.of(new FieldError(field, detail)));
    }

    /** Too many requests from one caller (429), with when to try again. */
    public static ApiException tooManyRequests(Text detail, int retryAfterSeconds) {
        return new ApiException(429, "rate-limited", Text.of("请求过于频繁", "Too many requests"), detail).retryAfter(retryAfterSeconds);
    }

    /** A dependency (the database) is unavailable for now (503), with when to try again. */
    public static ApiException unavailable(Text detail, int retryAfterSeconds) {
        return new ApiException(503, "unavailable", Text.of("服务暂时不可用", "Service unavailable"), detail).retryAfter(retryAfterSeconds);
    }

    public ApiException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Seconds for a Retry-After header, or null. */
    public Integer retryAfterSeconds() { return retryAfterSeconds; }

    public int status() { return status; }
    public String type() { return type; }
    public Text title() { return title; }
    public Text detail() { return detail; }
    public List<FieldError> violations() { return violations; }

    /** One invalid field, with its message in both languages. */
    public record FieldError(String field, Text message) {
    }
}
