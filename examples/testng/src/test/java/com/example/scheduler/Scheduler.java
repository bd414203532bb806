package com.example.scheduler;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** What the suite tests: books meetings into one day and refuses overlapping ones. */
final class Scheduler {
  private final LocalTime opens;
  private final LocalTime closes;
  private final List<LocalTime[]> booked = new ArrayList<>();

  Scheduler(LocalTime opens, LocalTime closes) {
    this.opens = opens;
    this.closes = closes;
  }

  /** Books a meeting and returns when it ends. */
  LocalTime book(LocalTime start, Duration length) {
    LocalTime end = start.plus(length);
    if (start.isBefore(opens) || end.isAfter(closes) || end.isBefore(start)) {
      throw new IllegalArgumentException("outside opening hours: " + start + "-" + end);
    }
    for (LocalTime[] meeting : booked) {
      if (start.isBefore(meeting[1]) && meeting[0].isBefore(end)) {
        throw new IllegalArgumentException("overlaps " + meeting[0] + "-" + meeting[1]);
      }
    }
    booked.add(new LocalTime[] {start, end});
    return end;
  }
}
