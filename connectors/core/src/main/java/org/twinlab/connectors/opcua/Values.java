package org.twinlab.connectors.opcua;

import java.math.BigInteger;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/** Converts between OPC UA values and the plain Boolean/Long/Double/String samples carry. */
final class Values {
  private Values() {}

  /** The value of a Variant as a plain Java value; integer types become Long, floats Double. */
  static Object toJava(Variant v) {
    Object o = v == null ? null : v.getValue();
    if (o == null || o instanceof Boolean || o instanceof String || o instanceof Double || o instanceof Long) return o;
    // a REAL's shortest decimal (0.36, not 0.36000001430511475): what the PLC's own tools show
    if (o instanceof Float f) return Double.parseDouble(Float.toString(f));
    if (o instanceof Byte || o instanceof Short || o instanceof Integer) return ((Number) o).longValue();
    if (o instanceof UByte || o instanceof UShort || o instanceof UInteger) return ((Number) o).longValue();
    if (o instanceof ULong u) return u.toBigInteger().bitLength() < 64 ? u.longValue() : u.doubleValue();
    if (o instanceof LocalizedText t) return t.text();
    if (o instanceof DateTime d) return d.getJavaInstant().toString();
    return String.valueOf(o);
  }

  /**
   * Converts a value to the Variant a node of {@code dataType} holds, only along its own kind: a
   * Boolean to a Boolean node, a number to a numeric node (whole and in range for an integer
   * type, within range for a Float), a string to a String node. A bool written to a Float or a
   * 2.5 to an Int16 is refused rather than quietly turned into something the writer did not mean.
   *
   * @throws IllegalArgumentException naming both types and why the value does not fit
   */
  static Variant coerce(Object value, NodeId dataType) {
    if (value == null) throw new IllegalArgumentException("a value is required");
    String type = typeName(dataType);
    if (NodeIds.Boolean.equals(dataType)) {
      if (value instanceof Boolean b) return Variant.ofBoolean(b);
      throw mismatch(value, type);
    }
    if (NodeIds.String.equals(dataType)) {
      if (value instanceof String s) return Variant.ofString(s);
      throw mismatch(value, type);
    }
    if (!(value instanceof Number n)) throw mismatch(value, type);
    double d = n.doubleValue();
    if (NodeIds.Double.equals(dataType)) return Variant.ofDouble(d);
    if (NodeIds.Float.equals(dataType)) {
      if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) throw new IllegalArgumentException(value + " is outside the Float range");
      return Variant.ofFloat((float) d);
    }
    if (NodeIds.SByte.equals(dataType)) return Variant.ofSByte((byte) toLong(n, Byte.MIN_VALUE, Byte.MAX_VALUE, type));
    if (NodeIds.Byte.equals(dataType)) return Variant.ofByte(Unsigned.ubyte(toLong(n, 0, 255, type)));
    if (NodeIds.Int16.equals(dataType)) return Variant.ofInt16((short) toLong(n, Short.MIN_VALUE, Short.MAX_VALUE, type));
    if (NodeIds.UInt16.equals(dataType)) return Variant.ofUInt16(Unsigned.ushort((int) toLong(n, 0, 65535, type)));
    if (NodeIds.Int32.equals(dataType)) return Variant.ofInt32((int) toLong(n, Integer.MIN_VALUE, Integer.MAX_VALUE, type));
    if (NodeIds.UInt32.equals(dataType)) return Variant.ofUInt32(Unsigned.uint(toLong(n, 0, 0xFFFF_FFFFL, type)));
    if (NodeIds.Int64.equals(dataType)) return Variant.ofInt64(toLong(n, Long.MIN_VALUE, Long.MAX_VALUE, type));
    if (NodeIds.UInt64.equals(dataType)) return Variant.ofUInt64(Unsigned.ulong(BigInteger.valueOf(toLong(n, 0, Long.MAX_VALUE, type))));
    throw new IllegalArgumentException("writing to data type " + dataType.toParseableString() + " is not supported");
  }

  private static IllegalArgumentException mismatch(Object value, String nodeType) {
    return new IllegalArgumentException("a " + javaKind(value) + " (" + value + ") cannot be written to a " + nodeType + " node");
  }

  private static String javaKind(Object v) {
    if (v instanceof Boolean) return "Boolean";
    if (v instanceof Number) return "number";
    if (v instanceof String) return "String";
    return v.getClass().getSimpleName();
  }

  private static String typeName(NodeId dataType) {
    for (var f : NodeIds.class.getFields()) {
      try {
        if (dataType.equals(f.get(null))) return f.getName();
      } catch (IllegalAccessException e) {
        break;
      }
    }
    return dataType.toParseableString();
  }

  private static long toLong(Number n, long min, long max, String type) {
    double d = n.doubleValue();
    if (d != Math.rint(d)) throw new IllegalArgumentException(n + " is not a whole number, as " + type + " needs");
    if (d < min || d > max) throw new IllegalArgumentException(n + " is outside the " + type + " range " + min + ".." + max);
    return n instanceof Long l ? l : (long) d;
  }
}
