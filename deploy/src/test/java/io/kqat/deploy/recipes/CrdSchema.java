package io.kqat.deploy.recipes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kqat.deploy.DeployFiles;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A CRD's openAPIV3Schema as a JSON Schema (draft 4) that rejects what the API server rejects: unknown fields
 * (kubectl's strict field validation; the API server prunes or refuses them, JSON Schema would allow them) unless the
 * node preserves unknown fields, and {@code nullable} as a type that admits null. x-kubernetes-* keys are ignored.
 */
final class CrdSchema {
    private final Schema schema;

    private CrdSchema(Schema schema) {
        this.schema = schema;
    }

    /** The schema of {@code version} (e.g. v1) in a CRD document. */
    static CrdSchema of(JsonNode crd, String version) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (v.path("name").asText().equals(version)) {
                ObjectNode s = v.path("schema").path("openAPIV3Schema").deepCopy();
                strict(s);
                return new CrdSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                        .getSchema(s.toString(), InputFormat.JSON));
            }
        }
        throw new AssertionError("no version " + version + " in CRD " + crd.path("metadata").path("name").asText());
    }

    /** What the API server would refuse in this resource, one line each; empty when it is valid. */
    List<String> errors(JsonNode resource) {
        return schema.validate(resource).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.path("type").asText().equals("object") && o.has("properties") && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            if (o.path("nullable").asBoolean(false) && o.path("type").isTextual()) {
                ArrayNode types = DeployFiles.JSON.createArrayNode().add(o.path("type").asText()).add("null");
                o.set("type", types);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                strict(it.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(CrdSchema::strict);
        }
    }
}
