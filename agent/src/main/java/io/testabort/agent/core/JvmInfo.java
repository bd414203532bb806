package io.testabort.agent.core;

import java.lang.management.ManagementFactory;
import java.nio.file.Paths;

/** Facts about this JVM that a crash collector needs: Java version, working directory, fatal error log. */
final class JvmInfo {
  final String javaVersion;
  final String cwd;
  final String errorFile;

  private JvmInfo(String javaVersion, String cwd, String errorFile) {
    this.javaVersion = javaVersion;
    this.cwd = cwd;
    this.errorFile = errorFile;
  }

  /** Reads the facts once; loads java.management, so it is only called once a test has started. */
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
    try {
      com.sun.management.HotSpotDiagnosticMXBean hotspot =
          ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      return hotspot == null ? null : hotspot.getVMOption("ErrorFile").getValue();
    } catch (Throwable t) {
      // not HotSpot, or jdk.management missing: fall back to the command line
      for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (arg.startsWith("-XX:ErrorFile=")) {
          return arg.substring("-XX:ErrorFile=".length());
        }
      }
      return null;
    }
  }
}
