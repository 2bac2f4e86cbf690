package io.kqat.tools.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kqat.tools.Kqat;
import io.kqat.tools.doctor.container.ContainerChecks;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kqat doctor --json} is what its published JSON Schema (doctor-report.schema.json, in the tools jar) says,
 * field for field and in order, with and without a QAT rung: a field added, renamed or removed on either side fails.
 */
class DoctorJsonSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReportOnThisHostAndOnTheEmulatorIsValid() throws Exception {
        for (String[] args : List.of(new String[] {"doctor", "--json"}, new String[] {"doctor", "--json", "--emulator"})) {
            JsonNode report = JSON.readTree(Kqat.run(args).exits(0).stdout());
            assertThat(errors(report)).as(String.join(" ", args)).isEmpty();
            assertThat(names(report)).as("fields in the schema's order").isEqualTo(required(schemaNode()));
            assertThat(report.get("checks")).extracting(c -> c.get("id").asText())
                    .containsExactlyElementsOf(ContainerChecks.ids());
        }
    }

    @Test
    void theSchemaNamesExactlyTheReportsFieldsAndChecks() throws Exception {
        List<String> components = Arrays.stream(DoctorReport.class.getRecordComponents()).map(RecordComponent::getName)
                .toList();
        assertThat(required(schemaNode())).isEqualTo(components);
        List<String> ids = new ArrayList<>();
        schemaNode().at("/definitions/check/properties/id/enum").forEach(n -> ids.add(n.asText()));
        assertThat(ids).isEqualTo(ContainerChecks.ids());
    }

    @Test
    void aFieldTheSchemaDoesNotKnowOrAMissingOneIsRejected() throws Exception {
        ObjectNode report = (ObjectNode) JSON.readTree(Kqat.run("doctor", "--json").exits(0).stdout());
        ObjectNode extra = report.deepCopy().put("newField", "x");
        assertThat(errors(extra)).isNotEmpty();
        ObjectNode missing = report.deepCopy();
        missing.remove("checks");
        assertThat(errors(missing)).isNotEmpty();
        ObjectNode badStatus = report.deepCopy();
        ((ObjectNode) badStatus.get("checks").get(0)).put("status", "fine");
        assertThat(errors(badStatus)).isNotEmpty();
    }

    private static List<?> errors(JsonNode report) throws Exception {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(schemaNode().toString(), InputFormat.JSON);
        return schema.validate(report);
    }

    private static JsonNode schemaNode() throws Exception {
        try (InputStream in = DoctorJsonSchemaTest.class.getResourceAsStream("/doctor-report.schema.json")) {
            assertThat(in).as("doctor-report.schema.json is in the tools jar").isNotNull();
            return JSON.readTree(in);
        }
    }

    private static List<String> required(JsonNode schema) {
        List<String> r = new ArrayList<>();
        schema.get("required").forEach(n -> r.add(n.asText()));
        return r;
    }

    private static List<String> names(JsonNode node) {
        List<String> n = new ArrayList<>();
        node.fieldNames().forEachRemaining(n::add);
        return n;
    }
}
