package org.twinlab.scenarios.standard;

import java.util.Optional;

/** Occupational skill levels, 5 (entry) to 1 (highest), as the standards number them. */
public enum Level {
  L5(5, "五级/初级工"), L4(4, "四级/中级工"), L3(3, "三级/高级工"), L2(2, "二级/技师"), L1(1, "一级/高级技师");

  private final int number;
  private final String zh;

  Level(int number, String zh) {
    this.number = number;
    this.zh = zh;
  }

  public int number() {
    return number;
  }

  public String zh() {
    return zh;
  }

  public static Optional<Level> of(long number) {
    for (Level l : values()) {
      if (l.number == number) return Optional.of(l);
    }
    return Optional.empty();
  }
}
