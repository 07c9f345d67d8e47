package org.shangliang.commons.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * What every operation shares, written into the document once so a generated client knows it:
 * <ul>
 * <li>the error responses — 400 and 500 everywhere, 503 (database unavailable) and 429 (writes)
 * with Retry-After, 413/415 with a body, 412/428 and 404 with If-Match (409 too for a POST, a move),
 * 422 with Idempotency-Key — all
 * {@code application/problem+json}; an error response declared without a body gets one;</li>
 * <li>a typed {@code Accept-Language} parameter (zh-CN default, en);</li>
 * <li>a schema for every response header (ETag, Location, Retry-After ...), which generators need;</li>
 * <li>the bearer scheme without scopes (HTTP bearer has none): the roles allowed go into
 * {@code x-roles} and the operation's description instead;</li>
 * <li>{@code required} on what the server always sends: in a schema that only responses use, every
 * property (the server writes nulls too; the type says which may be null), unless the schema names
 * its required properties itself. A generated client then types each field as present, nullable
 * where the contract says so, instead of everything as optional.</li>
 * </ul>
 */
public class StandardResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) continue;
            operations.forEach((method, op) -> complete(method, op));
        }
        requireWhatResponsesAlwaysCarry(openAPI);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(StandardResponsesFilter::refOnly);
        }
    }

    /** A property that names a schema by $ref needs no type beside it (generators drop it with a warning). */
    private static void refOnly(Schema schema) {
        if (schema == null || schema.getProperties() == null) return;
        for (Schema p : schema.getProperties().values()) {
            if (p.getRef() != null && p.getType() != null) p.setType(null);
        }
    }

    private static void requireWhatResponsesAlwaysCarry(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) return;
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        java.util.Set<String> inResponses = new java.util.HashSet<>();
        java.util.Set<String> inRequests = new java.util.HashSet<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() == null) continue;
            for (Operation op : item.getOperations().values()) {
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> collect(m.getSchema(), schemas, inRequests));
                }
                if (op.getParameters() != null) op.getParameters().forEach(p -> collect(p.getSchema(), schemas, inRequests));
                if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) continue;
                for (APIResponse r : op.getResponses().getAPIResponses().values()) {
                    if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> collect(m.getSchema(), schemas, inResponses));
                    }
                }
            }
        }
        inResponses.removeAll(inRequests);
        for (String name : inResponses) {
            Schema schema = schemas.get(name);
            // A schema that says itself what is required (e.g. fields left out when empty) keeps its word.
            if (schema == null || schema.getProperties() == null || (schema.getRequired() != null && !schema.getRequired().isEmpty())) continue;
            // The server writes every property, null included: all are present; the type says which may be null.
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
    }

    /** Names of component schemas reachable from {@code s}. */
    private static void collect(Schema s, Map<String, Schema> schemas, java.util.Set<String> seen) {
        if (s == null) return;
        if (s.getRef() != null) {
            String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
            if (seen.add(name)) collect(schemas.get(name), schemas, seen);
        }
        if (s.getProperties() != null) s.getProperties().values().forEach(p -> collect(p, schemas, seen));
        collect(s.getItems(), schemas, seen);
        for (List<Schema> group : java.util.Arrays.asList(s.getAnyOf(), s.getAllOf(), s.getOneOf())) {
            if (group != null) group.forEach(g -> collect(g, schemas, seen));
        }
    }

    private void complete(PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        acceptLanguage(op);
        add(responses, "400", "Invalid input: malformed JSON, a wrong type, an unknown enum value, a bad UUID or cursor, or a field that breaks a rule (see `violations`)");
        if (op.getRequestBody() != null) {
            add(responses, "413", "The request body is larger than the API accepts (256 KiB)");
            add(responses, "415", "The body is not application/json");
        }
        if (hasHeader(op, "If-Match")) {
            add(responses, "412", "If-Match names an older version: read the object again and retry");
            add(responses, "428", "If-Match is missing: updates must name the ETag they were based on");
            // A change to an object by id: it may not exist; a POST on it is a move its state machine may refuse.
            add(responses, "404", "No such object, or none the caller may see");
            if (method == PathItem.HttpMethod.POST) add(responses, "409", "Not allowed from the object's current status; the message names the moves that are");
        }
        if (method == PathItem.HttpMethod.GET && responses.getAPIResponse("200") != null && returnsJson(responses.getAPIResponse("200"))) {
            conditional(op, responses);
        }
        if (hasHeader(op, "Idempotency-Key")) {
            add(responses, "422", "The Idempotency-Key was already used with a different body");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD && op.getSecurity() != null) {
            add(responses, "429", "Too many writes from this caller: retry after the seconds in Retry-After");
            retryAfter(responses.getAPIResponse("429"));
        }
        if (method == PathItem.HttpMethod.GET && op.getSecurity() != null && op.getSecurity().isEmpty()) {
            // Anonymous reads (open data) are limited per client address (AddressLimited).
            add(responses, "429", "Too many requests from this address: retry after the seconds in Retry-After");
            retryAfter(responses.getAPIResponse("429"));
        }
        add(responses, "500", "Unexpected failure; the body carries an error id for the operators");
        add(responses, "503", "The database is unavailable for now: retry after the seconds in Retry-After");
        retryAfter(responses.getAPIResponse("503"));
        for (Map.Entry<String, APIResponse> e : responses.getAPIResponses().entrySet()) {
            APIResponse r = e.getValue();
            // The security layer and some resources declare errors without a body: the body is a problem.
            if (e.getKey().matches("[45]\\d\\d") && (r.getContent() == null || r.getContent().getMediaTypes() == null
                    || r.getContent().getMediaTypes().isEmpty())) {
                r.setContent(problem());
            }
            if (r.getHeaders() != null) {
                for (Header h : r.getHeaders().values()) {
                    if (h.getSchema() == null && h.getRef() == null) h.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
                }
            }
        }
        roles(op);
    }

    /** HTTP bearer schemes have no scopes: say which roles may call in x-roles and the description. */
    private static void roles(Operation op) {
        if (op.getSecurity() == null) return;
        List<String> roles = new ArrayList<>();
        List<SecurityRequirement> plain = new ArrayList<>();
        for (SecurityRequirement req : op.getSecurity()) {
            SecurityRequirement cleared = OASFactory.createSecurityRequirement();
            if (req.getSchemes() != null) {
                req.getSchemes().forEach((scheme, scopes) -> {
                    if (scopes != null) scopes.stream().filter(s -> !roles.contains(s)).forEach(roles::add);
                    cleared.addScheme(scheme, new ArrayList<>());
                });
            }
            plain.add(cleared);
        }
        op.setSecurity(plain);
        if (!roles.isEmpty()) {
            op.addExtension("x-roles", roles);
            String text = "Roles: " + String.join(", ", roles) + ".";
            op.setDescription(op.getDescription() == null ? text : op.getDescription() + "\n\n" + text);
        }
    }

    private static boolean returnsJson(APIResponse ok) {
        return ok.getContent() != null && ok.getContent().getMediaTypes() != null
                && ok.getContent().getMediaTypes().keySet().stream().anyMatch(t -> t.endsWith("json"));
    }

    /** Every JSON GET answers 304 to a matching If-None-Match (ConditionalGet): said once, here, for every such operation. */
    private static void conditional(Operation op, APIResponses responses) {
        if (!hasHeader(op, "If-None-Match")) {
            op.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER).required(false)
                    .description("The ETag of the copy the client has: 304 without a body if it is still current")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)).example("\"3-9f2c41d07ab85e16\""));
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (ok.getHeaders() == null || !ok.getHeaders().containsKey("ETag")) {
            ok.addHeader("ETag", OASFactory.createHeader().description("Changes whenever the body does: the object's version (for If-Match) and a digest of the body, or the digest alone")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (responses.getAPIResponse("304") == null) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse().description("Not modified: the copy named in If-None-Match is current")
                    .addHeader("ETag", OASFactory.createHeader().description("The current ETag, the one the client sent")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        }
    }

    private static void acceptLanguage(Operation op) {
        if (hasHeader(op, "Accept-Language")) return;
        op.addParameter(OASFactory.createParameter().name("Accept-Language").in(Parameter.In.HEADER).required(false)
                .description("Language of error messages (problem titles, details, violations): zh-CN (default) or en")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("zh-CN").addEnumeration("en"))
                .example("en"));
    }

    private static void retryAfter(APIResponse r) {
        if (r == null) return;
        if (r.getHeaders() == null || !r.getHeaders().containsKey("Retry-After")) {
            r.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    private static boolean hasHeader(Operation op, String name) {
        if (op.getParameters() == null) return false;
        for (Parameter p : op.getParameters()) {
            if (p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName())) return true;
        }
        return false;
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.hasAPIResponse(code)) return;
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problem()));
    }
}
