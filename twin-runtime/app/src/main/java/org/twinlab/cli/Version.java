package org.twinlab.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, "dev" when run from classes. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = TwinlabCli.class.getPackage().getImplementationVersion();
    return new String[] {"twinlab " + (v == null ? "dev" : v)};
  }
}
