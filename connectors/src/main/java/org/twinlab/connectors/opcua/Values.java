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
   * Converts a value to the Variant a node of {@code dataType} accepts, as a PLC would expect:
   * numbers into the integer type's range, booleans from true/false or 0/1.
   *
   * @throws IllegalArgumentException naming why the value does not fit
   */
  static Variant coerce(Object value, NodeId dataType) {
    if (value == null) throw new IllegalArgumentException("a value is required");
    if (NodeIds.Boolean.equals(dataType)) return Variant.ofBoolean(toBoolean(value));
    if (NodeIds.String.equals(dataType)) return Variant.ofString(String.valueOf(value));
    if (NodeIds.Double.equals(dataType)) return Variant.ofDouble(toDouble(value));
    if (NodeIds.Float.equals(dataType)) return Variant.ofFloat((float) toDouble(value));
    if (NodeIds.SByte.equals(dataType)) return Variant.ofSByte((byte) toLong(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "SByte"));
    if (NodeIds.Byte.equals(dataType)) return Variant.ofByte(Unsigned.ubyte(toLong(value, 0, 255, "Byte")));
    if (NodeIds.Int16.equals(dataType)) return Variant.ofInt16((short) toLong(value, Short.MIN_VALUE, Short.MAX_VALUE, "Int16"));
    if (NodeIds.UInt16.equals(dataType)) return Variant.ofUInt16(Unsigned.ushort((int) toLong(value, 0, 65535, "UInt16")));
    if (NodeIds.Int32.equals(dataType)) return Variant.ofInt32((int) toLong(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "Int32"));
    if (NodeIds.UInt32.equals(dataType)) return Variant.ofUInt32(Unsigned.uint(toLong(value, 0, 0xFFFF_FFFFL, "UInt32")));
    if (NodeIds.Int64.equals(dataType)) return Variant.ofInt64(toLong(value, Long.MIN_VALUE, Long.MAX_VALUE, "Int64"));
    if (NodeIds.UInt64.equals(dataType)) return Variant.ofUInt64(Unsigned.ulong(BigInteger.valueOf(toLong(value, 0, Long.MAX_VALUE, "UInt64"))));
    throw new IllegalArgumentException("writing to data type " + dataType.toParseableString() + " is not supported");
  }

  private static boolean toBoolean(Object v) {
    if (v instanceof Boolean b) return b;
    if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) return n.doubleValue() == 1;
    if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
    throw new IllegalArgumentException("'" + v + "' is not a Boolean (use true/false or 0/1)");
  }

  private static double toDouble(Object v) {
    if (v instanceof Number n) return n.doubleValue();
    if (v instanceof Boolean b) return b ? 1 : 0;
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' is not a number");
      }
    }
    throw new IllegalArgumentException("'" + v + "' is not a number");
  }

  private static long toLong(Object v, long min, long max, String type) {
    double d = toDouble(v);
    if (d != Math.rint(d)) throw new IllegalArgumentException(d + " is not a whole number, as " + type + " needs");
    if (d < min || d > max) throw new IllegalArgumentException(v + " is outside the " + type + " range " + min + ".." + max);
    return (long) d;
  }
}
