package org.shangliang.commons.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.shangliang.commons.problem.Preconditions;

/** The success responses every resource gives, built one way. */
public final class Responses {

    private Responses() {
    }

    /** 201 with Location (the request path + id) and the ETag of the new object's version. */
    public static Response created(UriInfo uri, Object id, long version, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(id)).build())
                .tag(Preconditions.etag(version)).entity(body).build();
    }

    /** 200 with the ETag a later If-Match must name. */
    public static Response withEtag(Object body, long version) {
        return Response.ok(body).tag(Preconditions.etag(version)).build();
    }
}
