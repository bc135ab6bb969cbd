package org.twinlab.wire;

/**
 * The name of every field of the twin views, in one place: the runtime writes them, clients read
 * them, and a rename here is a change of the wire format.
 */
public final class Fields {
  private Fields() {}

  // a twin, and its summary in the list of twins
  public static final String ID = "id";
  public static final String MODEL = "model";
  public static final String NAME = "name";
  public static final String KIND = "kind";
  public static final String LIFECYCLE = "lifecycle";
  public static final String PROPERTIES = "properties";
  public static final String PROPERTIES_NOT_GOOD = "properties_not_good";
  public static final String ACTIVE_ALARMS = "active_alarms";
  public static final String BINDINGS_VERSION = "bindings_version";
  public static final String VALUES = "values";
  public static final String ALARMS = "alarms";
  public static final String COMMANDS = "commands";
  public static final String WRITABLE = "writable";

  // a property's value
  public static final String PROPERTY = "property";
  public static final String VALUE = "value";
  public static final String UNIT = "unit";
  public static final String QUALITY = "quality";
  public static final String REASON = "reason";
  public static final String SOURCE_TIME = "source_time";
  public static final String RECEIVED_TIME = "received_time";

  // an alarm
  public static final String ALARM = "alarm";
  public static final String SEVERITY = "severity";
  public static final String ACTIVE = "active";
  public static final String MESSAGE = "message";
  public static final String CONDITION = "condition";
  public static final String RAISED_AT = "raised_at";
  public static final String CLEARED_AT = "cleared_at";
  public static final String ACKNOWLEDGED_BY = "acknowledged_by";
  public static final String ACKNOWLEDGED_AT = "acknowledged_at";

  // what a control panel offers
  public static final String COMMAND = "command";
  public static final String DESCRIPTION = "description";
  public static final String DESCRIPTION_ZH = "descriptionZh";
  public static final String TYPE = "type";

  // a change on the live feed
  public static final String TWIN = "twin";
  public static final String EVENT = "event";
  public static final String CHANGES = "changes";

  // a model (the twin's and the lab's models)
  public static final String VERSION = "version";
  public static final String COUNTS = "counts";
  public static final String EN = "en";
  public static final String ZH = "zh";
  public static final String COMPONENTS = "components";
  public static final String RANGE = "range";
  public static final String ENUM_VALUES = "values";
  public static final String PERIOD_MS = "period_ms";
  public static final String EVENT_DRIVEN = "event_driven";
  public static final String PARAMS = "params";
  public static final String VIEW = "view";
  public static final String SHAPES = "shapes";
  public static final String SHAPE = "shape";
  public static final String SIZE = "size";
  public static final String POSITION = "position";
  public static final String COLOR = "color";
  public static final String ANIMATE = "animate";
  public static final String EFFECT = "effect";
  public static final String AXIS = "axis";
  public static final String SCALE = "scale";
  public static final String COLORS = "colors";
  public static final String WRAP = "wrap";
  public static final String OFFSET = "offset";
  public static final String GLTF = "gltf";
  public static final String FILE = "file";
  public static final String NODES = "nodes";
  public static final String NODE = "node";
  public static final String SCENE = "scene";
}
