package io.testabort.reports;

import io.testabort.crash.io.AtomicFiles;
import io.testabort.crash.io.TempFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keeps the files a patch may replace so that they can be put back, without holding any of them in
 * memory: each is hard-linked (copied, where links are not supported) into a hidden directory beside
 * it before the patch. Patchers replace reports through a temp file and a rename, so the link still
 * names the original bytes. {@link #undo} renames them back and removes the files and the (then empty)
 * directories the patch created; {@link #commit} drops the links.
 */
final class Rollback {
  /** Kept file -> its link, or null when the file did not exist. */
  private final Map<Path, Path> kept = new LinkedHashMap<>();
  /** Report directories, with the glob of the files their patcher may create. */
  private final Map<Path, String> directories = new LinkedHashMap<>();
  /** One link directory per parent directory. */
  private final Map<Path, Path> linkDirs = new LinkedHashMap<>();
  /** Directories missing before the patch, which writing a new report creates. */
  private final List<Path> missingDirs = new ArrayList<>();

  /** Keeps a report file (or records that it is missing). */
  void keepFile(Path report) throws IOException {
    Path file = AtomicFiles.realTarget(report); // a linked report is written where the link points
    if (kept.containsKey(file)) {
      return;
    }
    if (Files.isRegularFile(file)) {
      kept.put(file, link(file));
    } else if (Files.notExists(file, LinkOption.NOFOLLOW_LINKS)) {
      kept.put(file, null);
      keepMissing(file.getParent());
    }
    // anything else (a directory given where a report was expected) is the user's, never removed by undo
  }

  /** Keeps every file of {@code dir} matching {@code glob}; files matching it later were created by the patch. */
  void keepDirectory(Path dir, String glob) throws IOException {
    Path abs = dir.toAbsolutePath();
    directories.put(abs, glob);
    keepMissing(abs);
    for (Path f : matching(abs, glob)) {
      keepFile(f);
    }
  }

  /** Records {@code dir} and its ancestors up to the first that exists, if they are missing. */
  private void keepMissing(Path dir) {
    for (Path d = dir; d != null && Files.notExists(d, LinkOption.NOFOLLOW_LINKS); d = d.getParent()) {
      if (!missingDirs.contains(d)) {
        missingDirs.add(d);
      }
    }
  }

  private Path link(Path file) throws IOException {
    Path parent = file.getParent();
    Path dir = linkDirs.get(parent);
    if (dir == null) {
      try {
        dir = TempFiles.createDirectory(parent, TempFiles.ROLLBACK);
      } catch (FileSystemException e) {
        throw TempFiles.naming(file, e); // the report's folder is read-only, say: name the report
      }
      linkDirs.put(parent, dir);
    }
    Path link = dir.resolve(file.getFileName());
    try {
      Files.createLink(link, file);
    } catch (FileAlreadyExistsException e) {
      throw e;
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(file, link, StandardCopyOption.COPY_ATTRIBUTES); // e.g. a file system without hard links
    }
    return link;
  }

  /** Puts every kept file back as it was and removes the files the patch created. */
  void undo() throws IOException {
    for (Map.Entry<Path, String> d : directories.entrySet()) {
      for (Path f : matching(d.getKey(), d.getValue())) {
        kept.putIfAbsent(f, null);
      }
    }
    IOException failure = null;
    for (Map.Entry<Path, Path> e : kept.entrySet()) {
      Path file = e.getKey();
      Path link = e.getValue();
      try {
        if (link == null) {
          Files.deleteIfExists(file);
        } else if (!Files.exists(file) || !Files.isSameFile(file, link)) {
          moveBack(link, file);
        }
      } catch (IOException ex) {
        failure = failure == null ? ex : failure;
      }
    }
    missingDirs.sort(Comparator.comparingInt(Path::getNameCount).reversed()); // deepest first
    for (Path dir : missingDirs) {
      try {
        Files.deleteIfExists(dir); // an empty one only: anything else in it is not the patch's
      } catch (DirectoryNotEmptyException ignored) {
        // something else was put there meanwhile
      } catch (IOException ex) {
        failure = failure == null ? ex : failure;
      }
    }
    commit();
    if (failure != null) {
      throw failure;
    }
  }

  private static void moveBack(Path link, Path file) throws IOException {
    try {
      Files.move(link, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(link, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Drops the links: the patched files stay. */
  void commit() throws IOException {
    for (Path dir : linkDirs.values()) {
      try (Stream<Path> s = Files.walk(dir)) {
        List<Path> all = new ArrayList<>();
        s.sorted(Comparator.reverseOrder()).forEach(all::add);
        for (Path p : all) {
          Files.deleteIfExists(p);
        }
      }
    }
    linkDirs.clear();
  }

  private static List<Path> matching(Path dir, String glob) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob)) {
      for (Path p : s) {
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    }
    return files;
  }
}
