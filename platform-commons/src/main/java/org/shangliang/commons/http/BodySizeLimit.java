package org.shangliang.commons.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.ProblemMappers;
import org.shangliang.commons.problem.Text;

/**
 * 413 as problem+json for bodies larger than the API accepts. Vert.x keeps a higher hard limit
 * (quarkus.http.limits.max-body-size) for clients that send no Content-Length.
 */
public class BodySizeLimit {

    @ConfigProperty(name = "shangliang.http.max-body-bytes", defaultValue = "262144")
    long maxBytes;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request, HttpHeaders headers, UriInfo uri) {
        if (request.getLength() > maxBytes) {
            ApiException tooLarge = new ApiException(413, "too-large", org.shangliang.commons.problem.Titles.TOO_LARGE,
                    Text.of("请求体为 " + request.getLength() + " 字节，上限为 " + maxBytes + " 字节",
                            "The body has " + request.getLength() + " bytes; the limit is " + maxBytes));
            return Optional.of(ProblemMappers.problem(tooLarge, headers, uri));
        }
        return Optional.empty();
    }
}
