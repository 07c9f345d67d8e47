package org.shangliang.bench.empty;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The floor: the same stack (Quarkus REST, Jackson, health) with nothing behind it. */
@Path("/hello")
public class HelloResource {

    public record Hello(String id, String greeting) {
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Hello hello(@PathParam("id") String id) {
        return new Hello(id, "你好");
    }
}
