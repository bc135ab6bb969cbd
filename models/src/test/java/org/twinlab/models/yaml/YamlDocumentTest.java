package org.twinlab.models.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Hostile input must end in an error that names its place, never in a crash of the reader. */
class YamlDocumentTest {

  @Test
  void thousandsOfNestedBracketsAreRefusedAtTheirPlace() {
    String deep = "key: " + "[".repeat(5000);
    assertThatThrownBy(() -> YamlDocument.parse("deep.yaml", deep))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          Problem p = e.problems().get(0);
          assertThat(p.location().line()).isEqualTo(1);
          // the bracket that crosses the limit: the key's value opens level 2, so bracket 64 is level 65
          assertThat(p.location().column()).isEqualTo("key: ".length() + NestingLimit.MAX_DEPTH);
          assertThat(p.message()).contains("nested deeper than " + NestingLimit.MAX_DEPTH);
        });
  }

  @Test
  void deepBlockMappingsAreRefusedToo() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 200; i++) yaml.append("  ".repeat(i)).append("k").append(i).append(":\n");
    assertThatThrownBy(() -> YamlDocument.parse("block.yaml", yaml.toString()))
        .isInstanceOfSatisfying(InvalidInputException.class, e ->
            assertThat(e.problems().get(0).location().line()).isEqualTo(NestingLimit.MAX_DEPTH + 1));
  }

  @Test
  void nestingUpToTheLimitReads() throws Exception {
    int depth = NestingLimit.MAX_DEPTH;
    YamlValue v = YamlDocument.parse("ok.yaml", "[".repeat(depth) + "]".repeat(depth));
    assertThat(v).isNotNull();
  }

  /** Twenty-four levels of two aliases each: 48 aliases that stand for some 33 million nodes. */
  static String laughs() {
    StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol]\n");
    for (int i = 1; i < 25; i++) yaml.append("l").append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    return yaml.toString();
  }

  @Test
  void aliasesThatStandForMillionsOfNodesAreRefusedBeforeAnyReaderWalksThem() {
    assertThatThrownBy(() -> YamlDocument.parse("laughs.yaml", laughs()))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(1);
            assertThat(p.message()).contains("aliases stand for more than " + ExpansionLimit.MAX_NODES + " nodes");
          });
        });
  }

  @Test
  void aFewSharedDefinitionsStillRead() throws Exception {
    YamlValue v = YamlDocument.parse("shared.yaml", "a: &p {id: pusher, type: bool}\nb: *p\nc: *p\n");
    assertThat(v.asMap(new Problems()).orElseThrow().keys()).containsExactly("a", "b", "c");
  }

  @Test
  void aModelWhoseComponentsHoldThemselvesIsRefusedNotOverflowed() {
    String model = "model: loop\nversion: 1\nname: {en: L, zh: L}\nkind: plc-station\ncomponents: &c [*c]\n";
    assertThatThrownBy(() -> org.twinlab.models.ModelLoader.load("loop.yaml", model)).isInstanceOf(InvalidInputException.class);
  }
}
