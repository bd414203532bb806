package io.testabort.reports.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so {@code --version} matches the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"test-abort-report-tools " + (v == null ? "(development build)" : v)};
  }
}
