package org.twinlab.connectors.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;

/** A value typed in a browser must reach a PLC in the PLC's own type, or be refused with a reason. */
class ValuesTest {

  @Test
  void coercesAlongTheNodesOwnKind() {
    assertThat(Values.coerce(12.0, NodeIds.Int16).getValue()).isEqualTo((short) 12);
    assertThat(Values.coerce(3.5, NodeIds.Float).getValue()).isEqualTo(3.5f);
    assertThat(Values.coerce(40L, NodeIds.Double).getValue()).isEqualTo(40.0);
    assertThat(Values.coerce(true, NodeIds.Boolean).getValue()).isEqualTo(true);
    assertThat(Values.coerce("Run", NodeIds.String).getValue()).isEqualTo("Run");
    assertThat(Values.coerce(70000L, NodeIds.UInt32).getValue()).isEqualTo(Unsigned.uint(70000));
    assertThat(Values.coerce(Long.MAX_VALUE, NodeIds.Int64).getValue()).as("no detour through double").isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void refusesWhatWouldLoseItsValueOrChangeItsKind() {
    assertThatThrownBy(() -> Values.coerce(40000, NodeIds.Int16)).hasMessageContaining("outside the Int16 range");
    assertThatThrownBy(() -> Values.coerce(2.5, NodeIds.Int32)).hasMessageContaining("not a whole number, as Int32 needs");
    assertThatThrownBy(() -> Values.coerce(1e39, NodeIds.Float)).hasMessageContaining("outside the Float range");
    assertThatThrownBy(() -> Values.coerce(false, NodeIds.Float)).hasMessage("a Boolean (false) cannot be written to a Float node");
    assertThatThrownBy(() -> Values.coerce(1, NodeIds.Boolean)).hasMessage("a number (1) cannot be written to a Boolean node");
    assertThatThrownBy(() -> Values.coerce("3.5", NodeIds.Double)).hasMessage("a String (3.5) cannot be written to a Double node");
    assertThatThrownBy(() -> Values.coerce(7, NodeIds.String)).hasMessage("a number (7) cannot be written to a String node");
  }

  @Test
  void readsPlcTypesAsPlainValues() {
    assertThat(Values.toJava(Variant.ofFloat(1.5f))).isEqualTo(1.5);
    assertThat(Values.toJava(Variant.ofInt16((short) -3))).isEqualTo(-3L);
    assertThat(Values.toJava(Variant.ofUInt16(Unsigned.ushort(9)))).isEqualTo(9L);
  }

  @Test
  void statusCodesMapToQualityWithTheirName() {
    assertThat(StatusQuality.of(StatusCode.GOOD)).isEqualTo(Quality.GOOD);
    Quality q = StatusQuality.of(new StatusCode(StatusCodes.Bad_SensorFailure));
    assertThat(q.level()).isEqualTo(Quality.Level.BAD);
    assertThat(q.reason()).isEqualTo("Bad_SensorFailure");
    assertThat(StatusQuality.of(new StatusCode(StatusCodes.Uncertain_LastUsableValue)).level()).isEqualTo(Quality.Level.UNCERTAIN);
  }
}
