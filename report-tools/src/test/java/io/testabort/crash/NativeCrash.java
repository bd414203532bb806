package io.testabort.crash;

/**
 * Run in a child JVM with {@code -Djava.library.path} set: loads {@code libcrash.so} (built by the test
 * from {@link #C_SOURCE}) and crashes inside it, so HotSpot blames a native {@code C} frame.
 */
public final class NativeCrash {
  static final String C_SOURCE = "#include <jni.h>\n"
      + "void crash_now(void) { *(volatile int *) 0 = 1; }\n"
      + "JNIEXPORT void JNICALL Java_io_testabort_crash_NativeCrash_crash(JNIEnv *env, jclass c) { crash_now(); }\n";

  private static native void crash();

  public static void main(String[] args) {
    System.loadLibrary("crash");
    crash();
  }
}
