package org.shangliang.commons.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error responses every operation can give, so a generated client knows them without
 * each resource repeating them: 400 and 500 everywhere, 413 and 415 with a body, 412 and 428
 * with If-Match, 422 with Idempotency-Key. All are application/problem+json.
 */
public class StandardResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) return;
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) continue;
            operations.values().forEach(this::complete);
        }
    }

    private void complete(Operation op) {
        APIResponses responses = op.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            op.setResponses(responses);
        }
        add(responses, "400", "Invalid input: malformed JSON, a wrong type, an unknown enum value, a bad UUID or cursor, or a field that breaks a rule (see `violations`)");
        if (op.getRequestBody() != null) {
            add(responses, "413", "The request body is larger than the API accepts");
            add(responses, "415", "The body is not application/json");
        }
        if (hasHeader(op, "If-Match")) {
            add(responses, "412", "If-Match names an older version: read the object again and retry");
            add(responses, "428", "If-Match is missing: updates must name the ETag they were based on");
        }
        if (hasHeader(op, "Idempotency-Key")) {
            add(responses, "422", "The Idempotency-Key was already used with a different body");
        }
        add(responses, "500", "Unexpected failure; the body carries an error id for the operators");
        // The security layer declares 401/403 itself, without a body: say that the body is a problem too.
        for (String code : new String[] {"401", "403"}) {
            APIResponse r = responses.getAPIResponse(code);
            if (r != null && r.getContent() == null) r.setContent(problem());
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problem() {
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
        APIResponse response = OASFactory.createAPIResponse().description(description).content(problem());
        responses.addAPIResponse(code, response);
    }
}
