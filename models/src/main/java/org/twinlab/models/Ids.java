package org.twinlab.models;

import java.util.regex.Pattern;

/** The shape of identifiers in models, bindings and scenarios: lower case, digits, underscores. */
public final class Ids {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private Ids() {}

  /** Component, property, command and alarm ids. */
  public static boolean isId(String s) {
    return ID.matcher(s).matches();
  }

  /** Model and rig names, which also appear in file names and URLs. */
  public static boolean isName(String s) {
    return NAME.matcher(s).matches();
  }
}
