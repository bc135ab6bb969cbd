package org.twinlab.runtime.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twinlab.connectors.Quality;
import org.twinlab.models.ModelLibrary;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.config.TwinConfig;
import org.twinlab.runtime.twin.Change;
import org.twinlab.runtime.twin.Lifecycle;
import org.twinlab.runtime.twin.PropertyState;

/** A property's points share one series key per session; the key says what the eleven fields said. */
class ChangeHistoryTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void pointsOfOnePropertyShareTheirKeyUntilTheSessionOrUnitChanges() {
    var model = ModelLibrary.loadBuiltIn("tank-process");
    TwinConfig twin = new TwinConfig("tank-1", model, new BindingSet("tank-1", model.id(), List.of(), List.of()), "station-3");
    SessionTags sessions = new SessionTags();
    ChangeHistory history = new ChangeHistory(twin, sessions, Clock.fixed(NOW, ZoneOffset.UTC));

    HistoryPoint a = history.points(List.of(level(1.0, "mm"))).get(0);
    HistoryPoint b = history.points(List.of(level(2.0, "mm"), new Change.LifecycleChanged("tank-1", Lifecycle.PAUSED))).get(0);
    sessions.start("tank-1", "exam-9");
    HistoryPoint c = history.points(List.of(level(3.0, "mm"))).get(0);
    HistoryPoint d = history.points(List.of(level(4.0, "cm"))).get(0);

    assertThat(b.series()).isSameAs(a.series());
    assertThat(a.series()).isEqualTo(new SeriesKey("tank-1", model.id(), "tank.level", ValueKind.NUMBER, "mm", "station-3", null));
    assertThat(c.series()).isNotSameAs(a.series());
    assertThat(c.session()).isEqualTo("exam-9");
    assertThat(d.unit()).isEqualTo("cm");
    assertThat(d.session()).isEqualTo("exam-9");
    assertThat(c).isEqualTo(new HistoryPoint("tank-1", model.id(), "tank.level", ValueKind.NUMBER, "mm", 3.0, Quality.GOOD, NOW, NOW,
        "station-3", "exam-9"));
    assertThat(history.points(List.of(new Change.PropertyChanged("tank-1", new PropertyState("no.such", 1.0, "", Quality.GOOD, NOW, NOW))))).as("a property the model lacks").isEmpty();
  }

  private static Change level(double v, String unit) {
    return new Change.PropertyChanged("tank-1", new PropertyState("tank.level", v, unit, Quality.GOOD, NOW, NOW));
  }
}
