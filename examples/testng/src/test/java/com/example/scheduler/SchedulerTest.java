package com.example.scheduler;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertThrows;

import com.example.crash.Crash;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * A TestNG class: a data-provider test whose invocations are {@code schedules[1]}, {@code schedules[2]},
 * {@code schedules[3]} (numbered from 1, as TestNG's reports do) and a plain test; each crash point is
 * named like the node id it produces.
 */
public class SchedulerTest {
  private static final List<String> STARTS = List.of("09:00", "12:30", "16:45");

  private LocalTime opens;
  private LocalTime closes;
  private Scheduler scheduler;

  // class-level setup: a crash here is named by the class alone
  @BeforeClass
  public void loadOpeningHours() {
    Crash.point("SchedulerTest.loadOpeningHours");
    opens = LocalTime.of(8, 0);
    closes = LocalTime.of(18, 0);
  }

  // runs before each test: a crash here is the setup phase of the first test TestNG runs, refusesOverlaps
  @BeforeMethod
  public void newScheduler() {
    Crash.point("SchedulerTest.newScheduler");
    scheduler = new Scheduler(opens, closes);
  }

  @DataProvider
  public Object[][] meetings() {
    return new Object[][] {{"09:00", 30, "09:30"}, {"12:30", 90, "14:00"}, {"16:45", 75, "18:00"}};
  }

  @Test(dataProvider = "meetings")
  public void schedules(String start, int minutes, String end) {
    Crash.point("SchedulerTest#schedules[" + (STARTS.indexOf(start) + 1) + "]");
    assertEquals(scheduler.book(LocalTime.parse(start), Duration.ofMinutes(minutes)), LocalTime.parse(end));
  }

  @Test
  public void refusesOverlaps() {
    Crash.point("SchedulerTest#refusesOverlaps");
    scheduler.book(LocalTime.of(10, 0), Duration.ofHours(1));
    assertThrows(IllegalArgumentException.class, () -> scheduler.book(LocalTime.of(10, 30), Duration.ofMinutes(15)));
  }
}
