package org.shangliang.commons.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The id of the current request: the client's {@code X-Request-Id} if it sent a sane one, else a
 * new UUID. Echoed in the response and written to the audit trail, so a clerk's complaint can be
 * traced to the exact change.
 */
@RequestScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";

    private String id;

    public String current() {
        if (id == null) id = UUID.randomUUID().toString();
        return id;
    }

    void use(String candidate) {
        if (candidate != null && candidate.matches("[A-Za-z0-9._:-]{1,100}")) id = candidate;
    }

    public static class Filters {
        @jakarta.inject.Inject RequestIds ids;

        @ServerRequestFilter(preMatching = true)
        public void read(ContainerRequestContext request) {
            ids.use(request.getHeaderString(HEADER));
            // Every log line of the request carries it (JSON logs: the requestId field), beside the trace and span ids.
            MDC.put("requestId", ids.current());
        }

        @ServerResponseFilter
        public void echo(ContainerResponseContext response) {
            response.getHeaders().putSingle(HEADER, ids.current());
        }
    }
}
