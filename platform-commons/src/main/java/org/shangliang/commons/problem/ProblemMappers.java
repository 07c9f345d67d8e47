package org.shangliang.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}: bad input is a 4xx that names
 * what is wrong; anything unexpected is a 500 with an error id and no stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper(priority = 1)
    public Response api(ApiException e, HttpHeaders headers, UriInfo uri) {
        return respond(e, headers, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response violations(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        // Hibernate Validator already wrote the messages in the request's language.
        List<ApiException.FieldError> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new ApiException.FieldError(fieldOf(v.getPropertyPath()), Text.of(v.getMessage(), v.getMessage())));
        }
        violations.sort((a, b) -> a.field().compareTo(b.field()));
        String summary = violations.stream().map(v -> v.field() + ": " + v.message().zh()).collect(Collectors.joining("; "));
        return respond(ApiException.badRequest(Text.of(summary, summary), violations), headers, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response json(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        // A refusal raised while the body was read (e.g. its size) comes wrapped by Jackson.
        ApiException api = causeOf(e, ApiException.class);
        if (api != null) return respond(api, headers, uri);
        return respond(fromJson(e), headers, uri);
    }

    /** Declared apart: Quarkus REST has its own mapper for this subtype, which answers with an empty body. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return json(e, headers, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        // Quarkus REST wraps body-reading failures; unwrap so the client learns which field is wrong.
        JsonProcessingException json = causeOf(e, JsonProcessingException.class);
        if (json != null) return json(json, headers, uri);
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) return unexpected(e, headers, uri);
        Text title = switch (status) {
            case 404 -> Titles.NOT_FOUND;
            case 405 -> Text.of("不支持此请求方法", "Method not allowed");
            case 406 -> Text.of("无法提供所要求的媒体类型", "Not acceptable");
            case 413 -> Titles.TOO_LARGE;
            case 415 -> Text.of("不支持的请求媒体类型", "Unsupported media type");
            default -> Titles.VALIDATION;
        };
        Text detail = switch (status) {
            case 404 -> Text.of("没有这个资源：" + uri.getPath(), "No such resource: " + uri.getPath());
            case 405 -> Text.of("此路径不支持该请求方法", "This path does not support this method");
            case 415 -> Text.of("请以 application/json 发送请求体", "Send the body as application/json");
            default -> Text.of(String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
        };
        String type = switch (status) {
            case 404 -> "not-found";
            case 413 -> "too-large";
            default -> "http-" + status;
        };
        return respond(new ApiException(status, type, title, detail), headers, uri);
    }

    /** Missing, expired, wrongly signed, wrong-issuer, wrong-audience or unsigned token. */
    @ServerExceptionMapper(value = {io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class,
            io.quarkus.security.AuthenticationCompletionException.class}, priority = 1)
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        Response problem = respond(new ApiException(401, "unauthenticated", Text.of("未认证", "Unauthenticated"),
                Text.of("需要有效的身份令牌：Authorization: Bearer <JWT>（未过期、签名有效、签发方和受众正确）",
                        "A valid token is needed: Authorization: Bearer <JWT> (unexpired, correctly signed, right issuer and audience)")),
                headers, uri);
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }

    /** The role may not call this operation at all. */
    @ServerExceptionMapper(value = io.quarkus.security.ForbiddenException.class, priority = 1)
    public Response forbidden(io.quarkus.security.ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ApiException(403, "forbidden", Text.of("无权执行此操作", "Forbidden"),
                Text.of("您的角色不能执行此操作", "Your role may not do this")), headers, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response any(Throwable e, HttpHeaders headers, UriInfo uri) {
        // Failures at commit come wrapped (RollbackException, ArcUndeclaredThrowableException...).
        ApiException api = causeOf(e, ApiException.class);
        if (api != null) return respond(api, headers, uri);
        ConstraintViolationException cve = causeOf(e, ConstraintViolationException.class);
        if (cve != null) return violations(cve, headers, uri);
        if (causeOf(e, OptimisticLockException.class) != null || causeOf(e, StaleStateException.class) != null) {
            return respond(Preconditions.changedMeanwhile(), headers, uri);
        }
        if (DatabaseOutage.is(e)) {
            // The database is down, restarting or out of connections: the client should retry, and this is no bug.
            LOG.warnf("database unavailable on %s: %s", uri == null ? "?" : uri.getPath(), DatabaseOutage.describe(e));
            return respond(ApiException.unavailable(Text.of("数据库暂时不可用，请稍后重试", "The database is unavailable for now; retry shortly"), 5),
                    headers, uri);
        }
        java.sql.SQLException sql = causeOf(e, java.sql.SQLException.class);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            // A value the checks before let through but the database cannot hold (out of range, too long): still the input.
            LOG.warnf("data exception on %s (a validation gap to close): %s", uri == null ? "?" : uri.getPath(), sql.getMessage());
            return respond(ApiException.badRequest(Text.of("请求中有数据库无法保存的值（超出范围或过长）", "A value in the request is out of the range the database accepts"),
                    List.of()), headers, uri);
        }
        if (sql != null && "23505".equals(sql.getSQLState())) {
            // A unique constraint caught a race the checks before it could not see.
            return respond(ApiException.conflict(Text.of("与已有记录重复，请刷新后重试", "This duplicates an existing record; reload and retry")), headers, uri);
        }
        return unexpected(e, headers, uri);
    }

    private Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure %s on %s", errorId, uri.getPath());
        return respond(new ApiException(500, "internal", Titles.INTERNAL,
                Text.of("服务器出错，错误编号 " + errorId + "。请稍后重试或联系管理员。",
                        "Something went wrong on our side, error id " + errorId + ". Retry later or tell the operators.")),
                headers, uri);
    }

    static ApiException fromJson(JsonProcessingException e) {
        if (e instanceof JsonParseException && e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            String name = e.getOriginalMessage().replaceAll("^Duplicate field '(.*)'.*$", "$1");
            Text detail = Text.of(name + "：字段重复出现，每个字段只能出现一次", name + ": the field appears more than once");
            return ApiException.badRequest(detail, List.of(new ApiException.FieldError(name, detail)));
        }
        if (e instanceof JsonParseException) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return new ApiException(400, "malformed-json", Titles.MALFORMED,
                    Text.of("请求体不是合法的 JSON" + at, "The body is not valid JSON" + at));
        }
        String field = e instanceof JsonMappingException m ? pathOf(m.getPath()) : "";
        if (field.isEmpty()) field = "body";
        Text detail;
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            detail = Text.of(field + "：取值 “" + f.getValue() + "” 无效，可选值为 " + allowed,
                    field + ": \"" + f.getValue() + "\" is not one of " + allowed);
        } else if (e instanceof InvalidFormatException f && ownReason(f.getOriginalMessage()) != null) {
            Text reason = ownReason(f.getOriginalMessage());
            detail = Text.of(field + "：“" + f.getValue() + "” 无效，" + reason.zh(), field + ": \"" + f.getValue() + "\" is not valid: " + reason.en());
        } else if (e instanceof InvalidFormatException f) {
            String target = f.getTargetType() == null ? "value" : f.getTargetType().getSimpleName();
            detail = Text.of(field + "：“" + f.getValue() + "” 不是有效的 " + target,
                    field + ": \"" + f.getValue() + "\" is not a valid " + target);
        } else if (e instanceof UnrecognizedPropertyException u) {
            detail = Text.of(field + "：未知字段", field + ": unknown field \"" + u.getPropertyName() + "\"");
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Text expected = expected(m.getTargetType());
            detail = Text.of(field + "：类型不正确，应为" + expected.zh(), field + ": wrong type, expected " + expected.en());
        } else {
            detail = Text.of(field + "：类型不正确", field + ": wrong type");
        }
        return ApiException.badRequest(detail, List.of(new ApiException.FieldError(field, detail)));
    }

    /** The reasons StrictJson gives, in both languages; null for Jackson's own messages. */
    private static Text ownReason(String message) {
        if (message == null) return null;
        return switch (message) {
            case "contains a NUL character (\\u0000)" -> Text.of("不能包含 NUL 字符（\\u0000）", message);
            case "expected a date YYYY-MM-DD" -> Text.of("应为日期 YYYY-MM-DD", message);
            case "the year must be between 1 and 9999" -> Text.of("年份须在 1 到 9999 之间", message);
            case "not a calendar date" -> Text.of("不是有效的日历日期", message);
            case "expected an ISO-8601 time with offset, e.g. 2026-12-03T06:30:00Z" -> Text.of("应为带时区的 ISO-8601 时间，如 2026-12-03T06:30:00Z", message);
            default -> null;
        };
    }

    private static Text expected(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) return Text.of("字符串", "a string");
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return Text.of("数组", "an array");
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) return Text.of("数字", "a number");
        if (type == Boolean.class || type == boolean.class) return Text.of("true 或 false", "true or false");
        if (type == UUID.class) return Text.of("UUID", "a UUID");
        if (type == java.time.LocalDate.class) return Text.of("日期（YYYY-MM-DD）", "a date (YYYY-MM-DD)");
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) return Text.of("ISO-8601 时间（如 2026-11-25T08:00:00Z）", "an ISO-8601 time (e.g. 2026-11-25T08:00:00Z)");
        return Text.of("JSON 对象", "a JSON object");
    }

    private static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** "submit.request.title" → "title"; "list.limit" → "limit". */
    static String fieldOf(Path path) {
        List<String> names = new ArrayList<>();
        boolean parameterSeen = false;
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) continue;
            if (node.getKind() == ElementKind.PARAMETER && !parameterSeen) {
                parameterSeen = true;
                parameter = node.getName();
                continue;
            }
            String name = node.getName();
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || (name != null && name.startsWith("<"))) {
                // "themes.<list element>[0]" reads better as "themes[0]"
                if (!names.isEmpty() && node.getIndex() != null) names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
                continue;
            }
            if (name == null) continue;
            names.add(node.getIndex() != null ? name + "[" + node.getIndex() + "]" : name);
        }
        if (names.isEmpty()) return parameter == null ? "body" : parameter;
        return String.join(".", names);
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    /** The problem+json response for {@code e}, in the caller's language. */
    public static Response problem(ApiException e, HttpHeaders headers, UriInfo uri) {
        return respond(e, headers, uri);
    }

    static Response respond(ApiException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = Text.pick(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Problem body = new Problem(Problem.TYPE_BASE + e.type(), e.title().in(locale), e.status(),
                e.detail().in(locale), uri == null ? null : uri.getPath(),
                e.violations().stream().map(v -> new Problem.Violation(v.field(), v.message().in(locale))).toList());
        Response.ResponseBuilder r = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, Text.isEnglish(locale) ? "en" : "zh-CN")
                .entity(body);
        if (e.retryAfterSeconds() != null) r.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        return r.build();
    }
}
