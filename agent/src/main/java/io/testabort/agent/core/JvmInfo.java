package io.testabort.agent.core;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;

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

  /**
   * Reads the facts once, when a test has started. java.management (~100 ms of CPU in a cold JVM, a few
   * percent of the 5,000-test benchmark) is loaded only when {@code -XX:ErrorFile} may be set.
   */
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
    if (!errorFileMayBeSet(commandLine(), System.getenv())) {
      return null;
    }
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

  /** This process's arguments, NUL-separated, as Linux shows them; null elsewhere or when unreadable. */
  private static String commandLine() {
    try {
      return new String(Files.readAllBytes(Paths.get("/proc/self/cmdline")), StandardCharsets.UTF_8);
    } catch (Throwable t) {
      return null;
    }
  }

  /**
   * Whether HotSpot may have been given {@code -XX:ErrorFile}: false only when every source of options it
   * reads is in view and none mentions it. Those sources are the {@code java} launcher's arguments
   * ({@code cmdline}, NUL-separated; an {@code @argfile} or {@code -XX:Flags}/{@code -XX:VMOptionsFile}
   * file is not read here, so either one means "may"), {@code JDK_JAVA_OPTIONS} (the launcher's),
   * {@code JAVA_TOOL_OPTIONS} and {@code _JAVA_OPTIONS}. A JVM not started by the {@code java} launcher
   * (embedded through JNI) got options this process's arguments do not show: "may".
   */
  static boolean errorFileMayBeSet(String cmdline, Map<String, String> env) {
    if (cmdline == null || cmdline.isEmpty()) {
      return true;
    }
    String[] args = cmdline.split("\0");
    String launcher = args[0].substring(Math.max(args[0].lastIndexOf('/'), args[0].lastIndexOf('\\')) + 1);
    if (!launcher.equals("java") && !launcher.equals("java.exe")) {
      return true;
    }
    for (String arg : args) {
      if (arg.startsWith("@") || mentionsOptionFile(arg)) {
        return true;
      }
    }
    for (String name : new String[] {"JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS"}) {
      String v = env.get(name);
      if (v != null && (v.indexOf('@') >= 0 || mentionsOptionFile(v))) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsOptionFile(String s) {
    return s.contains("ErrorFile") || s.contains("XX:Flags") || s.contains("VMOptionsFile");
  }
}
