package org.twinlab.models;

/** A text in English and Chinese; the exams are sat in Chinese, the code is read in English. */
public record Localized(String en, String zh) {
  public static Localized of(String en) {
    return new Localized(en, en);
  }
}
