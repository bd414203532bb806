package com.example.parser;

import java.util.Map;

/** What the suite tests: parses durations such as {@code 90s}, {@code 5m} or {@code 1h30m} into seconds. */
final class DurationParser {
  private final Map<Character, Long> secondsPerUnit;

  DurationParser(Map<Character, Long> secondsPerUnit) {
    this.secondsPerUnit = secondsPerUnit;
  }

  long parse(String text) {
    long total = 0;
    long number = -1;
    for (char c : text.toCharArray()) {
      if (Character.isDigit(c)) {
        number = Math.max(number, 0) * 10 + (c - '0');
      } else {
        Long unit = secondsPerUnit.get(c);
        if (unit == null || number < 0) {
          throw new IllegalArgumentException("not a duration: " + text);
        }
        total += number * unit;
        number = -1;
      }
    }
    if (number >= 0) {
      throw new IllegalArgumentException("no unit after " + number + " in " + text);
    }
    return total;
  }
}
