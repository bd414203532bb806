package io.testabort.agent.junitplatform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A running node's unique id as text and as parsed segments, kept from its start to its end: a child's
 * are its parent's plus one segment, so neither is formatted nor parsed again per test (both were a
 * visible part of a test start's cost in a JVM that still interprets the agent).
 */
final class PlatformNode {
  final String text;
  final List<PlatformNodeIds.Segment> segments;

  private PlatformNode(String text, List<PlatformNodeIds.Segment> segments) {
    this.text = text;
    this.segments = segments;
  }

  /** A node known only by its text: parsed here. */
  static PlatformNode parsed(String text) {
    return new PlatformNode(text, PlatformNodeIds.parse(text));
  }

  /** This node's child whose last segment is {@code [type:value]}, both plain ({@link UniqueIdText#isPlain}). */
  PlatformNode child(String type, String value) {
    String childText = new StringBuilder(text.length() + type.length() + value.length() + 4)
        .append(text).append("/[").append(type).append(':').append(value).append(']').toString();
    List<PlatformNodeIds.Segment> childSegments = new ArrayList<>(segments.size() + 1);
    childSegments.addAll(segments);
    childSegments.add(new PlatformNodeIds.Segment(type, value)); // plain: nothing to decode
    return new PlatformNode(childText, Collections.unmodifiableList(childSegments));
  }
}
