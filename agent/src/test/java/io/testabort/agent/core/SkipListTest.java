package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkipListTest {
  @TempDir Path dir;

  @AfterEach
  void reset() {
    SkipList.configure(null);
  }

  @Test
  void readsNodeidsOfACrashLogAndIgnoresOtherFields() throws Exception {
    Path log = Files.writeString(dir.resolve("crashes.jsonl"),
        "{\"test_name\":\"divides\",\"extra\":{\"nodeid\":\"nested.Not#this\"},\"nodeid\":\"com.example.CalcTest#divides[2]\",\"pid\":1}\n"
            + "\n"
            + "{\"test_name\":\"no node id\"}\n"
            + "{\"nodeid\":\"com.example.BootTest\"}\n");
    SkipList list = SkipList.read(log);
    assertThat(list.matches("com.example.CalcTest#divides[2]")).isTrue();
    assertThat(list.matches("com.example.CalcTest#divides[1]")).isFalse();
    assertThat(list.matches("nested.Not#this")).isFalse();
    assertThat(list.matches("com.example.BootTest")).isTrue();
  }

  @Test
  void aCrashLogWithTornAndForeignLinesKeepsEveryGoodRecordWithItsNodeidStripped() throws Exception {
    Path log = Files.writeString(dir.resolve("torn.jsonl"),
        "{\"nodeid\": \"  com.example.CalcTest#divides[2] \"}\n"
            + "not json from another tool\n"
            + "{\"nodeid\": \"   \"}\n"
            + "\n"
            + "{\"nodeid\": \"com.example.BootTest\"}\n"
            + "{\"nodeid\": \"com.example.Torn#hal");
    SkipList list = SkipList.read(log);
    assertThat(list.matches("com.example.CalcTest#divides[2]")).isTrue();
    assertThat(list.matches("com.example.BootTest")).isTrue();
    assertThat(list.matches("   ")).isFalse();
    assertThat(list.matches("com.example.Torn#hal")).isFalse();
  }

  @Test
  void aLineTornInTheMiddleOfACharacterCostsThatLineNotTheList() throws Exception {
    byte[] torn = {(byte) 0xe6, (byte) 0x97};
    Path log = dir.resolve("crashes.jsonl");
    Files.write(log, concat("{\"nodeid\": \"j5.J5Test#maybeCrash\"}\n{\"nodeid\": \"j5.J5Test#pas".getBytes(StandardCharsets.UTF_8), torn));
    Path plain = dir.resolve("skip.txt");
    Files.write(plain, concat(concat("com.x.A#a\ncom.x.B#".getBytes(StandardCharsets.UTF_8), torn), "\ncom.x.C#c\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(SkipList.read(log).matches("j5.J5Test#maybeCrash")).isTrue();
    SkipList fromPlain = SkipList.read(plain);
    assertThat(fromPlain.matches("com.x.A#a")).isTrue();
    assertThat(fromPlain.matches("com.x.C#c")).isTrue();
    assertThat(SkipList.lines(Files.readAllBytes(plain))).containsExactly("com.x.A#a", null, "com.x.C#c");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void readsPlainLinesSkippingBlanksAndComments() throws Exception {
    Path plain = Files.writeString(dir.resolve("skip.txt"), "# crashed yesterday\n\n  com.example.ParserTest#parses[1]  \n#com.example.Other#x\n");
    SkipList list = SkipList.read(plain);
    assertThat(list.matches("com.example.ParserTest#parses[1]")).isTrue();
    assertThat(list.matches("com.example.Other#x")).isFalse();
    assertThat(list.matches("# crashed yesterday")).isFalse();
  }

  @Test
  void aMethodMatchesEveryInvocationAndAClassEveryTest() throws Exception {
    SkipList list = SkipList.read(Files.writeString(dir.resolve("s.txt"), "com.example.SchedulerTest#schedules\ncom.example.BootTest\n"));
    assertThat(list.matches("com.example.SchedulerTest#schedules")).isTrue();
    assertThat(list.matches("com.example.SchedulerTest#schedules[2]")).isTrue();
    assertThat(list.matches("com.example.SchedulerTest#schedules[1][3]")).isTrue();
    assertThat(list.matches("com.example.SchedulerTest#schedulesMore")).isFalse();
    assertThat(list.matches("com.example.SchedulerTest#other")).isFalse();
    assertThat(list.matches("com.example.BootTest#boots[1]")).isTrue();
    assertThat(list.matches("com.example.BootTestTwo#boots")).isFalse();
  }

  @Test
  void exactInvocationMatchesOnlyItself() throws Exception {
    SkipList list = SkipList.read(Files.writeString(dir.resolve("s.txt"), "com.example.CalcTest#divides[2]\n"));
    assertThat(list.matches("com.example.CalcTest#divides[2]")).isTrue();
    assertThat(list.matches("com.example.CalcTest#divides")).isFalse();
    assertThat(list.matches("com.example.CalcTest#divides[20]")).isFalse();
  }

  @Test
  void readLazilyOnFirstQueryWithTheContractsReason() throws Exception {
    Path file = dir.resolve("later.txt");
    SkipList.configure(file); // premain: the file need not exist yet
    Files.writeString(file, "com.example.CalcTest#divides\n");
    assertThat(SkipList.reason("com.example.CalcTest#divides[1]")).isEqualTo("crashed in an earlier run");
    assertThat(SkipList.reason("com.example.CalcTest#adds")).isNull();
  }

  @Test
  void missingFileSkipsNothing() {
    SkipList.configure(dir.resolve("absent.txt"));
    assertThat(SkipList.reason("com.example.CalcTest#divides")).isNull();
  }

  @Test
  void withoutTheOptionNothingIsSkipped() {
    assertThat(SkipList.reason("com.example.CalcTest#divides")).isNull();
  }
}
