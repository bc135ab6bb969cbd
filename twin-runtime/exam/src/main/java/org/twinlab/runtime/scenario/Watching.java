package org.twinlab.runtime.scenario;

import java.util.Locale;
import java.util.Map;
import org.twinlab.models.TwinModel;
import org.twinlab.runtime.twin.TwinRequestException;
import org.twinlab.scenarios.engine.ActionOutcome;
import org.twinlab.scenarios.engine.WatchRule;
import org.twinlab.scenarios.model.StationRigs;

/**
 * A watch set on a station's twin (L3 4.1.1): taken when it reads, refused naming the field
 * otherwise. The scenario run judges it from then on against what the twin shows.
 */
public final class Watching {
  private Watching() {}

  /** Reads the watch; a malformed one is refused as a bad request naming its field. */
  public static WatchRule read(TwinModel model, Map<String, Object> fields, String who) {
    try {
      return WatchRule.read(fields, StationRigs.of(model), who);
    } catch (WatchRule.Invalid e) {
      throw TwinRequestException.invalid(e.field(), e.getMessage());
    }
  }

  public static ActionOutcome set(TwinModel model, Map<String, Object> fields, String who) {
    WatchRule w = read(model, fields, who);
    return ActionOutcome.accepted(String.format(Locale.ROOT, "watch %s set: fires when %s holds for %.1f s", w.name(), w.conditionText(),
        w.delay().toMillis() / 1000.0));
  }
}
