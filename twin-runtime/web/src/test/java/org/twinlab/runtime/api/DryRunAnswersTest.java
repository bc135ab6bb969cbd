package org.twinlab.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.twinlab.scenarios.load.ScenarioLibrary;
import org.twinlab.scenarios.load.ScenarioLoader;
import org.twinlab.scenarios.model.Scenario;
import org.twinlab.scenarios.standard.StandardLoader;

class DryRunAnswersTest {
  private static final List<Scenario> LIBRARY = ScenarioLibrary.load(new ScenarioLoader(StandardLoader.digitalTwinTechnician()));
  private final DryRunAnswers answers = new DryRunAnswers();
  private final AtomicInteger worked = new AtomicInteger();

  private JsonObject work(Scenario s) {
    worked.incrementAndGet();
    return new JsonObject().put("scenario", s.id());
  }

  @Test
  void aScenarioIsWorkedOutOnceAndEachAnswerIsACopy() throws Exception {
    Scenario s = LIBRARY.get(0);
    JsonObject first = answers.answer(s, () -> work(s));
    first.put("scenario", "changed by the first caller");
    JsonObject second = answers.answer(s, () -> work(s));
    assertThat(worked).hasValue(1);
    assertThat(second.getString("scenario")).isEqualTo(s.id());
    Scenario other = LIBRARY.get(1);
    assertThat(answers.answer(other, () -> work(other)).getString("scenario")).isEqualTo(other.id());
    assertThat(worked).hasValue(2);
  }

  @Test
  void askingWhileItIsWorkedOutWaitsForThatWork() throws Exception {
    Scenario s = LIBRARY.get(0);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<JsonObject> a = pool.submit(() -> answers.answer(s, () -> {
        started.countDown();
        release.await(30, TimeUnit.SECONDS);
        return work(s);
      }));
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      Future<JsonObject> b = pool.submit(() -> answers.answer(s, () -> work(s)));
      release.countDown();
      assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(b.get(30, TimeUnit.SECONDS));
      assertThat(worked).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailureIsNotKept() throws Exception {
    Scenario s = LIBRARY.get(0);
    assertThatThrownBy(() -> answers.answer(s, () -> {
      throw new IllegalStateException("the station broke");
    })).hasMessage("the station broke");
    assertThat(answers.answer(s, () -> work(s)).getString("scenario")).isEqualTo(s.id());
  }

  @Test
  void onlyTheMostRecentlyAskedAreKept() throws Exception {
    DryRunAnswers two = new DryRunAnswers(2);
    Scenario a = LIBRARY.get(0);
    Scenario b = LIBRARY.get(1);
    Scenario c = LIBRARY.get(2);
    for (Scenario s : List.of(a, b, a, c)) two.answer(s, () -> work(s));
    assertThat(worked).as("a was asked again before c came, so b went").hasValue(3);
    two.answer(a, () -> work(a));
    assertThat(worked).hasValue(3);
    two.answer(b, () -> work(b));
    assertThat(worked).hasValue(4);
  }
}
