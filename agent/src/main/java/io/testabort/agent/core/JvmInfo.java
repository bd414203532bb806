package io.testabort.agent.core;

import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.function.Supplier;

/** Facts about this JVM that a crash collector needs: Java version, working directory, fatal error log. */
final class JvmInfo {
  /** The JVM's arguments without java.management (the agent's bridge sets it); null: ask java.management. */
  static volatile Supplier<String[]> arguments;

  final String javaVersion;
  final String cwd;
  final String errorFile;

  private JvmInfo(String javaVersion, String cwd, String errorFile) {
    this.javaVersion = javaVersion;
    this.cwd = cwd;
    this.errorFile = errorFile;
  }

  /** Reads the facts once, when a test has started; loads java.management only when the bridge cannot help. */
  static JvmInfo read(long pid) {
    String cwd = System.getProperty("user.dir", "");
    return new JvmInfo(System.getProperty("java.version", ""), cwd, errorFile(readErrorFileOption(), cwd, pid));
  }

  /**
   * Where HotSpot writes its fatal error log: {@code -XX:ErrorFile} with {@code %p} resolved and relative
   * paths taken from the working directory, else {@code <cwd>/hs_err_pid<pid>.log}.
   */
  static String errorFile(String option, String cwd, long pid) {
    if (option == null || option.isEmpty()) {
      return Paths.get(cwd, "hs_err_pid" + pid + ".log").toString();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < option.length(); i++) {
      char c = option.charAt(i);
      if (c == '%' && i + 1 < option.length()) {
        char n = option.charAt(++i);
        if (n == 'p') {
          out.append(pid);
        } else if (n == '%') {
          out.append('%');
        } else {
          out.append(c).append(n);
        }
      } else {
        out.append(c);
      }
    }
    return Paths.get(cwd).resolve(out.toString()).toString();
  }

  private static String readErrorFileOption() {
    Supplier<String[]> source = arguments;
    String[] args = source == null ? null : source.get();
    if (args != null) {
      // measured: java.management's start-up is ~20 ms of CPU on the first test; the arguments are the
      // ones RuntimeMXBean.getInputArguments() gives (JAVA_TOOL_OPTIONS' too)
      return errorFileOption(Arrays.asList(args));
    }
    try {
      com.sun.management.HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      return hotspot == null ? null : hotspot.getVMOption("ErrorFile").getValue();
    } catch (Throwable t) {
      // not HotSpot, or jdk.management missing: fall back to the command line
      return errorFileOption(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
  }

  /** The value of the last {@code -XX:ErrorFile=} among the JVM's arguments (the JVM takes the last), or null. */
  static String errorFileOption(Iterable<String> jvmArguments) {
    String value = null;
    for (String arg : jvmArguments) {
      if (arg.startsWith("-XX:ErrorFile=")) {
        value = arg.substring("-XX:ErrorFile=".length());
      }
    }
    return value;
  }
}
