package org.twinlab.connectors.sparkplug;

import com.google.protobuf.InvalidProtocolBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.tahu.protobuf.SparkplugBProto;

/**
 * Sparkplug B payloads to and from the protobuf of the specification (Tahu's generated classes):
 * only the fields twinlab uses, as plain records.
 */
public final class SparkplugPayloads {
  private SparkplugPayloads() {}

  /** One payload: its time, sequence number and metrics. */
  public record Payload(Optional<Instant> timestamp, OptionalLong seq, List<Metric> metrics) {
    public Payload {
      metrics = List.copyOf(metrics);
    }
  }

  /**
   * One metric as sent. Data messages may carry an alias instead of the name and leave the data type
   * out, so the value stays raw (the protobuf field it came in) until the birth's type reads it.
   *
   * @param datatype the wire code, 0 when absent
   * @param raw Integer (int_value), Long, Float, Double, Boolean or String; null when the metric is
   *     null or holds a data set, template or bytes
   */
  public record Metric(Optional<String> name, OptionalLong alias, int datatype, Optional<Instant> timestamp, boolean isNull,
      Object raw) {

    public static Metric named(String name, MetricType type, Object value) {
      return new Metric(Optional.of(name), OptionalLong.empty(), type.code(), Optional.empty(), value == null, value);
    }

    /** The value as the given type reads it: a Boolean, Long, Double or String; null when there is none. */
    public Object value(MetricType type) {
      if (isNull || raw == null) return null;
      switch (type) {
        case INT8, INT16, INT32, UINT8, UINT16, UINT32 -> {
          long bits = raw instanceof Number n ? n.longValue() : 0;
          return switch (type) {
            case INT8 -> (long) (byte) bits;
            case INT16 -> (long) (short) bits;
            case INT32 -> (long) (int) bits;
            case UINT8 -> bits & 0xFFL;
            case UINT16 -> bits & 0xFFFFL;
            default -> bits & 0xFFFF_FFFFL;
          };
        }
        case INT64, DATETIME -> {
          return raw instanceof Number n ? n.longValue() : null;
        }
        case UINT64 -> {
          if (!(raw instanceof Number n)) return null;
          long v = n.longValue();
          if (v >= 0) return v;
          return Double.parseDouble(Long.toUnsignedString(v)); // beyond a Long: as near as a Double comes
        }
        case FLOAT, DOUBLE -> {
          // a Float's decimal as the rig wrote it, not its binary expansion (21.1f, not 21.100000381)
          if (raw instanceof Float f) return Double.parseDouble(Float.toString(f));
          return raw instanceof Number n ? n.doubleValue() : null;
        }
        case BOOLEAN -> {
          return raw instanceof Boolean b ? b : null;
        }
        case STRING, TEXT, UUID -> {
          return raw instanceof String s ? s : null;
        }
        default -> {
          return null;
        }
      }
    }
  }

  /** @throws IllegalArgumentException when the bytes are not a Sparkplug B payload */
  public static Payload decode(byte[] bytes) {
    SparkplugBProto.Payload p;
    try {
      p = SparkplugBProto.Payload.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a Sparkplug B payload: " + e.getMessage(), e);
    }
    List<Metric> metrics = new ArrayList<>(p.getMetricsCount());
    for (SparkplugBProto.Payload.Metric m : p.getMetricsList()) {
      metrics.add(new Metric(m.hasName() ? Optional.of(m.getName()) : Optional.empty(),
          m.hasAlias() ? OptionalLong.of(m.getAlias()) : OptionalLong.empty(), m.hasDatatype() ? m.getDatatype() : 0,
          m.hasTimestamp() ? Optional.of(Instant.ofEpochMilli(m.getTimestamp())) : Optional.empty(), m.getIsNull(), raw(m)));
    }
    return new Payload(p.hasTimestamp() ? Optional.of(Instant.ofEpochMilli(p.getTimestamp())) : Optional.empty(),
        p.hasSeq() ? OptionalLong.of(p.getSeq()) : OptionalLong.empty(), metrics);
  }

  private static Object raw(SparkplugBProto.Payload.Metric m) {
    return switch (m.getValueCase()) {
      case INT_VALUE -> m.getIntValue();
      case LONG_VALUE -> m.getLongValue();
      case FLOAT_VALUE -> m.getFloatValue();
      case DOUBLE_VALUE -> m.getDoubleValue();
      case BOOLEAN_VALUE -> m.getBooleanValue();
      case STRING_VALUE -> m.getStringValue();
      default -> null;
    };
  }

  /**
   * A payload of named, typed metrics, as commands (NCMD, DCMD) and tests' edge messages are sent.
   * Values are those {@link MetricType#fit} gives: Long for integer types, Float, Double, Boolean, String.
   */
  public static byte[] encode(Instant at, OptionalLong seq, List<Metric> metrics) {
    SparkplugBProto.Payload.Builder p = SparkplugBProto.Payload.newBuilder().setTimestamp(at.toEpochMilli());
    seq.ifPresent(p::setSeq);
    for (Metric m : metrics) {
      SparkplugBProto.Payload.Metric.Builder b = SparkplugBProto.Payload.Metric.newBuilder();
      m.name().ifPresent(b::setName);
      m.alias().ifPresent(b::setAlias);
      if (m.datatype() != 0) b.setDatatype(m.datatype());
      b.setTimestamp(m.timestamp().orElse(at).toEpochMilli());
      MetricType type = MetricType.of(m.datatype());
      Object v = m.raw();
      if (m.isNull() || v == null) {
        b.setIsNull(true);
      } else if (type.inIntField()) {
        b.setIntValue((int) ((Number) v).longValue());
      } else if (type.isInteger()) {
        b.setLongValue(((Number) v).longValue());
      } else if (type == MetricType.FLOAT) {
        b.setFloatValue(((Number) v).floatValue());
      } else if (type == MetricType.DOUBLE) {
        b.setDoubleValue(((Number) v).doubleValue());
      } else if (type == MetricType.BOOLEAN) {
        b.setBooleanValue((Boolean) v);
      } else {
        b.setStringValue(v.toString());
      }
      p.addMetrics(b);
    }
    return p.build().toByteArray();
  }
}
