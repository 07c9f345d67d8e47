package org.shangliang.commons.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.ProblemMappers;
import org.shangliang.commons.problem.Text;

/**
 * Text that no column can hold never reaches the database: a NUL character (%00) in the path or
 * in a query parameter is refused here, once for every endpoint, with a 400 naming where it is.
 * (In JSON bodies StrictJson refuses it.)
 */
public class InputGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseNul(ContainerRequestContext request, HttpHeaders headers, UriInfo uri) {
        String where = null;
        if (uri.getPath().indexOf('\0') >= 0) where = "path";
        for (Map.Entry<String, List<String>> e : uri.getQueryParameters().entrySet()) {
            if (where != null) break;
            if (e.getKey().indexOf('\0') >= 0) where = "query";
            for (String v : e.getValue()) if (v.indexOf('\0') >= 0) where = e.getKey();
        }
        if (where == null) return Optional.empty();
        String field = where.replace("\0", "\\u0000");
        Text detail = Text.of(field + "：不能包含 NUL 字符（%00）", field + ": must not contain a NUL character (%00)");
        return Optional.of(ProblemMappers.problem(ApiException.badRequest(field, detail), headers, uri));
    }
}
