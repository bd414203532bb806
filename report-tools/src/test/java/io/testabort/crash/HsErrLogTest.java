package io.testabort.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.testabort.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parses fatal error logs that real JVMs write when they crash (JDK 17, and Temurin 25 when installed). */
class HsErrLogTest {
  @TempDir Path tmp;

  static Stream<Path> javas() {
    return JavaProcesses.javas();
  }

  @ParameterizedTest
  @MethodSource("javas")
  void parsesARealSegfaultLog(Path java) throws Exception {
    Path file = JavaProcesses.crash(java, tmp, "segv");
    HsErrLog log = HsErrLog.read(file);

    assertThat(log.signal()).isEqualTo("SIGSEGV");
    assertThat(log.error()).isNull();
    assertThat(file.getFileName().toString()).isEqualTo("hs_err_pid" + log.pid() + ".log");
    assertThat(log.problematicFrame()).matches("V \\[libjvm\\.so\\+0x[0-9a-f]+\\] Unsafe_PutLong.*");
    assertThat(log.thread()).isEqualTo("main");
    assertThat(log.javaFrames()).first().asString().startsWith("j  jdk.internal.misc.Unsafe.putLong(");
    assertThat(log.javaFrames()).anySatisfy(f -> assertThat(f).contains(CrashingMain.class.getName()));
    assertThat(log.header()).startsWith("#\n# A fatal error has been detected").contains("# Problematic frame:").endsWith("#\n");
    assertThat(CrashReason.fromHsErr(log)).matches("SIGSEGV in V \\[libjvm\\.so\\+0x[0-9a-f]+\\] Unsafe_PutLong\\S* \\(thread \"main\"\\)");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void readsAStubRoutineProblematicFrame(Path java) throws Exception {
    HsErrLog log = HsErrLog.read(JavaProcesses.crash(java, tmp, "copy"));
    assertThat(log.problematicFrame()).startsWith("v ~StubRoutines::");
    assertThat(CrashReason.fromHsErr(log)).startsWith("SIGSEGV in v ~StubRoutines::").endsWith("(thread \"main\")");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void readsANativeProblematicFrame(Path java) throws Exception {
    Path gcc = Prerequisites.gcc(); // builds the crashing JNI library
    Path src = Files.writeString(tmp.resolve("crash.c"), NativeCrash.C_SOURCE);
    Path include = Path.of(System.getProperty("java.home"), "include");
    Process cc = new ProcessBuilder(gcc.toString(), "-shared", "-fPIC", "-O0", "-I" + include, "-I" + include.resolve("linux"),
        "-o", tmp.resolve("libcrash.so").toString(), src.toString()).inheritIO().start();
    assertThat(cc.waitFor()).isZero();

    Process p = JavaProcesses.run(java, List.of("-Djava.library.path=" + tmp, "-XX:ErrorFile=" + tmp + "/hs_err_pid%p.log",
        "-XX:-CreateCoredumpOnCrash"), NativeCrash.class);
    HsErrLog log = HsErrLog.read(tmp.resolve("hs_err_pid" + p.pid() + ".log"));
    assertThat(log.problematicFrame()).matches("C \\[libcrash\\.so\\+0x[0-9a-f]+\\] crash_now\\+0x[0-9a-f]+");
    assertThat(CrashReason.fromHsErr(log)).matches("SIGSEGV in C \\[libcrash\\.so\\+0x[0-9a-f]+\\] crash_now\\+0x[0-9a-f]+ \\(thread \"main\"\\)");
    assertThat(log.javaFrames()).first().asString().startsWith("j  io.testabort.crash.NativeCrash.crash()V");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void namesTheCrashingThreadWhateverItsName(Path java) throws Exception {
    String name = "worker \"7\" \u00e9";
    assertThat(HsErrLog.read(JavaProcesses.crash(java, tmp, "segv", name)).thread()).isEqualTo(name);
    assertThat(HsErrLog.read(JavaProcesses.crash(java, tmp, "segv", name, "daemon")).thread()).isEqualTo(name);
  }

  @ParameterizedTest
  @MethodSource("javas")
  void fatalErrorsThatAreNotSignalsUseTheirHeadline(Path java) throws Exception {
    HsErrLog log = HsErrLog.read(JavaProcesses.crash(java, tmp, "oom", "hog"));
    assertThat(log.signal()).isNull();
    assertThat(log.error()).matches("Internal Error \\(.*\\): fatal error: OutOfMemory encountered: Java heap space");
    assertThat(CrashReason.fromHsErr(log)).startsWith("Internal Error (").endsWith("Java heap space (thread \"hog\")");
  }

  @ParameterizedTest
  @MethodSource("javas")
  void markerWithTheJvmsErrorFileGivesTheSignalReason(Path java) throws Exception {
    Path hsErr = JavaProcesses.crash(java, tmp, "segv");
    Path marker = Files.writeString(tmp.resolve("last_running_1.json"), "{\"test_name\": \"m\", \"nodeid\": \"com.x.T#m\", \"start_time\": \""
        + IsoTime.format(LocalDateTime.now().minusSeconds(2)) + "\", \"status\": \"running\", \"pid\": 1, \"gpu_id\": \"unknown\","
        + " \"jvm\": {\"error_file\": \"" + hsErr + "\"}}");
    Map<String, Object> r = new MarkerCheck(0.1).check(marker).orElseThrow().fields();
    assertThat((String) r.get("reason")).startsWith("SIGSEGV in V [libjvm.so+").endsWith("(thread \"main\")");
    assertThat(r).containsEntry("signal", "SIGSEGV").containsEntry("error_file", hsErr.toString()).containsEntry("crash_thread", "main");
    assertThat((String) r.get("problematic_frame")).startsWith("V [libjvm.so+");
  }
}
