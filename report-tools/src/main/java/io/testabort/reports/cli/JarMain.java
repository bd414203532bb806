package io.testabort.reports.cli;

/**
 * The Main-Class of {@code test-abort-report-tools.jar}: runs the CLI as {@link Main#main} does. A class of
 * its own because the java launcher reflects on its main class's methods, which loads every type in their
 * signatures: from {@link Main} that was picocli's 72 KB CommandLine class, ~25 ms of every run, even the
 * runs that {@link PlainArgs} serves without picocli. Keep this class free of picocli types.
 */
public final class JarMain {
  private JarMain() {}

  public static void main(String[] args) {
    int code = PlainArgs.run(args);
    System.exit(code != PlainArgs.NOT_PLAIN ? code : Main.run(args));
  }
}
