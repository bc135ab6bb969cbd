package org.twinlab.runtime.twin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.twinlab.connectors.Quality;
import org.twinlab.connectors.Sample;
import org.twinlab.connectors.SignalRequest;
import org.twinlab.runtime.binding.Binding;
import org.twinlab.runtime.binding.BindingSet;
import org.twinlab.runtime.binding.BindingWriter;
import org.twinlab.runtime.connect.Connections;

/**
 * The bindings a twin runs now, keyed by the signal ids they are subscribed under, and the hot
 * path from a sample to a property value (transform, then deadband). Plain Java owned by the
 * twin's thread. A changed binding gets a new signal id, so a late sample of the old one is
 * recognised and dropped.
 */
public final class ActiveBindings {
  private final String twin;
  private BindingSet set;
  private final Map<String, Bound> bySignal = new HashMap<>();
  private final Map<String, String> signalOfProperty = new LinkedHashMap<>();
  private long generation;

  /** A binding as it runs: the value its deadband last let through (null when none), kept beside it so a sample costs one lookup. */
  private static final class Bound {
    final Binding binding;
    Object lastPassed;

    Bound(Binding binding, Object lastPassed) {
      this.binding = binding;
      this.lastPassed = lastPassed;
    }
  }

  /** What a change of bindings asks of the connectors. */
  public record Resubscription(Map<String, List<SignalRequest>> subscribe, Map<String, List<String>> unsubscribe) {}

  /**
   * A sample turned into a property value.
   *
   * @param heldBack the deadband kept it back: the value is current, but nothing changed
   */
  public record Update(String property, Object value, Instant sourceTime, Quality quality, boolean heldBack) {}

  public ActiveBindings(String twin, BindingSet initial) {
    this.twin = twin;
    this.set = new BindingSet(initial.twin(), initial.model(), List.of(), initial.commands());
  }

  public BindingSet set() {
    return set;
  }

  /** Moves to another binding set; unchanged bindings keep their subscriptions. */
  public Resubscription replace(BindingSet next) {
    Map<String, List<SignalRequest>> subscribe = new LinkedHashMap<>();
    Map<String, List<String>> unsubscribe = new LinkedHashMap<>();
    Map<String, Binding> nextByProperty = new LinkedHashMap<>();
    next.bindings().forEach(b -> nextByProperty.put(b.property(), b));
    for (Binding old : set.bindings()) {
      Binding successor = nextByProperty.get(old.property());
      if (successor == null || !same(old, successor)) {
        String signal = signalOfProperty.remove(old.property());
        bySignal.remove(signal);
        unsubscribe.computeIfAbsent(old.source().connection(), c -> new ArrayList<>()).add(signal);
      }
    }
    for (Binding b : next.bindings()) {
      if (signalOfProperty.containsKey(b.property())) {
        String signal = signalOfProperty.get(b.property());
        bySignal.put(signal, new Bound(b, bySignal.get(signal).lastPassed));
        continue;
      }
      String signal = Connections.signalId(twin, b.property() + "#" + (++generation));
      signalOfProperty.put(b.property(), signal);
      bySignal.put(signal, new Bound(b, null));
      subscribe.computeIfAbsent(b.source().connection(), c -> new ArrayList<>())
          .add(new SignalRequest(signal, b.source().address(), b.source().samplingMs(), 0));
    }
    set = next;
    return new Resubscription(subscribe, unsubscribe);
  }

  /** Every subscription of the current set, as if starting afresh (after a stop). */
  public Resubscription all() {
    Map<String, List<SignalRequest>> subscribe = new LinkedHashMap<>();
    for (Binding b : set.bindings()) {
      subscribe.computeIfAbsent(b.source().connection(), c -> new ArrayList<>())
          .add(new SignalRequest(signalOfProperty.get(b.property()), b.source().address(), b.source().samplingMs(), 0));
    }
    return new Resubscription(subscribe, Map.of());
  }

  /** The signal ids of the current set by connection: what a stop releases. */
  public Map<String, List<String>> signalIds() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    set.bindings().forEach(b -> out.computeIfAbsent(b.source().connection(), c -> new ArrayList<>()).add(signalOfProperty.get(b.property())));
    return out;
  }

  public Optional<Binding> forProperty(String property) {
    return set.forProperty(property);
  }

  /**
   * The property value a sample stands for, or empty when it is not (or no longer) bound. A value
   * the transform cannot take becomes BAD with the reason.
   */
  public Optional<Update> accept(Sample s) {
    Bound bound = bySignal.get(s.signal());
    if (bound == null) return Optional.empty();
    Binding b = bound.binding;
    if (s.value() == null || s.quality().isBad()) {
      bound.lastPassed = null;
      return Optional.of(new Update(b.property(), null, s.sourceTime(), s.quality(), false));
    }
    var result = b.transform().apply(s.value());
    if (!result.ok()) {
      bound.lastPassed = null;
      return Optional.of(new Update(b.property(), null, s.sourceTime(), Quality.bad(result.error()), false));
    }
    Object previous = bound.lastPassed;
    if (previous != null && !b.transform().passes(previous, result.value())) {
      return Optional.of(new Update(b.property(), previous, s.sourceTime(), s.quality(), true));
    }
    bound.lastPassed = result.value();
    return Optional.of(new Update(b.property(), result.value(), s.sourceTime(), s.quality(), false));
  }

  /** Bindings compare by their written form: a transform's ranges are arrays, which records compare by identity. */
  private static boolean same(Binding a, Binding b) {
    return BindingWriter.toMap(a).equals(BindingWriter.toMap(b));
  }
}
