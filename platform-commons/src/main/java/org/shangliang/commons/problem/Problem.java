package org.shangliang.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body, the only shape errors take in this platform.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details. `detail` is zh-CN by default, English on `Accept-Language: en`.")
public record Problem(
        @Schema(description = "URI that identifies the kind of problem", example = "https://shangliang.org/problems/validation", required = true)
        String type,
        @Schema(description = "Short, stable summary of the kind of problem", example = "请求内容无效", required = true)
        String title,
        @Schema(description = "HTTP status", example = "400", required = true)
        int status,
        @Schema(description = "What is wrong with this request, for a person", example = "title: 不能为空", required = true)
        String detail,
        @Schema(description = "Path of the request that failed", example = "/api/v1/topics")
        String instance,
        @Schema(description = "One entry per invalid field, when the problem is invalid input; absent otherwise")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://shangliang.org/problems/";

    /** One invalid field of a request. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(description = "Field path in the request (body field, query or header name)", example = "title", required = true)
            String field,
            @Schema(description = "What is wrong with it", example = "不能为空", required = true)
            String message) {
    }
}
