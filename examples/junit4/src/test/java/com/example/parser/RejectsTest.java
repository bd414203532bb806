package com.example.parser;

import static org.junit.Assert.assertThrows;

import com.example.crash.Crash;
import java.util.Map;
import org.junit.Test;

/** A plain JUnit 4 test: its node id is {@code RejectsTest#unitlessNumbers}. */
public class RejectsTest {
  @Test
  public void unitlessNumbers() {
    Crash.point("RejectsTest#unitlessNumbers");
    DurationParser parser = new DurationParser(Map.of('s', 1L));
    assertThrows(IllegalArgumentException.class, () -> parser.parse("42"));
  }
}
