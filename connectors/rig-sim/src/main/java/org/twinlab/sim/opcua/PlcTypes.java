package org.twinlab.sim.opcua;

import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.twinlab.sim.SignalType;

/** The OPC UA DataTypes a PLC's server gives its IEC types (as S7-1500 and CODESYS do). */
final class PlcTypes {
  private PlcTypes() {}

  static NodeId dataType(SignalType t) {
    return switch (t) {
      case BOOL -> NodeIds.Boolean;
      case INT -> NodeIds.Int16;
      case DINT -> NodeIds.Int32;
      case REAL -> NodeIds.Float;
      case LREAL -> NodeIds.Double;
      case STRING -> NodeIds.String;
    };
  }

  static Variant variant(SignalType t, Object v) {
    return switch (t) {
      case BOOL -> Variant.ofBoolean((Boolean) v);
      case INT -> Variant.ofInt16((short) ((Number) v).longValue());
      case DINT -> Variant.ofInt32((int) ((Number) v).longValue());
      case REAL -> Variant.ofFloat(((Number) v).floatValue());
      case LREAL -> Variant.ofDouble(((Number) v).doubleValue());
      case STRING -> Variant.ofString(String.valueOf(v));
    };
  }

  /** A written value as the plain Java type the simulator takes. */
  static Object fromVariant(Variant v) {
    Object o = v.getValue();
    if (o instanceof Float f) return f.doubleValue();
    if (o instanceof Short || o instanceof Integer || o instanceof Byte) return ((Number) o).longValue();
    return o;
  }
}
