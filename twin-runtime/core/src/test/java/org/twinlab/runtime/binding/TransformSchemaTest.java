package org.twinlab.runtime.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.twinlab.models.ModelLibrary;
import org.twinlab.models.TwinModel;
import org.twinlab.models.yaml.InvalidInputException;

/** The scenario schema editors complete bindings with (lab-scenarios/schema) names the transform keys and units the twin reads. */
class TransformSchemaTest {
  private static final TwinModel TANK = ModelLibrary.loadBuiltIn("tank-process");
  private static final Map<String, String> CONNECTIONS = Map.of("plc-1", "opcua");

  /** One binding the twin takes for each key of the schema's transform. */
  private static final Map<String, String> SAMPLES = Map.of(
      "bit", "{property: pump.running, transform: {bit: 3}}",
      "invert", "{property: pump.running, transform: {invert: true}}",
      "range", "{property: tank.level, transform: {range: {raw: [0, 27648], value: [0, 500]}}}",
      "scale", "{property: tank.level, transform: {scale: 0.1}}",
      "offset", "{property: tank.level, transform: {offset: -5}}",
      "unit", "{property: tank.level, transform: {unit: {from: cm, to: mm}}}",
      "clamp", "{property: tank.level, transform: {clamp: [0, 500]}}",
      "deadband", "{property: tank.level, transform: {deadband: 0.2}}");

  private static JsonObject defs() throws Exception {
    return new JsonObject(Files.readString(Path.of("../../lab-scenarios/schema/scenario.schema.json"))).getJsonObject("$defs");
  }

  private static void load(String binding) throws InvalidInputException {
    String withSignal = binding.replaceFirst("\\{property: ([a-z_.]+),", "{property: $1, connection: plc-1, address: 'ns=3;s=x',");
    BindingLoader.load("schema.yaml", "twin: tank-1\nmodel: tank-process\nbindings:\n  - " + withSignal + "\n", TANK, CONNECTIONS);
  }

  @Test
  void everyTransformKeyOfTheSchemaIsOneTheTwinReads() throws Exception {
    Set<String> keys = defs().getJsonObject("transform").getJsonObject("properties").fieldNames();
    assertThat(keys).containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
    for (String sample : SAMPLES.values()) load(sample);
    assertThatThrownBy(() -> load("{property: tank.level, transform: {gain: 2}}")).hasMessageContaining("gain");
  }

  @Test
  void theSchemasUnitsAreTheOnesTheTwinConverts() throws Exception {
    String refusal = Units.whyNot("?", "mm"); // unknown unit '?' (known: a, b, …)
    Set<String> known = new TreeSet<>(Arrays.asList(refusal.substring(refusal.indexOf("known: ") + 7, refusal.lastIndexOf(')')).split(", ")));
    assertThat(defs().getJsonObject("unit").getJsonArray("enum").getList()).containsExactlyInAnyOrderElementsOf(known);
  }
}
