package io.testabort.reports.pytest;

import io.testabort.crash.CrashRecord;

/** The text pytest-abort shows for a crashed test, shared by the report formats. */
public final class CrashText {
  private CrashText() {}

  /**
   * Replaces Unicode "other" characters (controls, format characters, lone surrogates, private use,
   * unassigned) with spaces, keeping line feeds, as pytest-abort does before writing a reason.
   */
  public static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (cp != '\n' && isOther(cp)) {
        out.append(' ');
      } else {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  private static boolean isOther(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
        return true;
      default:
        return false;
    }
  }

  /** pytest-abort's long report of a crash: reason, class, time and GPU, one per line. */
  public static String longrepr(CrashRecord crash) {
    return "Test aborted: " + clean(crash.reason()) + "\n"
        + "Test Class: " + clean(crash.testClass()) + "\n"
        + "Abort detected at: " + clean(crash.crashTime()) + "\n"
        + "GPU ID: " + clean(crash.gpuId());
  }
}
