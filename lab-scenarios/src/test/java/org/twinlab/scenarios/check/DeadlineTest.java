package org.twinlab.scenarios.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.twinlab.models.Localized;
import org.twinlab.models.ModelLibrary;

class DeadlineTest {
  private static final SignalNames TANK = SignalNames.of(List.of(ModelLibrary.loadBuiltIn("tank-process")), Set.of("leak"));

  private static Optional<Deadline> deadline(String check, SignalNames names) throws Exception {
    return Deadline.of("c", CheckParser.parse(check), names);
  }

  private static Deadline tank(String check) throws Exception {
    return deadline(check, TANK).orElseThrow();
  }

  @Test
  void withinFromTheStartIsATimeOnTheExamClock() throws Exception {
    Deadline d = tank("eventually action.emergency_stop within 3m");
    assertThat(d.checkId()).isEqualTo("c");
    assertThat(d.text()).isEqualTo(new Localized("by 3:00 on the exam clock", "考试计时 3:00 之前"));
    assertThat(d.byClock()).contains(Duration.ofMinutes(3));
  }

  @Test
  void withinAfterAnAlarmNamesTheAlarmAsTheModelDoes() throws Exception {
    Deadline d = tank("eventually twin.heater.on == false within 30s after first alarm.overtemperature");
    assertThat(d.text().en()).isEqualTo("within 30 s after the alarm “Water above 80 °C” is raised");
    assertThat(d.text().zh()).isEqualTo("报警“水温高于80 °C”出现后 30 秒 内");
    assertThat(d.byClock()).isEmpty();
  }

  @Test
  void beforeAStateNamesThePropertyAndItsUnit() throws Exception {
    Deadline d = tank("eventually twin.inlet_valve.open == false before first rig.tank.level >= 490");
    assertThat(d.text().en()).isEqualTo("before “Level transmitter reading” reaches 490 mm");
    assertThat(d.text().zh()).isEqualTo("在“液位变送器读数”达到 490 mm之前");
    assertThat(d.byClock()).isEmpty();
  }

  @Test
  void betweenTwoMomentsNamesBothAndEndsOnTheClockWhenTheEndIsATime() throws Exception {
    Deadline d = tank("eventually action.alarm_ack between first alarm.level_high and start + 10m");
    assertThat(d.text().en()).isEqualTo("between the alarm “Tank level above 450 mm” is raised and 10:00 on the exam clock");
    assertThat(d.text().zh()).isEqualTo("在报警“液位高于450 mm”出现与考试计时 10:00之间");
    assertThat(d.byClock()).contains(Duration.ofMinutes(10));
  }

  @Test
  void aCheckThatForbidsSomethingLastsUntilItsLimit() throws Exception {
    assertThat(tank("never rig.tank.level > 450 within 1m30s").text())
        .isEqualTo(new Localized("until 1:30 on the exam clock", "直到考试计时 1:30"));
    assertThat(tank("always twin.pump.running within 2m after first action.write[property=pid.setpoint]").text())
        .isEqualTo(new Localized("for 2 min after you write “Level setpoint”", "你写入“液位设定值”后 2 分钟 内"));
  }

  @Test
  void actionsAreWordedByWhatTheyDo() throws Exception {
    assertThat(tank("eventually action.report within 1m after first action.alarm_ack[alarm=level_high]").text().en())
        .isEqualTo("within 1 min after you acknowledge the alarm “Tank level above 450 mm”");
    assertThat(tank("eventually action.write within 1m after last action.binding_edit[property=tank.level]").text().en())
        .isEqualTo("within 1 min after you edit the binding of “Level transmitter reading” for the last time");
    assertThat(tank("eventually action.report before first action.export").text())
        .isEqualTo(new Localized("before you take the “export” action", "在你执行“export”操作之前"));
  }

  @Test
  void withoutModelNamesThePathsAreShown() throws Exception {
    Deadline d = deadline("eventually action.write before first rig.tank.level >= 490", SignalNames.NONE).orElseThrow();
    assertThat(d.text().en()).isEqualTo("before “tank.level” reaches 490");
    assertThat(d.text().zh()).isEqualTo("在“tank.level”达到 490之前");
  }

  @Test
  void aWindowThatRunsToTheEndSetsNoLimit() throws Exception {
    assertThat(deadline("never rig.tank.level > 450", TANK)).isEmpty();
    assertThat(deadline("eventually action.report after first alarm.level_high", TANK)).isEmpty();
    assertThat(deadline("eventually action.report between first alarm.level_high and end", TANK)).isEmpty();
  }

  @Test
  void aHiddenFaultIsNeverNamed() throws Exception {
    Deadline d = tank("eventually action.emergency_stop within 1m after first fault.leak");
    assertThat(d.text().en()).isEqualTo("within 1 min after something goes wrong at the rig").doesNotContain("leak");
    assertThat(d.text().zh()).doesNotContain("leak");
    assertThat(tank("eventually action.write within 4m after first fault.leak[phase=cleared]").text())
        .isEqualTo(new Localized("within 4 min after the rig is back to normal", "装置恢复正常后 4 分钟 内"));
    Deadline told = tank("eventually action.emergency_stop within 1m after first fault.inlet_stuck");
    assertThat(told.text().en()).isEqualTo("within 1 min after the fault “inlet stuck” occurs");
    assertThat(tank("eventually action.write within 1m after first fault.inlet_stuck[phase=cleared]").text().en())
        .isEqualTo("within 1 min after the fault “inlet stuck” is cleared");
    Deadline mixed = tank("eventually action.report before first (fault.leak or rig.tank.level + 1 > 300)");
    assertThat(mixed.text().en()).doesNotContain("leak");
  }
}
