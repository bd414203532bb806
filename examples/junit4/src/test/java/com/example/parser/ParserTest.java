package com.example.parser;

import static org.junit.Assert.assertEquals;

import com.example.crash.Crash;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;

/**
 * A JUnit 4 Parameterized test. JUnit 4 names its tests {@code parses[0]}, {@code parses[1]},
 * {@code parses[2]} (numbered from 0), and the marker keeps those names; each crash point is named like
 * the node id it produces.
 */
@RunWith(Parameterized.class)
public class ParserTest {
  private static final List<String> INPUTS = List.of("90s", "5m", "1h30m");
  private static final List<Long> SECONDS = List.of(90L, 300L, 5400L);

  private static Map<Character, Long> units;

  @Parameterized.Parameters
  public static List<String> inputs() {
    return INPUTS;
  }

  private final String input;
  private DurationParser parser;

  public ParserTest(String input) {
    this.input = input;
  }

  // class-level setup: a crash here is named by the class alone
  @BeforeClass
  public static void loadUnits() {
    Crash.point("ParserTest.loadUnits");
    units = Map.of('s', 1L, 'm', 60L, 'h', 3600L);
  }

  // runs before each row: a crash here is the setup phase of parses[0], the first row
  @Before
  public void newParser() {
    Crash.point("ParserTest.newParser");
    parser = new DurationParser(units);
  }

  @After
  public void closeParser() {
    Crash.point("ParserTest.closeParser");
  }

  @Test
  public void parses() {
    int row = INPUTS.indexOf(input);
    Crash.point("ParserTest#parses[" + row + "]");
    assertEquals((long) SECONDS.get(row), parser.parse(input));
  }
}
