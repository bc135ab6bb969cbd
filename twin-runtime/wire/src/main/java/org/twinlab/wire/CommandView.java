package org.twinlab.wire;

import static org.twinlab.wire.Fields.COMMAND;
import static org.twinlab.wire.Fields.DESCRIPTION;
import static org.twinlab.wire.Fields.DESCRIPTION_ZH;

import java.util.Map;

/** A command of a twin's model that a control panel offers, described in English and Chinese. */
public record CommandView(String command, String description, String descriptionZh) {

  public Map<String, Object> toMap() {
    Map<String, Object> m = Tree.object();
    m.put(COMMAND, command);
    m.put(DESCRIPTION, description);
    m.put(DESCRIPTION_ZH, descriptionZh);
    return m;
  }

  public static CommandView fromMap(Map<String, ?> m) {
    return new CommandView(Tree.string(m, COMMAND), Tree.string(m, DESCRIPTION), Tree.string(m, DESCRIPTION_ZH));
  }
}
